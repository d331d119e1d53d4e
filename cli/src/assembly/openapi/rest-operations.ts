import { DocumentParts } from './document-parts';
import { restIntegration } from './integration-extension';
import { pathOperations } from './paths';
import { requestModels } from './request-models';
import { operationSecurity, OperationSecurity, SchemeUse } from './security';
import { describeValue, JsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import type { RestApiPartType } from '../rest-apis';

type RestParts = DocumentParts<RestApiPartType>;

/** What the operations of a REST API share: the document's authorizers, validators and the root resource. */
export interface RestOperationScope {
  readonly parts: RestParts;
  /** The API's `RootResourceId`. */
  readonly rootId: string;
  readonly schemes: ReadonlyMap<string, SchemeUse>;
  /** Request validator ids by name. */
  readonly validators: ReadonlyMap<string, string>;
}

const OPERATION_EXTENSIONS = ['x-amazon-apigateway-integration', 'x-amazon-apigateway-auth', 'x-amazon-apigateway-request-validator'];
const PARAMETER_LOCATIONS: Readonly<Record<string, string>> = { path: 'path', query: 'querystring', header: 'header' };

/**
 * Every path of the document as `AWS::ApiGateway::Resource`s (one per path part, under the root) and every operation
 * as an `AWS::ApiGateway::Method`.
 */
export function addRestPaths(scope: RestOperationScope): void {
  const { parts } = scope;
  const resourceIds = new Map<string, string>([['/', scope.rootId]]);
  for (const { path, pathItem, operations } of pathOperations(parts, false)) {
    let parentId = scope.rootId;
    let resourcePath = '';
    for (const pathPart of path.split('/').filter(Boolean)) {
      resourcePath = `${resourcePath}/${pathPart}`;
      const known = resourceIds.get(resourcePath);
      const resourceId = known ?? parts.id('resource', resourcePath);
      if (known === undefined) {
        parts.add('AWS::ApiGateway::Resource', resourceId, pathItem, { ParentId: parentId, PathPart: pathPart });
        resourceIds.set(resourcePath, resourceId);
      }
      parentId = resourceId;
    }
    const shared = parts.document.objectList(pathItem, 'parameters');
    for (const { httpMethod, operation } of operations) {
      parts.add('AWS::ApiGateway::Method', parts.id('method', `${httpMethod} ${path}`), operation, {
        ResourceId: parentId,
        ...methodProperties(scope, operation, shared, `the method ${httpMethod} ${path}`),
        HttpMethod: httpMethod,
      });
    }
  }
}

function methodProperties(scope: RestOperationScope, operation: PropertyReader, shared: readonly PropertyReader[], what: string): JsonObject {
  const { parts } = scope;
  parts.unknownExtensions(operation, OPERATION_EXTENSIONS, what);
  const parameters = mergedParameters(shared, parts.document.objectList(operation, 'parameters'));
  const integration = parts.document.object(operation, 'x-amazon-apigateway-integration');
  const validator = operation.has('x-amazon-apigateway-request-validator') ? operation : parts.document.root;
  const validatorName = validator.optionalString('x-amazon-apigateway-request-validator');
  const validatorId = validatorName === undefined ? undefined : scope.validators.get(validatorName);
  if (validatorName !== undefined && validatorId === undefined) {
    throw validator.problem(`names ${describeValue(validatorName)}, which x-amazon-apigateway-request-validators does not define; expected one of: ${[...scope.validators.keys()].join(', ') || 'none'}`, 'x-amazon-apigateway-request-validator');
  }
  return {
    ...methodAuthorization(operation, operationSecurity(parts, operation, scope.schemes, what)),
    RequestParameters: requestParameters(parts, parameters, what),
    RequestModels: requestModels(parts, operation, parameters.find((parameter) => parameter.optionalString('in') === 'body')),
    ...(validatorId === undefined ? {} : { RequestValidatorId: validatorId }),
    // Import creates a method response for each status code of `responses`; `default` names none.
    MethodResponses: (parts.document.object(operation, 'responses')?.keys() ?? [])
      .filter((status) => /^\d{3}$/.test(status)).map((status) => ({ StatusCode: status })),
    ...(integration ? { Integration: restIntegration(parts, integration, what) } : {}),
  };
}

/** The path item's parameters, overridden by the operation's of the same name and location. */
function mergedParameters(shared: readonly PropertyReader[], own: readonly PropertyReader[]): PropertyReader[] {
  const key = (parameter: PropertyReader) => `${parameter.string('in')} ${parameter.string('name')}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((parameter) => !ownKeys.has(key(parameter))), ...own];
}

/** `method.request.{path|querystring|header}.{name}` -> required; path parameters are always required. */
function requestParameters(parts: RestParts, parameters: readonly PropertyReader[], what: string): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const parameter of parameters) {
    const where = parameter.string('in');
    const location = PARAMETER_LOCATIONS[where];
    if (location) {
      result[`method.request.${location}.${parameter.string('name')}`] = where === 'path' || (parameter.optionalBoolean('required') ?? false);
    } else if (where !== 'body') {
      parts.unsupported(parameter, `${what} declares the ${where} parameter ${parameter.string('name')}, which API Gateway does not map to a method request parameter; it is not checked`);
    }
  }
  return result;
}

/**
 * `AuthorizationType`, `AuthorizerId`, `AuthorizationScopes` and `ApiKeyRequired` from the security the operation
 * requires, else its `x-amazon-apigateway-auth` (`type: AWS_IAM`).
 */
function methodAuthorization(operation: PropertyReader, { authorization, apiKey }: OperationSecurity): JsonObject {
  const use = authorization?.use;
  const type = use?.kind === 'iam' ? 'AWS_IAM'
    : use?.kind === 'authorizer' ? (use.authorizerType === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM')
      : operation.object('x-amazon-apigateway-auth')?.string('type').toUpperCase() ?? 'NONE';
  return {
    AuthorizationType: type,
    ...(use?.kind === 'authorizer' ? { AuthorizerId: use.authorizerId } : {}),
    // Scopes apply to Cognito user pool authorizers only, as API Gateway applies them.
    ...(type === 'COGNITO_USER_POOLS' ? { AuthorizationScopes: authorization?.scopes } : {}),
    ApiKeyRequired: apiKey !== undefined,
  };
}
