import { describe, statusCodeOf } from '../proxy';

export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly headers: [string, string][]; readonly body: Buffer | string }
  | { readonly ok: false; readonly reason: string };

/**
 * A payload 2.0 result as HTTP APIs read it: an object with `statusCode` is a response (headers stringified, `cookies`
 * each a `set-cookie` header, an `isBase64Encoded` body decoded); anything else is the body of a 200 answer, as JSON
 * (a string as it is), with `content-type: application/json`.
 */
export function parseHttpResult(payload: unknown): HttpResult {
  const isResponse = typeof payload === 'object' && payload !== null && !Array.isArray(payload) && 'statusCode' in payload;
  if (!isResponse) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? null);
    return { ok: true, status: 200, headers: [['content-type', 'application/json']], body };
  }
  const result = payload as Record<string, unknown>;
  const status = statusCodeOf(result.statusCode);
  if (status === undefined) {
    return { ok: false, reason: `statusCode is ${describe(result.statusCode)}, not a number from 100 to 599` };
  }
  const headers: [string, string][] = [];
  if (result.headers !== undefined && result.headers !== null) {
    if (typeof result.headers !== 'object' || Array.isArray(result.headers)) {
      return { ok: false, reason: `headers is ${describe(result.headers)}, not an object` };
    }
    for (const [name, value] of Object.entries(result.headers)) {
      if (value !== null && value !== undefined) {
        headers.push([name.toLowerCase(), Array.isArray(value) ? value.join(',') : String(value)]);
      }
    }
  }
  if (result.cookies !== undefined && result.cookies !== null) {
    if (!Array.isArray(result.cookies)) {
      return { ok: false, reason: `cookies is ${describe(result.cookies)}, not a list of strings` };
    }
    headers.push(...result.cookies.map((cookie): [string, string] => ['set-cookie', String(cookie)]));
  }
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string') {
    return { ok: false, reason: `body is ${describe(result.body)}; it must be a string` };
  }
  const text = (result.body as string | undefined) ?? '';
  return { ok: true, status, headers, body: result.isBase64Encoded === true ? Buffer.from(text, 'base64') : text };
}
