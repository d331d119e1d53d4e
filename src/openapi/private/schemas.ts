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
