import { mapRequestParameters, mapResponseHeaders, MappingSources } from '../../../src/rest/mapping/parameter-mapping';

// Mapping sources and targets of https://docs.aws.amazon.com/apigateway/latest/developerguide/request-response-data-mappings.html

const sources: MappingSources = {
  methodRequest: {
    path: { id: '42' },
    querystring: { tag: ['a', 'b'] },
    header: new Map([['x-trace', ['t1']], ['accept', ['text/plain', 'application/json']]]),
    body: '{"user":{"name":"ann"}}',
  },
  integrationResponse: { header: new Map([['x-upstream', ['u1']]]), body: '{"id":7,"links":{"self":"/items/7"}}' },
  context: { requestId: 'r-1', identity: { sourceIp: '10.0.0.1' } },
  stageVariables: { version: 'v2' },
};

describe('request parameter mappings', () => {
  test('integration request parameters take method request values, literals, context and stage variables', () => {
    const mapped = mapRequestParameters({
      'integration.request.header.X-Trace': 'method.request.header.X-Trace',
      'integration.request.header.X-Static': '\'fixed\'',
      'integration.request.header.X-Caller': 'context.identity.sourceIp',
      'integration.request.querystring.version': 'stageVariables.version',
      'integration.request.path.itemId': 'method.request.path.id',
      'integration.request.querystring.tag': 'method.request.querystring.tag',
    }, sources);
    expect(mapped).toEqual({
      header: { 'X-Trace': 't1', 'X-Static': 'fixed', 'X-Caller': '10.0.0.1' },
      querystring: { version: 'v2', tag: 'b' },
      path: { itemId: '42' },
    });
  });

  test('a multi-value source joins its values with commas', () => {
    expect(mapRequestParameters({ 'integration.request.header.Accept': 'method.request.multivalueheader.Accept' }, sources).header)
      .toEqual({ Accept: 'text/plain,application/json' });
  });

  test('a body JSONPath mapping reads the method request body', () => {
    expect(mapRequestParameters({ 'integration.request.header.X-User': 'method.request.body.user.name' }, sources).header).toEqual({ 'X-User': 'ann' });
  });

  test('a mapping whose source is absent sends nothing', () => {
    expect(mapRequestParameters({ 'integration.request.header.X-Missing': 'method.request.header.X-Missing' }, sources).header).toEqual({});
  });
});

describe('response parameter mappings', () => {
  test('method response headers take integration response headers, body JSONPath values and literals', () => {
    expect(mapResponseHeaders({
      'method.response.header.X-Upstream': 'integration.response.header.X-Upstream',
      'method.response.header.Location': 'integration.response.body.links.self',
      'method.response.header.X-Static': '\'v\'',
    }, 'method.response', sources)).toEqual([['X-Upstream', 'u1'], ['Location', '/items/7'], ['X-Static', 'v']]);
  });
});
