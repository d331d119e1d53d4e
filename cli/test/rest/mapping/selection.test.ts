import { IntegrationResponseModel } from '../../../src/model';
import { chooseResponseTemplate, selectIntegrationResponse } from '../../../src/rest/mapping/integration-response';
import { planRequestBody } from '../../../src/rest/mapping/request-template';

const response = (statusCode: string, selectionPattern?: string): IntegrationResponseModel =>
  ({ statusCode, selectionPattern, responseParameters: {}, responseTemplates: {} });

describe('integration response selection', () => {
  // https://docs.aws.amazon.com/apigateway/latest/api/API_IntegrationResponse.html (selectionPattern)
  const responses = [response('200'), response('400', '.*Bad request.*'), response('404', '404'), response('500', '5\\d{2}')];

  test('a status code selects the response whose pattern matches it', () => {
    expect(selectIntegrationResponse(responses, '503')?.statusCode).toBe('500');
  });

  test('a Lambda error message selects the response whose pattern matches it', () => {
    expect(selectIntegrationResponse(responses, 'Bad request: no name')?.statusCode).toBe('400');
  });

  test('a selector no pattern matches takes the default response', () => {
    expect(selectIntegrationResponse(responses, 'Something else')?.statusCode).toBe('200');
  });

  test('a pattern must match the whole selector', () => {
    expect(selectIntegrationResponse(responses, '4040')?.statusCode).toBe('200');
  });

  test('without a default response an unmatched selector selects nothing', () => {
    expect(selectIntegrationResponse([response('404', '404')], '200')).toBeUndefined();
  });

  test('a pattern does not match across a line break, as AWS warns', () => {
    expect(selectIntegrationResponse([response('200'), response('400', '.+')], 'line one\nline two')?.statusCode).toBe('200');
  });
});

describe('response template by Accept', () => {
  // https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html
  const templates = { 'application/json': 'json', 'application/xml': 'xml' };

  test('the first accepted media type with a template wins', () => {
    expect(chooseResponseTemplate(templates, 'text/html, application/xml;q=0.9')).toEqual({ contentType: 'application/xml', template: 'xml' });
  });

  test('without a matching Accept the application/json template is used', () => {
    expect(chooseResponseTemplate(templates, 'text/csv')).toEqual({ contentType: 'application/json', template: 'json' });
  });

  test('without templates the body passes through', () => {
    expect(chooseResponseTemplate({}, 'application/json')).toBeUndefined();
  });
});

describe('request template and passthrough behavior', () => {
  // The three examples of https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
  const jsonTemplate = { 'application/json': '{}' };

  test('no Content-Type is application/json and takes its template', () => {
    expect(planRequestBody(jsonTemplate, 'NEVER', undefined)).toEqual({ kind: 'template', contentType: 'application/json', template: '{}' });
  });

  test.each([
    ['WHEN_NO_MATCH', jsonTemplate, 'passthrough'],
    ['WHEN_NO_TEMPLATES', jsonTemplate, 'unsupported-media-type'],
    ['NEVER', jsonTemplate, 'unsupported-media-type'],
    ['WHEN_NO_MATCH', {}, 'passthrough'],
    ['WHEN_NO_TEMPLATES', {}, 'passthrough'],
    ['NEVER', {}, 'unsupported-media-type'],
  ] as const)('an application/xml request with %s and templates %j is %s', (behavior, templates, kind) => {
    expect(planRequestBody(templates, behavior, 'application/xml; charset=utf-8').kind).toBe(kind);
  });
});
