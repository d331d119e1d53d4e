import { Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { JwtTokenUse, RestAuthorizer } from '../../src';
import { JWT_AUTHORIZER_CONFIG_ENV } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { countOf, newApi, newFunction, templateOf } from '../support/fixtures';

describe('default authorization', () => {
  test('routes require IAM (SigV4) authorization when no authorizer is given', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'AWS_IAM' });
  });

  test('a route declared public has no authorization', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /health': { handler, isPublic: true } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { HttpMethod: 'GET', AuthorizationType: 'NONE' });
  });

  test('a route authorizer overrides the API default', () => {
    const { stack } = newApi((handler, s) => ({
      authorizer: RestAuthorizer.cognito(),
      routes: {
        'GET /a': { handler },
        'GET /b': { handler, authorizer: RestAuthorizer.token(newFunction(s, 'TokenFn')) },
        'GET /c': { handler, authorizer: RestAuthorizer.iam() },
      },
    }));
    const t = templateOf(stack);
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'COGNITO_USER_POOLS' });
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'CUSTOM' });
    t.hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationType: 'AWS_IAM' });
    t.resourceCountIs('AWS::ApiGateway::Authorizer', 2);
  });

  test('the default authorizer is exposed once a route uses it', () => {
    const { api } = newApi((handler, s) => ({
      authorizer: RestAuthorizer.token(newFunction(s, 'TokenFn')),
      routes: { 'GET /a': { handler } },
    }));
    expect(api.defaultAuthorizer).toBeInstanceOf(apigateway.TokenAuthorizer);
  });

  test('an unused default authorizer creates no authorizer resource', () => {
    const { stack, api } = newApi((handler, s) => ({
      authorizer: RestAuthorizer.token(newFunction(s, 'TokenFn')),
      routes: { 'GET /health': { handler, isPublic: true } },
    }));
    expect(api.defaultAuthorizer).toBeUndefined();
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Authorizer', 0);
  });

  test('one authorizer object used by many routes creates one authorizer', () => {
    const { stack } = newApi((handler, s) => {
      const shared = RestAuthorizer.token(newFunction(s, 'TokenFn'));
      return { routes: { 'GET /a': { handler, authorizer: shared }, 'GET /b': { handler, authorizer: shared } } };
    });
    templateOf(stack).resourceCountIs('AWS::ApiGateway::Authorizer', 1);
  });
});

