import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { RestAuthorizer } from '../../src';
import { newApi, newFunction, newStack, templateOf } from '../support/fixtures';

const JWT = { issuer: 'https://issuer.example.com', audience: ['api://items'] };

/** Binds an authorizer the way an API does, returning what routes see of it. */
function bound(authorizer: (stack: ReturnType<typeof newStack>) => RestAuthorizer) {
  const stack = newStack();
  const restApi = new apigateway.RestApi(stack, 'RestApi');
  return authorizer(stack)._bind(stack, restApi, 'Authorizer');
}

describe('JWT authorizer usageIdentifierClaim', () => {
  test('is passed to the function with the other verification settings', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ ...JWT, usageIdentifierClaim: 'custom:api_key' }),
    }));

    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          GATEWAYKIT_JWT_CONFIG: JSON.stringify({ ...JWT, contextClaims: ['sub'], usageIdentifierClaim: 'custom:api_key' }),
        }),
      },
    });
  });

  test.each([
    ['empty', ''],
    ['holding whitespace', 'api key'],
  ])('is refused at synth when %s', (_name, usageIdentifierClaim) => {
    const build = () => newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ ...JWT, usageIdentifierClaim }),
    }));

    expect(build).toThrow(new RegExp(
      `\\[JwtUsageIdentifierClaim\\] .*usageIdentifierClaim must be the name of a claim, non-empty and without whitespace \\(e\\.g\\. 'custom:api_key'\\), got '${usageIdentifierClaim}'`,
    ));
  });
});

describe('providesUsageIdentifierKey', () => {
  test('is true for a JWT authorizer with usageIdentifierClaim', () => {
    expect(bound(() => RestAuthorizer.jwt({ ...JWT, usageIdentifierClaim: 'tenant_key' })).providesUsageIdentifierKey).toBe(true);
  });

  test('is false for a JWT authorizer without usageIdentifierClaim', () => {
    expect(bound(() => RestAuthorizer.jwt(JWT)).providesUsageIdentifierKey).toBe(false);
  });

  test.each([
    ['TOKEN', (stack: ReturnType<typeof newStack>) => RestAuthorizer.token(newFunction(stack, 'AuthFn'))],
    ['REQUEST', (stack: ReturnType<typeof newStack>) => RestAuthorizer.request(newFunction(stack, 'AuthFn'), {
      identitySources: [apigateway.IdentitySource.header('X-Tenant')],
    })],
  ])('is true for a Lambda %s authorizer, whose code may return the key', (_type, authorizer) => {
    expect(bound(authorizer).providesUsageIdentifierKey).toBe(true);
  });

  test.each([
    ['Cognito', () => RestAuthorizer.cognito()],
    ['IAM', () => RestAuthorizer.iam()],
  ])('is not set for a %s authorizer, which cannot return a key', (_type, authorizer) => {
    expect(bound(authorizer).providesUsageIdentifierKey ?? false).toBe(false);
  });
});
