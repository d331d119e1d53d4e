import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { checkBindings } from './bindings';
import { importedOperations, isSigv4Scheme, recordFacts, routeKeyOf } from './imported-document';
import { DocumentReader, Pointer } from './json-pointer';
import { ImportedOperation } from './operations';
import { toDraft4Schema } from './schemas';
import { RestAuthorizer } from '../../authorizers/rest-authorizer';
import { check } from '../../private/errors';
import { validateJsonSchema } from '../../rest/private/json-schema';
import type { RestRouteOptions } from '../../rest/secure-lambda-api-props';
import { RestOpenApiOptions } from '../openapi-import-options';

/** What the routes of a REST API are made from: its props and its RestApi, where shared models are added. */
export interface RestImportContext extends IConstruct {
  readonly restApi: apigateway.RestApi;
}

/**
 * The API's routes: those of `routes` and one per operation of the `openApi` document, bound to its handlers and
 * authorizers. A component schema used as a request body becomes a model of that name, shared by its routes.
 */
export function routesWithDocument(
  api: RestImportContext,
  routes: { [routeKey: string]: RestRouteOptions } | undefined,
  openApi: RestOpenApiOptions | undefined,
  authorizer: RestAuthorizer | undefined,
): { [routeKey: string]: RestRouteOptions } | undefined {
  if (!openApi) {
    return routes;
  }
  const { reader, operations } = importedOperations(api, openApi.definition);
  checkBindings(api, operations, openApi.handlers, openApi.authorizers ?? {}, isSigv4Scheme);
  // IAM is the API's default authorizer unless another is given; otherwise the IAM routes share one authorizer object.
  const iam = authorizer ? RestAuthorizer.iam() : undefined;
  const models = new ComponentModels(api.restApi, reader);
  const all: { [routeKey: string]: RestRouteOptions } = { ...routes };
  const keyed = operations.map((operation) => ({ operation, routeKey: routeKeyOf(operation, false) }));
  for (const { operation, routeKey } of keyed) {
    check(!Object.hasOwn(all, routeKey), api, 'DuplicateRoute', () =>
      `routes['${routeKey}'] is declared in routes and by the operation ${operation.pointer} of openApi.definition; declare each route once`);
    all[routeKey] = {
      handler: openApi.handlers[operation.operationId],
      ...authorization(operation, openApi.authorizers ?? {}, iam),
      apiKeyRequired: operation.apiKeyRequired,
      requiredQueryStrings: operation.requiredQueryStrings.length ? operation.requiredQueryStrings : undefined,
      requiredHeaders: operation.requiredHeaders.length ? operation.requiredHeaders : undefined,
      ...operation.body && (operation.body.component
        ? { bodyModel: models.model(operation.body.component) }
        : { bodySchema: draft4(api, reader, operation.body.schema, operation.body.pointer) }),
    };
  }
  recordFacts(api, reader, keyed);
  return all;
}

function authorization(
  operation: ImportedOperation, authorizers: { [scheme: string]: RestAuthorizer }, iam: RestAuthorizer | undefined,
): Pick<RestRouteOptions, 'authorizer' | 'isPublic' | 'authorizationScopes'> {
  const security = operation.security;
  if (security === 'default') {
    return {};
  }
  if (security === 'public') {
    return { isPublic: true };
  }
  return {
    authorizer: authorizers[security.scheme] ?? iam,
    authorizationScopes: security.scopes.length ? security.scopes : undefined,
  };
}

/** A schema as a draft 4 model schema, checked as API Gateway would need it, errors naming the place in the document. */
function draft4(scope: IConstruct, reader: DocumentReader, schema: unknown, pointer: Pointer): apigateway.JsonSchema {
  const converted = toDraft4Schema(reader, schema, pointer) as apigateway.JsonSchema;
  validateJsonSchema(scope, `openApi.definition ${pointer}`, converted);
  return converted;
}

/** The models of the component schemas used as request bodies, created once each, named as the components. */
class ComponentModels {
  private readonly models = new Map<string, apigateway.Model>();

  constructor(private readonly restApi: apigateway.RestApi, private readonly reader: DocumentReader) {}

  public model(name: string): apigateway.Model {
    let model = this.models.get(name);
    if (!model) {
      const pointer = Pointer.ROOT.at('components', 'schemas', name);
      const schema = draft4(this.restApi, this.reader, { $ref: pointer.toString() }, pointer);
      model = this.restApi.addModel(name, { contentType: 'application/json', modelName: name, schema });
      this.models.set(name, model);
    }
    return model;
  }
}