describe('Cognito user pool authorizer', () => {
  test('creates a user pool with secure defaults when none is given', () => {
    const { stack, api } = newApi((handler) => ({ authorizer: RestAuthorizer.cognito(), routes: { 'GET /items': { handler } } }));
    expect(api.userPool).toBeInstanceOf(cognito.UserPool);
    const t = templateOf(stack);
    t.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      DeletionProtection: 'ACTIVE',
      UserPoolTier: 'PLUS',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
    t.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('the created pool has a public client without a secret', () => {
    const { stack, api } = newApi((handler) => ({ authorizer: RestAuthorizer.cognito(), routes: { 'GET /items': { handler } } }));
    expect(api.userPoolClient).toBeDefined();
    templateOf(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH']),
    });
  });

  test('uses the pool given instead of creating one', () => {
    const { stack, api } = newApi((handler, s) => ({ authorizer: RestAuthorizer.cognito({ userPool: new cognito.UserPool(s, 'MyPool') }), routes: { 'GET /items': { handler } } }));
    expect(countOf(stack, 'AWS::Cognito::UserPool')).toBe(1);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [stack.resolve(api.userPool!.userPoolArn)],
    });
  });

  test('caches results for 300 seconds by default', () => {
    const { stack } = newApi((handler) => ({ authorizer: RestAuthorizer.cognito(), routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', {
      IdentitySource: 'method.request.header.Authorization',
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  test('OAuth scopes are set per route', () => {
    const { stack } = newApi((handler) => ({
      authorizer: RestAuthorizer.cognito(),
      routes: { 'POST /items': { handler, authorizationScopes: ['items/write'] } },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Method', { AuthorizationScopes: ['items/write'] });
  });
});

describe('Lambda TOKEN authorizer', () => {
  test('uses the header, validation regex and cache TTL given', () => {
    const { stack, api } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.token(newFunction(s, 'TokenFn'), {
        identityHeader: 'X-Token',
        validationRegex: '^Bearer [-0-9a-zA-Z._]+$',
        resultsCacheTtl: Duration.minutes(10),
      }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'TOKEN',
      IdentitySource: 'method.request.header.X-Token',
      IdentityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
      AuthorizerResultTtlInSeconds: 600,
      AuthorizerUri: Match.anyValue(),
    });
    expect(api.authorizerFunction).toBeDefined();
  });
});

describe('Lambda REQUEST authorizer', () => {
  test('takes identity sources from headers, query strings, stage variables and context', () => {
    const { stack } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.request(newFunction(s, 'RequestFn'), {
        identitySources: [
          apigateway.IdentitySource.header('X-Tenant'),
          apigateway.IdentitySource.queryString('key'),
          apigateway.IdentitySource.stageVariable('env'),
          apigateway.IdentitySource.context('sourceIp'),
        ],
      }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      IdentitySource: 'method.request.header.X-Tenant,method.request.querystring.key,stageVariables.env,context.sourceIp',
      AuthorizerResultTtlInSeconds: 300,
    });
  });

  test('may have no identity source when caching is off', () => {
    const { stack } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.request(newFunction(s, 'RequestFn'), { identitySources: [], resultsCacheTtl: Duration.seconds(0) }),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'REQUEST', AuthorizerResultTtlInSeconds: 0 });
  });
});

describe('bundled JWT authorizer', () => {
  const jwtApi = () => newApi((handler) => ({
    routes: { 'GET /items': { handler } },
    authorizer: RestAuthorizer.jwt({
      issuer: 'https://issuer.example.com',
      audience: ['api://items'],
      requiredScopes: ['items.read'],
      contextClaims: ['sub', 'email'],
    }),
  }));

  test('is a TOKEN authorizer running the bundled function on the newest Node.js runtime', () => {
    const { stack, api } = jwtApi();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'TOKEN', AuthorizerResultTtlInSeconds: 300 });
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Role: stack.resolve((api.authorizerFunction!.role as iam.Role).roleArn),
      TracingConfig: { Mode: 'Active' },
    });
  });

  /** Asserts that a function of the stack receives `config` as the bundled authorizer's configuration. */
  function expectJwtConfig(stack: Stack, config: object) {
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [JWT_AUTHORIZER_CONFIG_ENV]: JSON.stringify(config) }) },
    });
  }

  test('passes the verification settings to the function', () => {
    const { stack } = jwtApi();
    expectJwtConfig(stack, {
      issuer: 'https://issuer.example.com',
      audience: ['api://items'],
      requiredScopes: ['items.read'],
      contextClaims: ['sub', 'email'],
    });
  });

  test('passes requireExpiration: false to the function', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api://items'], requireExpiration: false }),
    }));
    expectJwtConfig(stack, { issuer: 'https://issuer.example.com', audience: ['api://items'], requireExpiration: false, contextClaims: ['sub'] });
  });

  test('derives the issuer of a Cognito user pool', () => {
    const { stack } = newApi((handler, s) => {
      const userPool = new cognito.UserPool(s, 'Pool');
      return {
        authorizer: RestAuthorizer.jwt({ userPool, clientIds: ['client-1'], tokenUse: JwtTokenUse.ACCESS }),
        routes: { 'GET /items': { handler } },
      };
    });
    const fn = Object.values(templateOf(stack).findResources('AWS::Lambda::Function', {
      Properties: { Description: 'gatewaykit JWT authorizer (aws-jwt-verify)' },
    }))[0];
    expect(JSON.stringify(fn.Properties.Environment.Variables[JWT_AUTHORIZER_CONFIG_ENV])).toContain('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(JSON.stringify(fn.Properties.Environment.Variables[JWT_AUTHORIZER_CONFIG_ENV])).toContain('\\"tokenUse\\":\\"access\\"');
  });

  test('its role has no AWS managed or inline policy and writes only its own log group', () => {
    const { stack, api } = jwtApi();
    const role = api.authorizerFunction!.role as iam.Role;
    templateOf(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] }),
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    templateOf(stack).resourceCountIs('AWS::IAM::Policy', 0);
    templateOf(stack).hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Roles: [stack.resolve(role.roleName)],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('DefaultAuthorizerFunctionLogs'), 'Arn'] },
        })]),
      },
    });
  });

  test('its log group has a retention period', () => {
    const { stack } = jwtApi();
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    expect(Object.keys(templateOf(stack).findResources('AWS::Logs::LogGroup')).filter((id) => id.startsWith('Api'))).toHaveLength(2);
  });
});

describe('IAM grants', () => {
  test('grantInvoke allows execute-api:Invoke on every route of the stage', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvoke(role);
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'execute-api:Invoke',
          Effect: 'Allow',
          Resource: stack.resolve(api.restApi.arnForExecuteApi('*', '/*', 'prod')),
        }],
      },
    });
  });

  test('grantInvokeRoute allows one route, with path variables as wildcards', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items/{id}': { handler } } }));
    const role = new iam.Role(stack, 'Caller', { assumedBy: new iam.AccountRootPrincipal() });
    api.grantInvokeRoute(role, 'GET /items/{id}');
    templateOf(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Resource: stack.resolve(api.restApi.arnForExecuteApi('GET', '/items/*', 'prod')),
        })],
      },
    });
  });
});
