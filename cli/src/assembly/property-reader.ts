import { AssemblyError } from './errors';
import { describeValue, isJsonObject, JsonObject } from './json';

/**
 * Typed access to resolved resource properties. CloudFormation accepts numbers and booleans written as strings, so
 * `"300"` reads as 300 and `"true"` as true; anything else of the wrong type is an error naming the property.
 */
export class PropertyReader {
  constructor(private readonly values: JsonObject, private readonly where: string) {}

  public has(name: string): boolean {
    return this.values[name] !== undefined;
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
      throw this.error(`${name}.${key}`, 'true or false', item);
    }));
  }

  public object(name: string): PropertyReader | undefined {
    const value = this.values[name];
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw this.error(name, 'an object');
    return new PropertyReader(value, `${this.where}.${name}`);
  }

  public objectList(name: string): PropertyReader[] {
    const value = this.values[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw this.error(name, 'a list of objects');
    return value.map((item, index) => {
      if (!isJsonObject(item)) throw this.error(`${name}[${index}]`, 'an object', item);
      return new PropertyReader(item, `${this.where}.${name}[${index}]`);
    });
  }

  /** A map of objects (e.g. per-route settings), as [key, reader] pairs. */
  public objectEntries(name: string): Array<[string, PropertyReader]> {
    return Object.entries(this.map(name)).map(([key, item]) => {
      if (!isJsonObject(item)) throw this.error(`${name}.${key}`, 'an object', item);
      return [key, new PropertyReader(item, `${this.where}.${name}.${key}`)];
    });
  }

  private map(name: string): JsonObject {
    const value = this.values[name];
    if (value === undefined) return {};
    if (!isJsonObject(value)) throw this.error(name, 'an object');
    return value;
  }

  private error(name: string, expected: string, value: unknown = this.values[name]): AssemblyError {
    const received = value === undefined ? 'missing' : `${describeValue(value)}`;
    return new AssemblyError(`${this.where}.${name} is ${received}; expected ${expected}`);
  }
}
