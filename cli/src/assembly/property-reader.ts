import { AssemblyError } from './errors';
import { describeValue, isJsonObject, JsonObject } from './json';

/**
 * How a reader names the place of a value in messages: `where.Name[0]` for template properties, a JSON pointer
 * (`where/name/0`, RFC 6901 escapes) for documents such as OpenAPI definitions.
 */
export type LocationStyle = 'property' | 'pointer';

/**
 * Typed access to resolved resource properties. CloudFormation accepts numbers and booleans written as strings, so
 * `"300"` reads as 300 and `"true"` as true; anything else of the wrong type is an error naming the property.
 */
export class PropertyReader {
  constructor(private readonly values: JsonObject, private readonly where: string, private readonly style: LocationStyle = 'property') {}

  public has(name: string): boolean {
    return this.values[name] !== undefined;
  }

  /** The names present, in the order written. */
  public keys(): string[] {
    return Object.keys(this.values).filter((name) => this.values[name] !== undefined);
  }

  /** The value as written, for values the caller copies whole (a JSON schema, a policy). */
  public raw(name: string): unknown {
    return this.values[name];
  }

  /** The whole object as written. */
  public json(): JsonObject {
    return this.values;
  }

  /** Where the value `name` (and `index` in it) is, in this reader's style; the reader's own place without `name`. */
  public location(name?: string, index?: number | string): string {
    const segments = [name, index].filter((segment) => segment !== undefined).map(String);
    if (this.style === 'pointer') {
      return segments.reduce((where, segment) => `${where}/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`, this.where);
    }
    return `${this.where}${name === undefined ? '' : `.${name}`}${index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `.${index}`}`;
  }

  /** An error about the value `name` (or the reader's object): `{location} {detail}`. */
  public problem(detail: string, name?: string, index?: number | string): AssemblyError {
    return new AssemblyError(`${this.location(name, index)} ${detail}`);
  }

  public string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw this.error(name, 'a string');
    return value;
  }

  public optionalString(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.error(name, 'a string');
  }

  public number(name: string): number {
    const value = this.optionalNumber(name);
    if (value === undefined) throw this.error(name, 'a number');
    return value;
  }

  public optionalNumber(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || Number.isNaN(number)) throw this.error(name, 'a number');
    return number;
  }

  public optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.error(name, 'true or false');
  }

  /** A list of strings; a single string reads as a list of one. Absent reads as empty. */
  public stringList(name: string): string[] {
    const value = this.values[name];
    if (value === undefined) return [];
    const items = Array.isArray(value) ? value : [value];
    return items.map((item) => {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return String(item);
      throw this.error(name, 'a list of strings', value);
    });
  }

  /** A map of strings, values stringified (objects as JSON). Absent reads as empty. */
  public stringMap(name: string): Record<string, string> {
    return Object.fromEntries(Object.entries(this.map(name)).map(([key, item]) => [key, typeof item === 'string' ? item : JSON.stringify(item)]));
  }

  public booleanMap(name: string): Record<string, boolean> {
    return Object.fromEntries(Object.entries(this.map(name)).map(([key, item]) => {
      if (typeof item === 'boolean') return [key, item];
      if (item === 'true' || item === 'false') return [key, item === 'true'];
      throw this.error(name, 'true or false', item, key);
    }));
  }

  public object(name: string): PropertyReader | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw this.error(name, 'an object');
    return new PropertyReader(value, this.location(name), this.style);
  }

  public objectList(name: string): PropertyReader[] {
    const value = this.values[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.error(name, 'a list of objects');
    return value.map((item, index) => {
      if (!isJsonObject(item)) throw this.error(name, 'an object', item, index);
      return new PropertyReader(item, this.location(name, index), this.style);
    });
  }

  /** A map of objects (e.g. per-route settings), as [key, reader] pairs. */
  public objectEntries(name: string): Array<[string, PropertyReader]> {
    return Object.entries(this.map(name)).map(([key, item]) => {
      if (!isJsonObject(item)) throw this.error(name, 'an object', item, key);
      return [key, new PropertyReader(item, this.location(name, key), this.style)];
    });
  }

  private map(name: string): JsonObject {
    const value = this.values[name];
    if (value === undefined) return {};
    if (!isJsonObject(value)) throw this.error(name, 'an object');
    return value;
  }

  private error(name: string, expected: string, value: unknown = this.values[name], index?: number | string): AssemblyError {
    const received = value === undefined ? 'missing' : `${describeValue(value)}`;
    return this.problem(`is ${received}; expected ${expected}`, name, index);
  }
}
