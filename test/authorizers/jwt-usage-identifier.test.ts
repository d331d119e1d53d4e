import { App, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { HttpApiAuthorizer, RestAuthorizer, SecureHttpApi, WebSocketApiAuthorizer } from '../../src';
import { JWT_AUTHORIZER_CONFIG_ENV } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { newApi, newFunction, newStack, templateOf } from '../support/fixtures';
import { newWebSocketApi } from '../websocket/support';

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
          [JWT_AUTHORIZER_CONFIG_ENV]: JSON.stringify({ ...JWT, contextClaims: ['sub'], usageIdentifierClaim: 'custom:api_key' }),
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

/** Custom attributes of a pool: `api_key` (the tenant's API key) and one other, `team`. */
const CUSTOM_ATTRIBUTES = { api_key: new cognito.StringAttribute({ mutable: true }), team: new cognito.StringAttribute({ mutable: true }) };

function poolWithApiKey(stack: Stack, id = 'Pool'): cognito.UserPool {
  return new cognito.UserPool(stack, id, { customAttributes: CUSTOM_ATTRIBUTES });
}

/** A REST API whose JWT authorizer meters callers with `claim` of `userPool`'s tokens; `clients` adds the app's clients. */
function apiMeteredBy(claim: string, clients: (pool: cognito.UserPool, stack: Stack) => void) {
  return newApi((handler, stack) => {
    const userPool = poolWithApiKey(stack);
    clients(userPool, stack);
    return {
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ userPool, clientIds: ['client-1'], usageIdentifierClaim: claim }),
    };
  });
}

function synth(stack: Stack): () => void {
  return () => App.of(stack)!.synth();
}

/** The standard attributes Cognito lets an app client write, as the library lists them for its own clients. */
const STANDARD_WRITE_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];

describe('a usage identifier claim that an app client of the pool can write', () => {
  test('is a synth error naming the client, the attribute and the fix when the client sets no writeAttributes', () => {
    const { stack } = apiMeteredBy('custom:api_key', (pool) => pool.addClient('Web'));

    expect(synth(stack)).toThrow(new RegExp(
      '\\[UsageIdentifierClaimWritable\\] TestStack/Api: DefaultAuthorizer\\.usageIdentifierClaim is \'custom:api_key\', but app client '
      + 'TestStack/Pool/Web can write that attribute \\(it sets no writeAttributes, so every attribute is writable\\): a user '
      + 'could set it to another customer\'s API key\\. Give the client writeAttributes without custom:api_key',
    ));
  });

  test('is a synth error when the client\'s writeAttributes include the attribute', () => {
    const { stack } = apiMeteredBy('custom:api_key', (pool) => pool.addClient('Web', {
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('api_key'),
    }));

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*app client TestStack\/Pool\/Web can write that attribute \(its writeAttributes include custom:api_key\)/);
  });

  test('is a synth error for a client of the pool created in another stack', () => {
    const { stack } = apiMeteredBy('custom:api_key', (pool, poolStack) => {
      const clientStack = new Stack(App.of(poolStack)!, 'Clients', { env: { account: poolStack.account, region: poolStack.region } });
      new cognito.UserPoolClient(clientStack, 'Mobile', { userPool: pool });
    });

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*app client Clients\/Mobile can write that attribute/);
  });

  test('is a synth error for an L1 client whose writeAttributes are not known at synth', () => {
    const { stack } = apiMeteredBy('custom:api_key', (pool, poolStack) => new cognito.CfnUserPoolClient(poolStack, 'RawClient', {
      userPoolId: pool.userPoolId,
      writeAttributes: Fn.split(',', new CfnParameter(poolStack, 'WriteAttributes').valueAsString),
    }));

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*app client TestStack\/RawClient can write that attribute \(its writeAttributes are not known at synth\)/);
  });

  test('is a synth error for a standard attribute the client can write', () => {
    const { stack } = apiMeteredBy('preferred_username', (pool) => pool.addClient('Web'));

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*usageIdentifierClaim is 'preferred_username', but app client TestStack\/Pool\/Web can write that attribute/);
  });

  test('is accepted when every client\'s writeAttributes leave the attribute out', () => {
    const { stack } = apiMeteredBy('custom:api_key', (pool) => pool.addClient('Web', {
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }).withCustomAttributes('team'),
    }));

    expect(synth(stack)).not.toThrow();
  });

  test('ignores clients of other pools', () => {
    const { stack } = apiMeteredBy('custom:api_key', (_pool, poolStack) => poolWithApiKey(poolStack, 'OtherPool').addClient('Web'));

    expect(synth(stack)).not.toThrow();
  });

  test.each(['sub', 'cognito:username', 'tenant_key'])('ignores %s, which no app client can write', (claim) => {
    const { stack } = apiMeteredBy(claim, (pool) => pool.addClient('Web'));

    expect(synth(stack)).not.toThrow();
  });

  test('is a synth error behind the WebSocket JWT authorizer too', () => {
    const { stack } = newWebSocketApi((_fn, s) => {
      const userPool = poolWithApiKey(s);
      userPool.addClient('Web');
      return { authorizer: WebSocketApiAuthorizer.jwt({ userPool, clientIds: ['client-1'], usageIdentifierClaim: 'custom:api_key' }) };
    });

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\] TestStack\/Api: authorizer\.usageIdentifierClaim is 'custom:api_key', but app client TestStack\/Pool\/Web can write that attribute/);
  });
});

