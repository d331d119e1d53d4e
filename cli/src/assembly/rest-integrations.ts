import {
  ContentHandling, FunctionModel, IntegrationMappingModel, IntegrationResponseModel, PassthroughBehavior, RestIntegrationModel,
} from '../model';
import { isOneOf } from './json';
import { isUnknownFunctionArn, unqualifiedFunctionArn } from './lambda-arns';
import { PropertyReader } from './property-reader';

const PASSTHROUGH_BEHAVIORS: readonly PassthroughBehavior[] = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'];
const CONTENT_HANDLINGS: readonly ContentHandling[] = ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'];
/** API Gateway's default and maximum for REST integrations (raisable by quota, which the runtime accepts as written). */
const DEFAULT_TIMEOUT_MS = 29_000;

/** A Lambda invoke URI: buffered (`…/invocations`) or streaming (`…/response-streaming-invocations`). */
const LAMBDA_URI = /^arn:[^:]+:apigateway:[^:]*:lambda:path\/[^/]+\/functions\/(.+)\/(invocations|response-streaming-invocations)$/;
/** `arn:aws:apigateway:{region}:{subdomain.}{service}:{action|path}/{value}`. */
const SERVICE_URI = /^arn:[^:]+:apigateway:([^:]*):([^:]+):(action|path)\/(.*)$/s;

/**
 * The method's `Integration`, parsed into what the runtime calls. `unsupported` receives a sentence for each part that
 * is not served, for the startup report.
 */
export function buildRestIntegration(
  integration: PropertyReader | undefined,
  unsupported: (reason: string) => void,
  functions: ReadonlyMap<string, FunctionModel>,
): RestIntegrationModel {
  if (!integration) {
    unsupported('has no integration, so it is not served');
    return { type: 'UNSUPPORTED', integrationType: 'NONE' };
  }
  const type = integration.string('Type').toUpperCase();
  const uri = integration.optionalString('Uri') ?? '';
  const lambda = LAMBDA_URI.exec(uri);
  const functionArn = lambda ? unqualifiedFunctionArn(lambda[1]) : undefined;
  if (functionArn && isUnknownFunctionArn(functionArn, functions)) {
    unsupported(`invokes ${functionArn}, which is not a function of the cloud assembly, so requests to it fail`);
  }
  const streaming = lambda?.[2] === 'response-streaming-invocations' || integration.optionalString('ResponseTransferMode') === 'STREAM';
  const timeoutMs = integration.optionalNumber('TimeoutInMillis') ?? DEFAULT_TIMEOUT_MS;
  if (type === 'AWS_PROXY' && functionArn) {
    return { type, functionArn, timeoutMs, ...(streaming ? { responseTransferMode: 'STREAM' as const } : {}) };
  }
  const mapping = mappingOf(integration, timeoutMs, unsupported);
  if (type === 'AWS' && functionArn) {
    return { type, functionArn, ...mapping };
  }
  if (type === 'MOCK') {
    return { type, ...mapping };
  }
  const httpMethod = integration.optionalString('IntegrationHttpMethod')?.toUpperCase() ?? 'ANY';
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    const connectionType = integration.optionalString('ConnectionType') === 'VPC_LINK' ? 'VPC_LINK' : 'INTERNET';
    if (connectionType === 'VPC_LINK') {
      unsupported(`reaches ${uri} through a VPC link; locally the request goes to that URL directly`);
    }
    if (type === 'HTTP_PROXY' && streaming) {
      unsupported('streams its HTTP_PROXY response (ResponseTransferMode STREAM); locally the response is buffered');
    }
    return { type, uri, httpMethod, connectionType, ...mapping };
  }
  const service = type === 'AWS' ? SERVICE_URI.exec(uri) : undefined;
  if (service) {
    const [, region, host, apiType, apiValue] = service;
    const dot = host.lastIndexOf('.');
    return {
      type: 'AWS',
      uri,
      region,
      service: host.slice(dot + 1),
      subdomain: dot < 0 ? undefined : host.slice(0, dot),
      apiType: apiType as 'action' | 'path',
      apiValue,
      httpMethod,
      credentials: integration.optionalString('Credentials'),
      ...mapping,
    };
  }
  unsupported(`has an ${type} integration to ${uri || 'no Uri'}, which is not served`);
  return { type: 'UNSUPPORTED', integrationType: type };
}

function mappingOf(integration: PropertyReader, timeoutMs: number, unsupported: (reason: string) => void): IntegrationMappingModel {
  const written = integration.optionalString('PassthroughBehavior')?.toUpperCase() ?? 'WHEN_NO_MATCH';
  if (!isOneOf(written, PASSTHROUGH_BEHAVIORS)) {
    unsupported(`has PassthroughBehavior ${written}, which API Gateway does not know; WHEN_NO_MATCH is applied`);
  }
  const mapping: IntegrationMappingModel = {
    requestParameters: integration.stringMap('RequestParameters'),
    requestTemplates: integration.stringMap('RequestTemplates'),
    passthroughBehavior: isOneOf(written, PASSTHROUGH_BEHAVIORS) ? written : 'WHEN_NO_MATCH',
    contentHandling: contentHandlingOf(integration),
    integrationResponses: integration.objectList('IntegrationResponses').map(integrationResponseOf),
    timeoutMs,
  };
  const conversions = [mapping.contentHandling, ...mapping.integrationResponses.map((response) => response.contentHandling)].filter(Boolean);
  if (conversions.length > 0) {
    unsupported(`converts bodies with ContentHandling ${[...new Set(conversions)].join(', ')}, which is not applied: bodies pass as they are`);
  }
  return mapping;
}

function integrationResponseOf(response: PropertyReader): IntegrationResponseModel {
  return {
    statusCode: response.string('StatusCode'),
    selectionPattern: response.optionalString('SelectionPattern'),
    responseParameters: response.stringMap('ResponseParameters'),
    responseTemplates: response.stringMap('ResponseTemplates'),
    contentHandling: contentHandlingOf(response),
  };
}

function contentHandlingOf(reader: PropertyReader): ContentHandling | undefined {
  const value = reader.optionalString('ContentHandling');
  return value !== undefined && isOneOf(value, CONTENT_HANDLINGS) ? value : undefined;
}
