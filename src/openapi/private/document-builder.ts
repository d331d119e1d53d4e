import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { importedFacts } from './imported-facts';
import { OpenApiDocumentOptions } from '../openapi-document-options';

/** An OpenAPI document or a part of it, as plain JSON. */
export type OpenApiObject = { [key: string]: any };

/** The extension that marks the operation of every method of a path (an `ANY` route). */
export const ANY_METHOD = 'x-amazon-apigateway-any-method';
/** The extension describing the CORS answers of the API, in the shape of the library's `CorsOptions`. */
export const CORS_EXTENSION = 'x-amazon-apigateway-cors';
const EXTENSION_PREFIX = 'x-amazon-apigateway-';

/** The security schemes of IAM authorization and of API keys, named as API Gateway's own exports name them. */
export const SIGV4_SCHEME = 'sigv4';
export const API_KEY_SCHEME = 'api_key';
export const SIGV4_SECURITY_SCHEME: OpenApiObject = {
  'type': 'apiKey', 'name': 'Authorization', 'in': 'header', 'x-amazon-apigateway-authtype': 'awsSigv4',
};
export const API_KEY_SECURITY_SCHEME: OpenApiObject = { type: 'apiKey', name: 'x-api-key', in: 'header' };

/** `AWS_PROXY` → `aws_proxy`, as API Gateway's extensions write their values; a token is left as it is. */
export function lowerCase<T extends string | undefined>(value: T): T {
  return (value === undefined || Token.isUnresolved(value) ? value : value.toLowerCase()) as T;
}

/** One operation of the document, read from what the API deploys. */
export interface ExportedOperation {
  /** The route key, e.g. `GET /items/{id}` or `$default`. */
  readonly routeKey: string;
  /** `/items/{id}`; `/$default` for the `$default` route of an HTTP API. */
  readonly path: string;
  /** `GET`, ..., or `ANY`. */
  readonly method: string;
  /** The security scheme (a key of `ExportedApi.securitySchemes`) and its scopes; undefined for a public route. */
  readonly security?: { readonly scheme: string; readonly scopes: string[] };
  readonly apiKeyRequired?: boolean;
  /** Query string and header parameters, with whether each is required. */
  readonly parameters?: { readonly in: 'query' | 'header'; readonly name: string; readonly required: boolean }[];
  /** The component schema of a JSON request body. */
  readonly bodySchema?: string;
  readonly responses?: OpenApiObject;
  readonly extensions?: OpenApiObject;
}

/** What the document says about the API as a whole. */
export interface ExportedApi {
  readonly title: string;
  readonly description?: string;
  readonly servers: OpenApiObject[];
  readonly operations: ExportedOperation[];
  /** The security schemes of the API's authorizers by name; the document lists those its operations use. */
  readonly securitySchemes: { [name: string]: OpenApiObject };
  readonly schemas: { [name: string]: OpenApiObject };
  readonly extensions: OpenApiObject;
}

/**
 * The OpenAPI 3.0 document of an API. Operation ids, scheme names and the version of an API imported from a document
 * are those of the document, so that a document exported, imported and exported again is unchanged.
 */
export function openApiDocument(api: IConstruct, exported: ExportedApi, options: OpenApiDocumentOptions): OpenApiObject {
  const facts = importedFacts(api);
  const operationIds = new OperationIds();
  const paths: OpenApiObject = {};
  const securitySchemes: OpenApiObject = {};
  for (const operation of [...exported.operations].sort((a, b) => a.path.localeCompare(b.path))) {
    const pathItem = paths[operation.path] ??= {};
    const key = operation.method === 'ANY' ? ANY_METHOD : operation.method.toLowerCase();
    const schemeName = operation.security && (facts?.schemeNames.get(operation.routeKey) ?? operation.security.scheme);
    if (operation.security) {
      securitySchemes[schemeName!] = exported.securitySchemes[operation.security.scheme];
    }
    if (operation.apiKeyRequired) {
      securitySchemes[API_KEY_SCHEME] = API_KEY_SECURITY_SCHEME;
    }
    pathItem[key] = renderOperation(operation, operationIds.next(facts?.operationIds.get(operation.routeKey) ?? operationId(operation)), schemeName);
  }
  const document: OpenApiObject = {
    openapi: '3.0.3',
    info: {
      title: exported.title,
      ...exported.description !== undefined && { description: exported.description },
      version: options.version ?? facts?.version ?? '1.0.0',
    },
    servers: exported.servers,
    paths,
    components: {
      ...Object.keys(exported.schemas).length > 0 && { schemas: exported.schemas },
      ...Object.keys(securitySchemes).length > 0 && { securitySchemes },
    },
    ...exported.extensions,
  };
  return options.apiGatewayExtensions === false ? withoutApiGatewayExtensions(document) as OpenApiObject : document;
}

function renderOperation(operation: ExportedOperation, id: string, schemeName: string | undefined): OpenApiObject {
  const parameters = [
    ...pathParameters(operation.path),
    ...(operation.parameters ?? []).map((parameter) => ({ ...parameter, schema: { type: 'string' } })),
  ];
  const requirement: OpenApiObject = {};
  if (operation.security) {
    requirement[schemeName!] = operation.security.scopes;
  }
  if (operation.apiKeyRequired) {
    requirement[API_KEY_SCHEME] = [];
  }
  return {
    operationId: id,
    ...parameters.length > 0 && { parameters },
    ...operation.bodySchema && {
      requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${operation.bodySchema}` } } } },
    },
    responses: operation.responses ?? { default: { description: 'The response of the integration' } },
    security: Object.keys(requirement).length > 0 ? [requirement] : [],
    ...operation.extensions,
  };
}

/** Every variable of a path template, `{id}` and the greedy `{proxy+}`, as a required path parameter. */
function pathParameters(path: string): OpenApiObject[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

/**
 * `GET /items/{id}` → `getItemsById`, `ANY /{proxy+}` → `anyByProxy`, `GET /` → `getRoot`, `$default` → `default`:
 * readable, and stable for a route whatever the other routes are.
 */
function operationId(operation: ExportedOperation): string {
  if (operation.path === '/$default') {
    return 'default';
  }
  const words = operation.path.split('/').filter(Boolean).flatMap((segment) => {
    const variable = /^\{(.+?)\+?\}$/.exec(segment);
    return variable ? ['by', ...wordsOf(variable[1])] : wordsOf(segment);
  });
  const capitalized = (words.length ? words : ['root']).map((word) => word[0].toUpperCase() + word.slice(1));
  return operation.method.toLowerCase() + capitalized.join('');
}

function wordsOf(text: string): string[] {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** Operation ids are unique in a document: a second `getItems` (from `/items` and `/-items`) becomes `getItems2`. */
class OperationIds {
  private readonly used = new Set<string>();

  public next(id: string): string {
    let unique = id;
    for (let suffix = 2; this.used.has(unique); suffix++) {
      unique = `${id}${suffix}`;
    }
    this.used.add(unique);
    return unique;
  }
}

function withoutApiGatewayExtensions(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutApiGatewayExtensions);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value)
      .filter(([key]) => key === ANY_METHOD || !key.startsWith(EXTENSION_PREFIX))
      .map(([key, entry]) => [key, withoutApiGatewayExtensions(entry)]));
  }
  return value;
}