describe('an app client the library creates in a pool whose attribute a usage identifier claim reads', () => {
  function cognitoApiMeteredByJwt() {
    return newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.cognito({
        userPoolProps: { customAttributes: CUSTOM_ATTRIBUTES },
      }),
    }));
  }

  test('can write every attribute it could before but that one', () => {
    const { stack, api, fn } = cognitoApiMeteredByJwt();
    api.addRoute('GET /usage', {
      handler: fn,
      authorizer: RestAuthorizer.jwt({ userPool: api.userPool, clientIds: [api.userPoolClient!.userPoolClientId], usageIdentifierClaim: 'custom:api_key' }),
    });

    templateOf(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: [...STANDARD_WRITE_ATTRIBUTES, 'custom:team'] });
    expect(synth(stack)).not.toThrow();
  });

  test('keeps Cognito\'s default write attributes when no usage identifier claim reads its pool', () => {
    const { stack } = cognitoApiMeteredByJwt();

    templateOf(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: Match.absent() });
  });

  test('leaves out the attribute in a client the HTTP Cognito authorizer adds to the app\'s pool', () => {
    const { stack, fn } = apiMeteredBy('custom:api_key', () => undefined);
    const userPool = stack.node.findChild('Pool') as cognito.UserPool;
    new SecureHttpApi(stack, 'Http', { authorizer: HttpApiAuthorizer.cognito({ userPool }), routes: { 'GET /items': { handler: fn } } });

    templateOf(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', { WriteAttributes: [...STANDARD_WRITE_ATTRIBUTES, 'custom:team'] });
  });
});

describe('a usage identifier claim of a user pool whose clients the app cannot see', () => {
  /** The warning's message, for `source` (a regular expression). */
  const warning = (source: string) => Match.stringLikeRegexp(
    `DefaultAuthorizer\\.usageIdentifierClaim reads custom:api_key of ${source}, whose app clients are not all in this app: `
    + 'make sure none of them can write custom:api_key \\(give each writeAttributes without it\\).*'
    + 'acknowledgeWarning\\(\'@gatewaykit/usage-identifier-claim-unverified\', reason\\)',
  );

  test('warns for an imported pool', () => {
    const { stack } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({
        userPool: cognito.UserPool.fromUserPoolId(s, 'Imported', 'eu-west-1_abc123'), clientIds: ['client-1'], usageIdentifierClaim: 'custom:api_key',
      }),
    }));

    expect(Annotations.fromStack(stack).findWarning('/TestStack/Api', warning('the imported user pool TestStack/Imported'))).toHaveLength(1);
  });

  test('warns for a Cognito issuer URL', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({
        issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc123', clientIds: ['client-1'], usageIdentifierClaim: 'custom:api_key',
      }),
    }));

    expect(Annotations.fromStack(stack).findWarning('/TestStack/Api', warning('the user pool of issuer https://cognito-idp\\.eu-west-1\\.amazonaws\\.com/eu-west-1_abc123'))).toHaveLength(1);
  });

  test('does not warn for another OIDC issuer, whose claims are not Cognito attributes', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ ...JWT, usageIdentifierClaim: 'custom:api_key' }),
    }));

    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('usage-identifier-claim-unverified'))).toEqual([]);
  });

  test('is a synth error for the client the HTTP Cognito authorizer adds to the imported pool, whose attributes the library cannot list', () => {
    const { stack, fn } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({
        userPool: cognito.UserPool.fromUserPoolId(s, 'Imported', 'eu-west-1_abc123'), clientIds: ['client-1'], usageIdentifierClaim: 'custom:api_key',
      }),
    }));
    const userPool = stack.node.findChild('Imported') as cognito.IUserPool;
    new SecureHttpApi(stack, 'Http', { authorizer: HttpApiAuthorizer.cognito({ userPool }), routes: { 'GET /items': { handler: fn } } });

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*app client TestStack\/Http\/\w+Client can write that attribute \(it sets no writeAttributes/);
  });

  test('is still a synth error for a client of the imported pool that the app creates', () => {
    const { stack } = newApi((handler, s) => {
      const userPool = cognito.UserPool.fromUserPoolId(s, 'Imported', 'eu-west-1_abc123');
      userPool.addClient('Web');
      return {
        routes: { 'GET /items': { handler } },
        authorizer: RestAuthorizer.jwt({ userPool, clientIds: ['client-1'], usageIdentifierClaim: 'custom:api_key' }),
      };
    });

    expect(synth(stack)).toThrow(/\[UsageIdentifierClaimWritable\].*app client TestStack\/Imported\/Web can write that attribute/);
  });
});
