import { JWT_AUTHORIZER_CONFIG_ENV as CLI_JWT_AUTHORIZER_CONFIG_ENV } from '../../cli/src/gateway/trusted-issuers';
import { JWT_AUTHORIZER_CONFIG_ENV, parseJwtAuthorizerConfig } from '../../src/handlers/jwt-authorizer-config.lambda-shared';

const valid = { issuer: 'https://issuer.example.com', audience: ['api'] };
const parse = (value: unknown) => () => parseJwtAuthorizerConfig(JSON.stringify(value));

describe('JWT_AUTHORIZER_CONFIG_ENV', () => {
  test('names the variable deployed functions read, GATEWAYKIT_JWT_CONFIG, as gatewaykit serve reads it too', () => {
    expect(JWT_AUTHORIZER_CONFIG_ENV).toBe('GATEWAYKIT_JWT_CONFIG');
    expect(CLI_JWT_AUTHORIZER_CONFIG_ENV).toBe(JWT_AUTHORIZER_CONFIG_ENV);
  });
});

describe('parseJwtAuthorizerConfig', () => {
  test('returns a valid configuration as given', () => {
    expect(parseJwtAuthorizerConfig(JSON.stringify(valid))).toEqual(valid);
  });

  test('rejects a missing variable', () => {
    expect(() => parseJwtAuthorizerConfig(undefined)).toThrow(/GATEWAYKIT_JWT_CONFIG is not set/);
  });

  test('rejects malformed JSON', () => {
    expect(() => parseJwtAuthorizerConfig('{issuer')).toThrow(/JSON/);
  });

  test('rejects a value that is not an object', () => {
    expect(parse(['https://issuer.example.com'])).toThrow(/must be a JSON object/);
  });

  test('rejects a plain-http issuer', () => {
    expect(parse({ issuer: 'http://issuer.example.com' })).toThrow(/issuer must be an https:\/\/ URL, got "http:\/\/issuer.example.com"/);
  });

  test('rejects a plain-http JWKS location', () => {
    expect(parse({ ...valid, jwksUri: 'http://keys.example.com' })).toThrow(/jwksUri must be an https:\/\/ URL/);
  });

  test('rejects a list holding an empty string', () => {
    expect(parse({ ...valid, requiredScopes: [''] })).toThrow(/requiredScopes must be a list of non-empty strings, got \[""\]/);
  });

  test('rejects a list holding a number', () => {
    expect(parse({ ...valid, audience: [1] })).toThrow(/audience must be a list of non-empty strings, got \[1\]/);
  });

  test('rejects an unknown token use', () => {
    expect(parse({ ...valid, tokenUse: 'refresh' })).toThrow(/tokenUse must be "id" or "access", got "refresh"/);
  });

  test('rejects a token source in an unknown place', () => {
    expect(parse({ ...valid, tokenSource: { in: 'cookie', name: 'token' } })).toThrow(/tokenSource must be \{ in: "header" \| "query", name: string \}/);
  });

  test('accepts requireExpiration false', () => {
    expect(parseJwtAuthorizerConfig(JSON.stringify({ ...valid, requireExpiration: false }))).toMatchObject({ requireExpiration: false });
  });

  test('rejects a requireExpiration that is not a boolean', () => {
    expect(parse({ ...valid, requireExpiration: 'false' })).toThrow(/requireExpiration must be true or false, got "false"/);
  });

  test('accepts a usage identifier claim name with punctuation', () => {
    expect(parseJwtAuthorizerConfig(JSON.stringify({ ...valid, usageIdentifierClaim: 'custom:api_key' }))).toMatchObject({ usageIdentifierClaim: 'custom:api_key' });
  });

  test.each([
    ['an empty string', '', '""'],
    ['a name with whitespace', 'api key', '"api key"'],
    ['a number', 42, '42'],
    ['a list', ['api_key'], '\\["api_key"\\]'],
  ])('rejects a usage identifier claim that is %s', (_name, usageIdentifierClaim, shown) => {
    expect(parse({ ...valid, usageIdentifierClaim })).toThrow(new RegExp(`usageIdentifierClaim must be a non-empty claim name without whitespace, got ${shown}`));
  });
});
