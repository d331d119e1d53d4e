import { IConstruct } from 'constructs';
import { checkBindings } from './bindings';
import { importedOperations, isSigv4Scheme, recordFacts, routeKeyOf } from './imported-document';
import { DocumentReader } from './json-pointer';
import { HttpApiAuthorizer } from '../../authorizers/http-authorizer';
import type { HttpApiRouteOptions } from '../../http/secure-http-api-props';
import { check, warn } from '../../private/errors';
import { HttpOpenApiOptions } from '../openapi-import-options';

/**
 * The API's routes: those of `routes` and one per operation of the `openApi` document, bound to its handlers and
 * authorizers. HTTP APIs validate no request, so the document's required parameters and body schemas are a warning.
 */
export function httpRoutesWithDocument(
  api: IConstruct, routes: { [routeKey: string]: HttpApiRouteOptions } | undefined, openApi: HttpOpenApiOptions | undefined,
): { [routeKey: string]: HttpApiRouteOptions } | undefined {
  if (!openApi) {
    return routes;
  }
  const imported = importedOperations(api, openApi.definition);
  const reader: DocumentReader = imported.reader;
  const operations = imported.operations;
  checkBindings(api, operations, openApi.handlers, openApi.authorizers ?? {}, isSigv4Scheme);
  const all: { [routeKey: string]: HttpApiRouteOptions } = { ...routes };
  const keyed = operations.map((operation) => ({ operation, routeKey: routeKeyOf(operation, true) }));
  const unvalidated: string[] = [];
  for (const { operation, routeKey } of keyed) {
    check(!Object.hasOwn(all, routeKey), api, 'DuplicateRoute', () =>
      `routes['${routeKey}'] is declared in routes and by the operation ${operation.pointer} of openApi.definition; declare each route once`);
    reader.unsupported(!operation.apiKeyRequired, operation.pointer.at('security'), () =>
      'requires an API key; HTTP APIs have no API keys or usage plans: use MeteredApi (a REST API) for them');
    if (operation.body || operation.requiredHeaders.length || operation.requiredQueryStrings.length) {
      unvalidated.push(operation.operationId);
    }
    const security = operation.security;
    all[routeKey] = {
      handler: openApi.handlers[operation.operationId],
      ...security === 'public' && { isPublic: true },
      ...typeof security === 'object' && {
        authorizer: openApi.authorizers?.[security.scheme] ?? HttpApiAuthorizer.iam(),
        authorizationScopes: security.scopes.length ? security.scopes : undefined,
      },
    };
  }
  if (unvalidated.length > 0) {
    warn(api, '@gatewaykit/openapi-request-not-validated',
      `openApi.definition: the operations ${unvalidated.join(', ')} declare required parameters or a request body schema, which HTTP APIs do not validate; validate them in the handlers, or use SecureLambdaApi, whose request validators check them`);
  }
  recordFacts(api, reader, keyed);
  return all;
}
