import { FunctionModel, HttpAuthorizerModel, HttpIntegrationModel } from '../model';
import { functionArnOfTarget, isUnknownFunctionArn } from './lambda-arns';
import { ApiPart } from './resources';
import { UnsupportedReport } from './unsupported';

/** API Gateway's default and maximum for HTTP API integrations. */
export const HTTP_INTEGRATION_TIMEOUT_MS = 30_000;

/**
 * An `AWS::ApiGatewayV2::Integration`: a Lambda proxy integration, an HTTP_PROXY to a URL, a first-class AWS service
 * integration (`IntegrationSubtype`), or unsupported with its type.
 */
export function buildHttpIntegration(
  integration: ApiPart,
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): HttpIntegrationModel {
  const properties = integration.properties();
  const type = properties.string('IntegrationType').toUpperCase();
  const subtype = properties.optionalString('IntegrationSubtype');
  const target = properties.optionalString('IntegrationUri') ?? '';
  const timeoutMs = properties.optionalNumber('TimeoutInMillis') ?? HTTP_INTEGRATION_TIMEOUT_MS;
  if (properties.has('ResponseParameters')) {
    report.add(integration.origin, integration.type, `the response parameter mappings (ResponseParameters) of the ${type} integration are not applied`);
  }
  if (type === 'HTTP_PROXY' && target !== '' && properties.optionalString('ConnectionType') !== 'VPC_LINK') {
    return {
      type,
      uri: target,
      httpMethod: properties.optionalString('IntegrationMethod')?.toUpperCase() ?? 'ANY',
      requestParameters: properties.stringMap('RequestParameters'),
      timeoutMs,
    };
  }
  if (type === 'AWS_PROXY' && subtype !== undefined) {
    return {
      type,
      subtype,
      requestParameters: properties.stringMap('RequestParameters'),
      credentialsArn: properties.optionalString('CredentialsArn'),
      timeoutMs,
    };
  }
  const functionArn = type === 'AWS_PROXY' ? functionArnOfTarget(target) : undefined;
  if (!functionArn) {
    report.add(integration.origin, integration.type, `the ${type} integration${target ? ` to ${target}` : ''} is not served, so routes to it fail; Lambda proxy, HTTP_PROXY to a URL and AWS service integrations are`);
    return { type: 'UNSUPPORTED', integrationType: type };
  }
  return lambdaProxyIntegration(integration, functionArn, properties.optionalString('PayloadFormatVersion'), timeoutMs, functions, report);
}

/** A Lambda proxy integration: payload format 2.0 and a 30-second timeout unless the template says otherwise. */
export function lambdaProxyIntegration(
  resource: ApiPart,
  functionArn: string,
  payloadFormatVersion: string | undefined,
  timeoutMs: number | undefined,
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): HttpIntegrationModel {
  if (isUnknownFunctionArn(functionArn, functions)) {
    report.add(resource.origin, resource.type, `the integration invokes ${functionArn}, which is not a function of the cloud assembly, so requests to it fail`);
  }
  return {
    type: 'AWS_PROXY',
    functionArn,
    payloadFormatVersion: payloadFormatVersionOf(resource, payloadFormatVersion ?? '2.0'),
    timeoutMs: timeoutMs ?? HTTP_INTEGRATION_TIMEOUT_MS,
  };
}

/** An `AWS::ApiGatewayV2::Authorizer` of an HTTP API: JWT, or a Lambda (REQUEST) authorizer. */
export function buildHttpAuthorizer(authorizer: ApiPart, report: UnsupportedReport): HttpAuthorizerModel | undefined {
  const properties = authorizer.properties();
  const type = properties.string('AuthorizerType').toUpperCase();
  const name = properties.optionalString('Name') ?? authorizer.origin.logicalId;
  const common = {
    origin: authorizer.origin,
    authorizerId: authorizer.ref(),
    name,
    identitySources: properties.stringList('IdentitySource'),
  };
  if (type === 'JWT') {
    const jwt = properties.object('JwtConfiguration');
    if (!jwt) {
      throw authorizer.error('is a JWT authorizer without JwtConfiguration; expected { Issuer, Audience }');
    }
    return { ...common, type: 'JWT', issuer: jwt.string('Issuer'), audience: jwt.stringList('Audience') };
  }
  const functionArn = type === 'REQUEST' ? functionArnOfTarget(properties.optionalString('AuthorizerUri') ?? '') : undefined;
  if (!functionArn) {
    report.add(authorizer.origin, authorizer.type, `the ${type} authorizer ${name} is not served (no Lambda function in AuthorizerUri), so routes using it fail`);
    return undefined;
  }
  return {
    ...common,
    type: 'REQUEST',
    functionArn,
    // Required by API Gateway for Lambda authorizers of HTTP APIs; 2.0 is what the console and aws-cdk-lib choose.
    payloadFormatVersion: payloadFormatVersionOf(authorizer, properties.optionalString('AuthorizerPayloadFormatVersion') ?? '2.0'),
    enableSimpleResponses: properties.optionalBoolean('EnableSimpleResponses') ?? false,
    resultTtlSeconds: properties.optionalNumber('AuthorizerResultTtlInSeconds') ?? 0,
  };
}

function payloadFormatVersionOf(resource: ApiPart, version: string): '1.0' | '2.0' {
  if (version === '1.0' || version === '2.0') return version;
  throw resource.error(`has payload format version ${version}; expected 1.0 or 2.0`);
}
