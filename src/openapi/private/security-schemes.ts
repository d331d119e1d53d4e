import { Arn, ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { OpenApiObject } from './document-builder';

const AUTHTYPE = 'x-amazon-apigateway-authtype';
const AUTHORIZER = 'x-amazon-apigateway-authorizer';

/**
 * The security scheme of a REST API authorizer: OpenID Connect for a Cognito user pool (whose scopes routes may
 * require), an API key in the header or query string the function reads for a Lambda TOKEN or REQUEST authorizer.
 */
export function restSecurityScheme(authorizer: apigateway.CfnAuthorizer): OpenApiObject {
  const extension = {
    authorizerUri: authorizer.authorizerUri,
    authorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
  };
  switch (authorizer.type) {
    case 'COGNITO_USER_POOLS':
      return {
        type: 'openIdConnect',
        openIdConnectUrl: openIdConfiguration(userPoolIssuerOf(authorizer, authorizer.providerArns![0])),
        [AUTHTYPE]: 'cognito_user_pools',
        [AUTHORIZER]: { type: 'cognito_user_pools', providerARNs: authorizer.providerArns },
      };
    case 'TOKEN':
      return {
        ...identityInRequest(authorizer.identitySource!, 'method.request.'),
        [AUTHTYPE]: 'custom',
        [AUTHORIZER]: { type: 'token', ...extension, identityValidationExpression: authorizer.identityValidationExpression },
      };
    default:
      return {
        ...identityInRequest(authorizer.identitySource ?? '', 'method.request.'),
        [AUTHTYPE]: 'custom',
        [AUTHORIZER]: { type: 'request', ...extension, identitySource: authorizer.identitySource },
      };
  }
}

/** The security scheme of an HTTP API authorizer: OpenID Connect for a JWT authorizer, an API key for a Lambda one. */
export function httpSecurityScheme(authorizer: apigatewayv2.CfnAuthorizer): OpenApiObject {
  const identitySource = authorizer.identitySource ?? [];
  if (authorizer.authorizerType === 'JWT') {
    const jwt = authorizer.jwtConfiguration as apigatewayv2.CfnAuthorizer.JWTConfigurationProperty;
    return {
      type: 'openIdConnect',
      openIdConnectUrl: openIdConfiguration(jwt.issuer!),
      [AUTHORIZER]: { type: 'jwt', jwtConfiguration: { issuer: jwt.issuer, audience: jwt.audience }, identitySource: identitySource[0] },
    };
  }
  return {
    ...identityInRequest(identitySource.join(','), '$request.'),
    [AUTHORIZER]: {
      type: 'request',
      identitySource: identitySource.join(','),
      authorizerUri: authorizer.authorizerUri,
      authorizerPayloadFormatVersion: authorizer.authorizerPayloadFormatVersion,
      enableSimpleResponses: authorizer.enableSimpleResponses,
      authorizerResultTtlInSeconds: authorizer.authorizerResultTtlInSeconds,
    },
  };
}

function openIdConfiguration(issuer: string): string {
  return `${Token.isUnresolved(issuer) ? issuer : issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

/**
 * Where a Lambda authorizer reads the caller's identity, as an `apiKey` scheme: the first header, else the first
 * query string parameter, of its identity sources (`method.request.header.X` on REST, `$request.header.X` on HTTP).
 */
function identityInRequest(identitySources: string, prefix: string): OpenApiObject {
  const sources = identitySources.split(',').map((source) => source.trim());
  for (const [location, openApiLocation] of [['header', 'header'], ['querystring', 'query']]) {
    const source = sources.find((candidate) => candidate.startsWith(`${prefix}${location}.`));
    if (source) {
      return { type: 'apiKey', name: source.slice(`${prefix}${location}.`.length), in: openApiLocation };
    }
  }
  return { type: 'apiKey', name: 'Authorization', in: 'header' };
}

/** The issuer (`iss`) of the tokens of the user pool with ARN `arn`. */
function userPoolIssuerOf(scope: IConstruct, arn: string): string {
  const stack = Stack.of(scope);
  if (!Token.isUnresolved(arn)) {
    const parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
    return `https://cognito-idp.${parts.region}.amazonaws.com/${parts.resourceName}`;
  }
  const arnExpression = JSON.stringify(stack.resolve(arn));
  const pool = stack.node.findAll().find((construct): construct is cognito.CfnUserPool =>
    construct instanceof cognito.CfnUserPool && JSON.stringify(stack.resolve(construct.attrArn)) === arnExpression);
  return `https://cognito-idp.${stack.region}.amazonaws.com/${pool ? pool.ref : Fn.select(1, Fn.split('/', arn))}`;
}
