import { randomBytes, randomUUID } from 'node:crypto';

/** The ids API Gateway gives each request: `requestId` (a UUID) and `extendedRequestId` (also `x-amz-apigw-id`). */
export interface RequestIds {
  readonly requestId: string;
  readonly extendedRequestId: string;
}

/**
 * 16-character base64 ids like API Gateway's `Ab1cDEFghIJKLmn=`: 6 random bytes per process then a 6-byte counter.
 * They need to be unique, not secret, and drawing random bytes for each request costs the main thread more than the
 * rest of the id work together (measured with --cpu-prof).
 */
const prefix = randomBytes(6);
let counter = 0;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids of a new request. A REST client may choose its request id: "Clients can override the value in the
 * x-amzn-RequestId header with a value in the format of a universally unique identifier (UUID)"; any other value is
 * replaced (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html). The extended id is
 * always API Gateway's own.
 * @param clientRequestId the request's `x-amzn-RequestId` header, for REST APIs
 */
export function newRequestIds(clientRequestId?: string): RequestIds {
  counter = (counter + 1) % 2 ** 48;
  const bytes = Buffer.allocUnsafe(12);
  prefix.copy(bytes, 0);
  bytes.writeUIntBE(counter, 6, 6);
  // randomUUID draws from Node's own cache of random bytes.
  const requestId = clientRequestId !== undefined && UUID.test(clientRequestId) ? clientRequestId : randomUUID();
  return { requestId, extendedRequestId: bytes.toString('base64').replace(/\//g, '_') };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The last second formatted: under load, thousands of requests a second share it. */
let formatted = { second: NaN, text: '' };

/** `$context.requestTime`: `01/Dec/2026:18:37:27 +0000`. */
export function formatRequestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== formatted.second) {
    const d = new Date(second * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    formatted = { second, text: `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${time} +0000` };
  }
  return formatted.text;
}
