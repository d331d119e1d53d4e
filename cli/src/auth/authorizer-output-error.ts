/**
 * A Lambda authorizer answered with something API Gateway cannot use. API Gateway answers such a request with a 500
 * (REST: AUTHORIZER_CONFIGURATION_ERROR; HTTP: `Internal Server Error`); the message is for the server log only and
 * never reaches the client.
 */
export class AuthorizerOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthorizerOutputError';
  }
}

/** A short, bounded rendering of a received value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** A JSON object (not null, not a list). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
