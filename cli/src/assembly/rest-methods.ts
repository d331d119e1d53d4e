import { FunctionModel, IntegrationResponseModel, RestAuthorizationType, RestIntegrationModel, RestMethodModel } from '../model';
import { isOneOf } from './json';
import { functionArnOfInvocationUri, isUnknownFunctionArn } from './lambda-arns';
import { PropertyReader } from './property-reader';
import { TemplateResource } from './resources';
import { UnsupportedReport } from './unsupported';

const METHOD = 'AWS::ApiGateway::Method';
const AUTHORIZATION_TYPES: readonly RestAuthorizationType[] = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];

/** A method of the REST API resource at `resourcePath`. */
export function buildRestMethod(
  method: TemplateResource,
  resourcePath: string,
  functions: ReadonlyMap<string, FunctionModel>,
  report: UnsupportedReport,
): RestMethodModel {
  const properties = method.properties();
  const httpMethod = properties.string('HttpMethod').toUpperCase();
  const authorizationType = properties.optionalString('AuthorizationType')?.toUpperCase() ?? 'NONE';
  if (!isOneOf(authorizationType, AUTHORIZATION_TYPES)) {
    throw method.error(`has AuthorizationType ${authorizationType}; expected one of ${AUTHORIZATION_TYPES.join(', ')}`);
  }
  const describe = `the method ${httpMethod} ${resourcePath}`;
  return {
    origin: method.origin,
    httpMethod,
    authorizationType,
    authorizerId: properties.optionalString('AuthorizerId'),
    authorizationScopes: properties.stringList('AuthorizationScopes'),
    apiKeyRequired: properties.optionalBoolean('ApiKeyRequired') ?? false,
    requestParameters: properties.booleanMap('RequestParameters'),
    requestModels: properties.stringMap('RequestModels'),
    requestValidatorId: properties.optionalString('RequestValidatorId'),
    integration: integrationOf(properties.object('Integration'), (reason) => report.add(method.origin, METHOD, `${describe} ${reason}`), functions),
  };
}

function integrationOf(
  integration: PropertyReader | undefined,
  unsupported: (reason: string) => void,
  functions: ReadonlyMap<string, FunctionModel>,
): RestIntegrationModel {
  if (!integration) {
    unsupported('has no integration, so it is not served');
    return { type: 'UNSUPPORTED', integrationType: 'NONE' };
  }
  const type = integration.string('Type').toUpperCase();
  const functionArn = type === 'AWS_PROXY' ? functionArnOfInvocationUri(integration.optionalString('Uri') ?? '') : undefined;
  if (functionArn) {
    if (isUnknownFunctionArn(functionArn, functions)) {
      unsupported(`invokes ${functionArn}, which is not a function of the cloud assembly, so requests to it fail`);
    }
    return { type: 'AWS_PROXY', functionArn, timeoutMs: integration.optionalNumber('TimeoutInMillis') ?? 29_000 };
  }
  if (type === 'MOCK') {
    return {
      type: 'MOCK',
      requestTemplates: integration.stringMap('RequestTemplates'),
      passthroughBehavior: integration.optionalString('PassthroughBehavior') ?? 'WHEN_NO_MATCH',
      integrationResponses: integration.objectList('IntegrationResponses').map(integrationResponseOf),
    };
  }
  const target = type === 'AWS_PROXY' ? ` to ${integration.optionalString('Uri') ?? 'no Uri'}` : '';
  unsupported(`has an ${type} integration${target}, which is not served; only Lambda proxy (AWS_PROXY) and MOCK integrations are`);
  return { type: 'UNSUPPORTED', integrationType: type };
}

function integrationResponseOf(response: PropertyReader): IntegrationResponseModel {
  return {
    statusCode: response.string('StatusCode'),
    selectionPattern: response.optionalString('SelectionPattern'),
    responseParameters: response.stringMap('ResponseParameters'),
    responseTemplates: response.stringMap('ResponseTemplates'),
  };
}
