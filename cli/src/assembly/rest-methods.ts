import { FunctionModel, RestAuthorizationType, RestMethodModel } from '../model';
import { isOneOf } from './json';
import { ApiPart } from './resources';
import { buildRestIntegration } from './rest-integrations';
import { UnsupportedReport } from './unsupported';

const AUTHORIZATION_TYPES: readonly RestAuthorizationType[] = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];

/** A method of the REST API resource at `resourcePath`: an `AWS::ApiGateway::Method`, or an operation of its OpenAPI definition. */
export function buildRestMethod(
  method: ApiPart,
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
    methodResponseStatuses: properties.objectList('MethodResponses').map((response) => response.string('StatusCode')),
    integration: buildRestIntegration(properties.object('Integration'), (reason) => report.add(method.origin, method.type, `${describe} ${reason}`), functions),
  };
}
