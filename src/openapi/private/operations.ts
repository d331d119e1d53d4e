import { ANY_METHOD } from './document-builder';
import { DocumentReader, Pointer } from './json-pointer';
import { isObject } from '../../private/values';

/** The security of an operation: a scheme of the document with the scopes the operation requires. */
export interface ImportedSecurity {
  readonly scheme: string;
  readonly scopes: string[];
  readonly definition: Record<string, any>;
  readonly pointer: Pointer;
}

/** One operation of the document, as a route needs it. */
export interface ImportedOperation {
  readonly pointer: Pointer;
  readonly operationId: string;
  /** `GET`, ..., or `ANY` for `x-amazon-apigateway-any-method`. */
  readonly method: string;
  readonly path: string;
  /** The operation's scheme; `public` for `security: []`; `default` when neither it nor the document has security. */
  readonly security: ImportedSecurity | 'public' | 'default';
  readonly apiKeyRequired: boolean;
  readonly requiredQueryStrings: string[];
  readonly requiredHeaders: string[];
  /** The JSON request body's schema (an OpenAPI Schema Object), and the component it refers to, if any. */
  readonly body?: { readonly schema: unknown; readonly pointer: Pointer; readonly component?: string };
}

const METHODS: { [key: string]: string } = {
  get: 'GET', put: 'PUT', post: 'POST', delete: 'DELETE', options: 'OPTIONS', head: 'HEAD', patch: 'PATCH', [ANY_METHOD]: 'ANY',
};
const PATH_ITEM_MEMBERS = new Set(['summary', 'description', 'parameters', ...Object.keys(METHODS)]);
const JSON_CONTENT = 'application/json';
const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Every operation of an OpenAPI 3 document; what the library cannot deploy is an error naming where it is. */
export function readOperations(reader: DocumentReader): ImportedOperation[] {
  const document = reader.document;
  reader.unsupported(document.swagger === undefined, Pointer.ROOT.at('swagger'), () =>
    `is '${document.swagger}': Swagger 2.0 documents are not supported; convert the document to OpenAPI 3`);
  reader.invalid(typeof document.openapi === 'string' && /^3\.[01]\./.test(document.openapi), Pointer.ROOT.at('openapi'), () =>
    `is ${JSON.stringify(document.openapi)}; expected an OpenAPI 3.0 or 3.1 version such as '3.0.3'`);
  reader.invalid(isObject(document.paths), Pointer.ROOT.at('paths'), () => 'is missing or not an object; expected the operations by path');
  return Object.entries(document.paths as Record<string, unknown>).flatMap(([path, item]) => {
    const itemPointer = Pointer.ROOT.at('paths', path);
    const pathItem = reader.resolve(item, itemPointer).value;
    for (const member of Object.keys(pathItem)) {
      reader.unsupported(PATH_ITEM_MEMBERS.has(member) || member.startsWith('x-'), itemPointer.at(member), () =>
        `'${member}' is not supported; API Gateway routes the methods ${Object.values(METHODS).join(', ')} (ANY as ${ANY_METHOD}), with no per-path servers`);
    }
    return Object.entries(METHODS).filter(([key]) => pathItem[key] !== undefined).map(([key, method]) =>
      readOperation(reader, { path, method, pointer: itemPointer.at(key), operation: pathItem[key], pathParameters: pathItem.parameters }));
  });
}

interface OperationSource {
  readonly path: string;
  readonly method: string;
  readonly pointer: Pointer;
  readonly operation: unknown;
  readonly pathParameters: unknown;
}

function readOperation(reader: DocumentReader, source: OperationSource): ImportedOperation {
  const { pointer } = source;
  reader.invalid(isObject(source.operation), pointer, () => 'is not an operation object');
  const operation = source.operation;
  reader.invalid(typeof operation.operationId === 'string' && operation.operationId.length > 0, pointer.at('operationId'), () =>
    `is ${JSON.stringify(operation.operationId)}; every operation needs an operationId, which openApi.handlers binds a function to`);
  for (const member of ['callbacks', 'servers']) {
    reader.unsupported(operation[member] === undefined, pointer.at(member), () => `'${member}' is not supported by API Gateway; remove it`);
  }
  const parameters = readParameters(reader, source);
  const { security, apiKeyRequired } = readSecurity(reader, operation.security ?? reader.document.security,
    operation.security !== undefined ? pointer.at('security') : Pointer.ROOT.at('security'));
  return {
    pointer,
    operationId: operation.operationId,
    method: source.method,
    path: source.path,
    security,
    apiKeyRequired,
    requiredQueryStrings: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
    requiredHeaders: parameters.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name),
    body: operation.requestBody === undefined ? undefined : readBody(reader, operation.requestBody, pointer.at('requestBody')),
  };
}

