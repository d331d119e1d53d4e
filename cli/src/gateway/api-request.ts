import type { Readable } from 'node:stream';

/** A request as it reached the local endpoint of one API, before API Gateway's processing. */
export interface ApiRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query. */
  readonly rawPath: string;
  /** The query string as sent, without `?`. */
  readonly rawQuery: string;
  /** Header names and values in the order sent, names in the client's casing. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  /** E.g. `HTTP/1.1`. */
  readonly protocol: string;
  /** Epoch milliseconds from the runtime's clock. */
  readonly receivedAt: number;
}

/** What API Gateway answers; a header may appear several times. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  /** A Readable streams to the client as it is produced (chunked), for response streaming. */
  readonly body: Buffer | string | Readable;
}

/** A response and what the request log reports about it. */
export interface HandledRequest {
  readonly response: ApiResponse;
  readonly log: RequestLogDetails;
}

/** What the per-request log line reports beyond method, path, status and latency. */
export interface RequestLogDetails {
  /** The route or resource matched, e.g. `GET /items/{id}`. */
  route?: string;
  /** Whether the authorizer's result came from its cache. */
  authorizerCache?: 'hit' | 'miss';
  /** Whether the integration's function started a new worker. */
  coldStart?: boolean;
  /** Why API Gateway answered itself (a gateway response type), when it did. */
  errorType?: string;
  /** A detail for the developer, e.g. the function error or the malformed field of a result. */
  note?: string;
}

/** The first value of a header, any casing. */
export function headerValue(request: ApiRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of request.headers) {
    if (key.toLowerCase() === lower) {
      return value;
    }
  }
  return undefined;
}

/** Every value of every header, by lower-case name, in the order sent. */
export function headerValuesByLowerName(request: ApiRequest): Map<string, string[]> {
  return headersByLowerName(request.headers);
}

/** Every value of each header in `headers`, by lower-case name, in order. */
export function headersByLowerName(headers: readonly (readonly [string, string])[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [key, value] of headers) {
    const lower = key.toLowerCase();
    const list = values.get(lower);
    if (list) {
      list.push(value);
    } else {
      values.set(lower, [value]);
    }
  }
  return values;
}

/** Query parameters in order, names and values URL-decoded (`+` is a space); a malformed escape is kept as sent. */
export function parseQuery(rawQuery: string): [string, string][] {
  if (!rawQuery) {
    return [];
  }
  return rawQuery.split('&').filter((part) => part.length > 0).map((part) => {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    return [decodeQueryComponent(name), decodeQueryComponent(value)];
  });
}

function decodeQueryComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** The host's first label, without a port: `abc.execute-api…` gives `abc`, `127.0.0.1:3000` gives `127`. */
export function domainPrefixOf(host: string): string {
  const dot = host.indexOf('.');
  const label = dot < 0 ? host : host.slice(0, dot);
  const colon = label.indexOf(':');
  return colon < 0 ? label : label.slice(0, colon);
}
