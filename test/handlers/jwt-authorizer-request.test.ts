import { API_ARN, requestEvent, tokenEvent } from './jwt-fixtures';
import { DEFAULT_TOKEN_SOURCE, MAX_TOKEN_LENGTH, readAuthorizerRequest } from '../../src/handlers/jwt-authorizer-request.lambda-shared';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

function rejectionReason(event: unknown, source = DEFAULT_TOKEN_SOURCE): string | undefined {
  try {
    readAuthorizerRequest(event, source);
    return undefined;
  } catch (error) {
    return (error as { reason?: string }).reason;
  }
}

describe('readAuthorizerRequest', () => {
  it('returns the token and the whole-API ARN of a TOKEN event', () => {
    expect(readAuthorizerRequest(tokenEvent(TOKEN), DEFAULT_TOKEN_SOURCE)).toEqual({ token: TOKEN, apiArn: API_ARN });
  });

  it('trims whitespace around the token', () => {
    expect(readAuthorizerRequest(tokenEvent(`  Bearer ${TOKEN} `), DEFAULT_TOKEN_SOURCE).token).toBe(TOKEN);
  });

  it('leaves a token that merely starts with "Bearer" unchanged, so it fails as malformed', () => {
    expect(rejectionReason(tokenEvent(`Bearer${TOKEN}`))).toBe('malformed-token');
  });

  it('takes the first header whose name matches case-insensitively', () => {
    const event = requestEvent({ headers: { 'AUTHORIZATION': TOKEN, 'x-other': 'value' } });

    expect(readAuthorizerRequest(event, DEFAULT_TOKEN_SOURCE).token).toBe(TOKEN);
  });

  it('matches query-string parameter names exactly', () => {
    const event = requestEvent({ queryStringParameters: { Access_Token: TOKEN } });

    expect(rejectionReason(event, { in: 'query', name: 'access_token' })).toBe('missing-token');
  });

  it('does not read a query-string parameter inherited from Object.prototype', () => {
    const event = requestEvent({ queryStringParameters: {} });

    expect(rejectionReason(event, { in: 'query', name: 'toString' })).toBe('missing-token');
  });

  it('rejects a token longer than any API Gateway request could carry', () => {
    expect(rejectionReason(tokenEvent(`${TOKEN}${'A'.repeat(MAX_TOKEN_LENGTH)}`))).toBe('oversized-token');
  });

  it.each([
    ['padding', `${TOKEN}==`],
    ['a fourth segment', `${TOKEN}.c2ln`],
    ['an empty segment', `.${TOKEN.split('.')[1]}.c2ln`],
    ['standard base64 characters', TOKEN.replace('c2ln', 'c2+/')],
    ['a segment of impossible length', `${TOKEN.split('.').slice(0, 2).join('.')}.c2lnb`],
  ])('rejects a token with %s as malformed', (_name, token) => {
    expect(rejectionReason(tokenEvent(token))).toBe('malformed-token');
  });

  it('checks the methodArn before the token', () => {
    expect(rejectionReason(tokenEvent('', 'arn:aws:sns:eu-west-1:123456789012:topic'))).toBe('malformed-method-arn');
  });
});
