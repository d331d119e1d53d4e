import { DocumentReader, Pointer } from './json-pointer';
import { isObject } from '../../private/values';

/**
 * A JSON Schema draft 4 model as an OpenAPI 3.0 Schema Object: without `$schema`, and with the nullable types of
 * draft 4 (`type: ['string', 'null']`) written `type: 'string', nullable: true`.
 */
export function toOpenApiSchema(schema: unknown): { [key: string]: unknown } {
  return convert(schema, (node) => {
    const { $schema, type, ...rest } = node;
    const types = Array.isArray(type) ? type : undefined;
    if (types?.length === 2 && types.includes('null')) {
      return { type: types.find((entry) => entry !== 'null'), nullable: true, ...rest };
    }
    return type === undefined ? rest : { type, ...rest };
  }) as { [key: string]: unknown };
}

/** Applies `node` to every schema object in `schema`, from the leaves up. */
export function convert(schema: unknown, node: (schema: Record<string, unknown>) => Record<string, unknown>): unknown {
  if (Array.isArray(schema)) {
    return schema.map((entry) => convert(entry, node));
  }
  if (!isObject(schema)) {
    return schema;
  }
  return node(Object.fromEntries(Object.entries(schema).map(([key, value]) => {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      return [key, Object.fromEntries(Object.entries(value).map(([name, entry]) => [name, convert(entry, node)]))];
    }
    return [key, SCHEMA_VALUES.has(key) ? convert(value, node) : value];
  })));
}

/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set(['items', 'additionalItems', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not']);
/** Keywords whose value is an object of named schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);

/** Members of an OpenAPI Schema Object that describe rather than constrain, which draft 4 models do without. */
const ANNOTATIONS = new Set(['example', 'examples', 'externalDocs', 'xml', 'deprecated', 'readOnly', 'writeOnly', 'nullable']);

/**
 * An OpenAPI Schema Object as the JSON Schema draft 4 of an API Gateway model: references within the document
 * inlined (a recursive one is an error), `nullable: true` written as a `null` type, annotations and extensions left out.
 */
export function toDraft4Schema(reader: DocumentReader, schema: unknown, pointer: Pointer, enclosing: readonly string[] = []): unknown {
  if (isObject(schema) && typeof schema.$ref === 'string') {
    const ref = schema.$ref;
    reader.unsupported(!enclosing.includes(ref), pointer.at('$ref'), () =>
      `is '${ref}', a schema that encloses it; API Gateway models cannot be recursive`);
    const target = reader.resolve(schema, pointer);
    return toDraft4Schema(reader, target.value, target.pointer, [...enclosing, ref]);
  }
  if (Array.isArray(schema)) {
    return schema.map((entry, index) => toDraft4Schema(reader, entry, pointer.at(String(index)), enclosing));
  }
  if (!isObject(schema)) {
    return schema;
  }
  reader.unsupported(schema.discriminator === undefined, pointer.at('discriminator'), () =>
    'is not supported: API Gateway models are JSON Schema draft 4, which has no discriminator; remove it (oneOf still applies)');
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
      continue;
    }
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      converted[key] = Object.fromEntries(Object.entries(value).map(([name, entry]) =>
        [name, toDraft4Schema(reader, entry, pointer.at(key, name), enclosing)]));
    } else {
      converted[key] = SCHEMA_VALUES.has(key) ? toDraft4Schema(reader, value, pointer.at(key), enclosing) : value;
    }
  }
  if (schema.nullable === true && typeof schema.type === 'string') {
    converted.type = [schema.type, 'null'];
  }
  return converted;
}