/** The required query string and header parameters of the path and the operation (the operation's win). */
function readParameters(reader: DocumentReader, source: OperationSource): { in: string; name: string }[] {
  const byKey = new Map<string, { in: string; name: string; required: boolean }>();
  const lists: [unknown, Pointer][] = [
    [source.pathParameters, Pointer.ROOT.at('paths', source.path, 'parameters')],
    [(source.operation as any).parameters, source.pointer.at('parameters')],
  ];
  for (const [list, listPointer] of lists) {
    if (list === undefined) {
      continue;
    }
    reader.invalid(Array.isArray(list), listPointer, () => 'is not an array of parameters');
    list.forEach((entry, index) => {
      const { value: parameter, pointer } = reader.resolve(entry, listPointer.at(String(index)));
      reader.unsupported(['path', 'query', 'header'].includes(parameter.in), pointer.at('in'), () =>
        `is ${JSON.stringify(parameter.in)}; API Gateway validates path, query and header parameters (not cookies)`);
      byKey.set(`${parameter.in}:${parameter.name}`, { in: parameter.in, name: parameter.name, required: parameter.required === true });
    });
  }
  return [...byKey.values()].filter((parameter) => parameter.required && parameter.in !== 'path');
}

function readSecurity(reader: DocumentReader, requirements: unknown, pointer: Pointer): Pick<ImportedOperation, 'security' | 'apiKeyRequired'> {
  if (requirements === undefined) {
    return { security: 'default', apiKeyRequired: false };
  }
  reader.invalid(Array.isArray(requirements), pointer, () => 'is not an array of security requirements');
  if (requirements.length === 0 || requirements.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0)) {
    reader.unsupported(requirements.length <= 1, pointer, () =>
      'offers anonymous access besides other requirements; an API Gateway route is either public or authorized: make it security: [] or drop the empty requirement');
    return { security: 'public', apiKeyRequired: false };
  }
  reader.unsupported(requirements.length === 1, pointer, () =>
    `lists ${requirements.length} alternative requirements; an API Gateway route has one authorizer: keep one requirement`);
  const requirementPointer = pointer.at('0');
  const schemes = Object.entries(requirements[0] as Record<string, unknown>).map(([name, scopes]) => {
    const schemePointer = Pointer.ROOT.at('components', 'securitySchemes', name);
    const definition = reader.document.components?.securitySchemes?.[name];
    reader.invalid(isObject(definition), requirementPointer.at(name), () => `names the security scheme '${name}', which ${schemePointer} does not define`);
    return {
      scheme: name,
      scopes: Array.isArray(scopes) ? scopes : [],
      definition: reader.resolve(definition, schemePointer).value,
      pointer: requirementPointer.at(name),
    };
  });
  const apiKeys = schemes.filter((scheme) => isApiKeyScheme(scheme.definition));
  const authorizers = schemes.filter((scheme) => !apiKeys.includes(scheme));
  reader.unsupported(authorizers.length <= 1, requirementPointer, () =>
    `requires the schemes ${authorizers.map((scheme) => `'${scheme.scheme}'`).join(' and ')} together; an API Gateway route has one authorizer (and may require an API key besides)`);
  return { security: authorizers[0] ?? 'public', apiKeyRequired: apiKeys.length > 0 };
}

/** API Gateway's own API keys: an `apiKey` scheme for the `x-api-key` header that is not an authorizer. */
function isApiKeyScheme(scheme: Record<string, any>): boolean {
  return scheme.type === 'apiKey' && scheme.in === 'header' && String(scheme.name).toLowerCase() === 'x-api-key'
    && scheme['x-amazon-apigateway-authtype'] === undefined;
}

function readBody(reader: DocumentReader, requestBody: unknown, bodyPointer: Pointer): ImportedOperation['body'] {
  const { value: body, pointer } = reader.resolve(requestBody, bodyPointer);
  const content = (body.content ?? {}) as Record<string, any>;
  for (const [mediaType, media] of Object.entries(content)) {
    reader.unsupported(mediaType === JSON_CONTENT || media?.schema === undefined, pointer.at('content', mediaType, 'schema'), () =>
      `is a schema for '${mediaType}'; API Gateway validates ${JSON_CONTENT} bodies only: remove the schema or describe the body as ${JSON_CONTENT}`);
  }
  const schema = content[JSON_CONTENT]?.schema;
  if (schema === undefined) {
    return undefined;
  }
  const component = isObject(schema) && typeof schema.$ref === 'string' ? SCHEMA_REF.exec(schema.$ref)?.[1] : undefined;
  return { schema, pointer: pointer.at('content', JSON_CONTENT, 'schema'), component };
}
