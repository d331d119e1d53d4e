import { DocumentParts } from './document-parts';
import { decodePointerToken } from './openapi-document';
import { modelSchemaUrl } from '../../model';
import { isJsonObject, JsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import type { RestApiPartType } from '../rest-apis';

type RestParts = DocumentParts<RestApiPartType>;

/**
 * Every named schema of the document (`components.schemas`, `definitions`) as a model of the API, as API Gateway
 * imports them.
 */
export function addNamedModels(parts: RestParts): void {
  for (const [name, schema] of parts.document.schemas()) {
    addModel(parts, name, schema);
  }
}

/**
 * The method's `RequestModels` (content type -> model name): OpenAPI 3's `requestBody.content`, or Swagger 2.0's `in:
 * body` parameter for each type the operation `consumes`. A schema that is a `$ref` to a named schema names its model;
 * another schema becomes a model of its own.
 */
export function requestModels(parts: RestParts, operation: PropertyReader, bodyParameter: PropertyReader | undefined): Record<string, string> {
  const { document } = parts;
  if (document.version === '3') {
    const body = document.object(operation, 'requestBody');
    return Object.fromEntries((body ? document.entries(body, 'content') : []).flatMap(([contentType, media]) => {
      const schema = media.object('schema');
      return schema ? [[contentType, modelNameOf(parts, schema)]] : [];
    }));
  }
  const schema = bodyParameter?.object('schema');
  if (!schema) return {};
  const consumes = operation.has('consumes') ? operation.stringList('consumes') : document.root.stringList('consumes');
  const model = modelNameOf(parts, schema);
  return Object.fromEntries((consumes.length > 0 ? consumes : ['application/json']).map((contentType) => [contentType, model]));
}

function modelNameOf(parts: RestParts, schema: PropertyReader): string {
  const ref = schema.keys().length === 1 ? schema.optionalString('$ref') : undefined;
  const prefix = parts.document.schemaRefPrefix;
  if (ref?.startsWith(prefix) && !ref.slice(prefix.length).includes('/')) {
    return decodePointerToken(ref.slice(prefix.length));
  }
  // Model names are alphanumeric; this one is stable for the place of the schema in the document.
  const name = `Inline${parts.id('model', parts.document.pointer(schema), 10)}`;
  addModel(parts, name, schema);
  return name;
}

function addModel(parts: RestParts, name: string, schema: PropertyReader): void {
  parts.add('AWS::ApiGateway::Model', name, schema, {
    Name: name,
    ContentType: 'application/json',
    Schema: withModelRefs(schema.json(), parts.document.schemaRefPrefix, parts.api.ref()),
  });
}

/**
 * The schema with its `$ref`s to the document's named schemas rewritten into model URLs, as API Gateway rewrites them
 * on import, so that models refer to each other by URL wherever they come from.
 */
function withModelRefs(value: unknown, prefix: string, apiId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withModelRefs(item, prefix, apiId));
  if (!isJsonObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith(prefix)) {
      const [name, ...rest] = item.slice(prefix.length).split('/');
      result[key] = `${modelSchemaUrl(apiId, decodePointerToken(name))}${rest.length > 0 ? `#/${rest.join('/')}` : ''}`;
    } else {
      result[key] = withModelRefs(item, prefix, apiId);
    }
  }
  return result;
}
