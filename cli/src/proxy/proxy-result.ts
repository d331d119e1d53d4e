import { describe, statusCodeOf } from './result-values';

/** A Lambda proxy result turned into an HTTP response, or why API Gateway refuses it (502). */
export type ProxyResult =
  | {
    readonly ok: true;
    readonly status: number;
    readonly headers: [string, string][];
    readonly body: Buffer | string;
    readonly isBase64Encoded: boolean;
  }
  | { readonly ok: false; readonly reason: string };

const ALLOWED_KEYS = new Set(['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']);

/**
 * Validates a payload 1.0 result as API Gateway does (recorded against AWS, see aws-semantics.md): an object with only
 * the known keys and at least one of them; statusCode a number or numeric string (200 when absent); header values
 * stringified; multiValueHeaders lists, merged with headers; body a string. Anything else is a malformed result.
 * `decodeBase64` says whether an `isBase64Encoded` body is sent as bytes (REST: when the client accepts a binary media
 * type) or as the base64 text.
 */
export function parseProxyResult(payload: unknown, decodeBase64: boolean): ProxyResult {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return malformed(`the result is ${describe(payload)}, not an object with statusCode, headers and body`);
  }
  const result = payload as Record<string, unknown>;
  const keys = Object.keys(result);
  if (keys.length === 0) {
    return malformed('the result is an empty object');
  }
  const unknownKey = keys.find((key) => !ALLOWED_KEYS.has(key));
  if (unknownKey !== undefined) {
    return malformed(`the result has the key '${unknownKey}'; a proxy result may hold only ${[...ALLOWED_KEYS].join(', ')}`);
  }
  const status = result.statusCode === undefined ? 200 : statusCodeOf(result.statusCode);
  if (status === undefined) {
    return malformed(`statusCode is ${describe(result.statusCode)}, not a number from 100 to 599`);
  }
  const headers: [string, string][] = [];
  const singleError = collectHeaders(result.headers, headers);
  if (singleError) {
    return malformed(singleError);
  }
  const multiError = collectMultiValueHeaders(result.multiValueHeaders, headers);
  if (multiError) {
    return malformed(multiError);
  }
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string') {
    return malformed(`body is ${describe(result.body)}; it must be a string (JSON.stringify objects)`);
  }
  const text = (result.body as string | null | undefined) ?? '';
  const isBase64Encoded = result.isBase64Encoded === true;
  const body = isBase64Encoded && decodeBase64 ? Buffer.from(text, 'base64') : text;
  return { ok: true, status, headers, body, isBase64Encoded };
}

function collectHeaders(value: unknown, into: [string, string][]): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return `headers is ${describe(value)}, not an object of header values`;
  }
  for (const [name, headerValue] of Object.entries(value)) {
    if (headerValue === null || headerValue === undefined) {
      continue;
    }
    if (typeof headerValue === 'object') {
      return `headers['${name}'] is ${describe(headerValue)}; use multiValueHeaders for several values`;
    }
    into.push([name, String(headerValue)]);
  }
  return undefined;
}

function collectMultiValueHeaders(value: unknown, into: [string, string][]): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return `multiValueHeaders is ${describe(value)}, not an object of lists`;
  }
  for (const [name, values] of Object.entries(value)) {
    if (!Array.isArray(values)) {
      return `multiValueHeaders['${name}'] is ${describe(values)}, not a list`;
    }
    const already = new Set(into.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v));
    for (const item of values) {
      const text = String(item);
      if (!already.has(text)) {
        into.push([name, text]);
      }
    }
  }
  return undefined;
}

function malformed(reason: string): ProxyResult {
  return { ok: false, reason: `Malformed Lambda proxy response: ${reason}` };
}
