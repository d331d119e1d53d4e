import { randomBytes, randomUUID } from 'node:crypto';

/** The ids API Gateway gives each request: `requestId` (a UUID) and `extendedRequestId` (also `x-amz-apigw-id`). */
export interface RequestIds {
  readonly requestId: string;
  readonly extendedRequestId: string;
}

export function newRequestIds(): RequestIds {
  // 12 random bytes print as the 16-character base64 id API Gateway sends, e.g. `Ab1cDEFghIJKLmn=`.
  return { requestId: randomUUID(), extendedRequestId: randomBytes(12).toString('base64').replace(/\//g, '_') };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `$context.requestTime`: `01/Dec/2026:18:37:27 +0000`. */
export function formatRequestTime(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
