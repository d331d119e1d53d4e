import * as fs from 'fs';
import { AssemblyError } from './errors';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is one of `values`, narrowing it to their type. */
export function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

/** Shortens a value for an error message, so that a whole template never lands in one. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * Reads a JSON file holding an object.
 * @param what what the file is, for messages (e.g. "cloud assembly manifest", "stack template")
 */
export function readJsonObject(file: string, what: string): JsonObject {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : (error as Error).message;
    throw new AssemblyError(`cannot read the ${what} ${file}: ${reason}; run cdk synth again to rewrite the cloud assembly`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AssemblyError(`the ${what} ${file} is not valid JSON (${(error as Error).message}); expected the JSON file cdk synth writes`);
  }
  if (!isJsonObject(parsed)) {
    throw new AssemblyError(`the ${what} ${file} holds ${describeValue(parsed)}; expected a JSON object`);
  }
  return parsed;
}
