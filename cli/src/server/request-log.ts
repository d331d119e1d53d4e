import { RequestLogDetails } from '../gateway/api-request';

/** One line per request: method, path, status, latency, then what explains the answer. */
export function formatRequestLine(api: string, method: string, path: string, status: number, latencyMs: number, details: RequestLogDetails): string {
  const parts = [`${method} ${path} ${status} ${latencyMs}ms`, api];
  if (details.route) {
    parts.push(`route="${details.route}"`);
  }
  if (details.authorizerCache) {
    parts.push(`authorizer=${details.authorizerCache}`);
  }
  if (details.coldStart !== undefined) {
    parts.push(details.coldStart ? 'cold' : 'warm');
  }
  if (details.errorType) {
    parts.push(`${details.errorType}${details.note ? `: ${details.note}` : ''}`);
  }
  return parts.join(' ');
}
