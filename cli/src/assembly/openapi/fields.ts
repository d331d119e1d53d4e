import { JsonObject } from '../json';
import { PropertyReader } from '../property-reader';

/**
 * How a value of an API Gateway extension is read, so that a value of the wrong type is an error at its JSON pointer:
 * `upper` is a string CloudFormation writes in upper case (`aws_proxy` -> `AWS_PROXY`), `version` a payload format
 * version YAML may have read as a number (`2.0` -> 2 -> `"2.0"`), `commaList` a list or a comma-separated string
 * (identity sources), `json` a value copied as written.
 */
export type FieldKind = 'string' | 'upper' | 'version' | 'number' | 'boolean' | 'stringList' | 'commaList' | 'stringMap' | 'json';

/** An extension's field: the CloudFormation property it becomes and how it is read. */
export type Field = readonly [property: string, kind: FieldKind];

/** The CloudFormation properties of the fields of `reader` that `fields` names, and the names it does not know. */
export function translateFields(reader: PropertyReader, fields: Readonly<Record<string, Field>>): { properties: JsonObject; unknown: string[] } {
  const properties: JsonObject = {};
  const unknown: string[] = [];
  for (const name of reader.keys()) {
    const field = fields[name];
    if (field) {
      properties[field[0]] = fieldValue(reader, name, field[1]);
    } else {
      unknown.push(name);
    }
  }
  return { properties, unknown };
}

function fieldValue(reader: PropertyReader, name: string, kind: FieldKind): unknown {
  switch (kind) {
    case 'string': return reader.optionalString(name);
    case 'upper': return reader.optionalString(name)?.toUpperCase();
    case 'version': {
      const value = reader.raw(name);
      return typeof value === 'number' ? value.toFixed(1) : reader.optionalString(name);
    }
    case 'number': return reader.optionalNumber(name);
    case 'boolean': return reader.optionalBoolean(name);
    case 'stringList': return reader.stringList(name);
    case 'commaList': return reader.stringList(name).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
    case 'stringMap': return reader.stringMap(name);
    case 'json': return reader.raw(name);
  }
}

/** `values` without the entries that are undefined, as CloudFormation properties left out. */
export function definedOnly(values: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
