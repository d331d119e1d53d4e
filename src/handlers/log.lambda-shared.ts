/**
 * The one structured logger of the bundled handlers and of the WebSocket runtime helper: one JSON line per event,
 * `{ source, level, ...fields }`, which CloudWatch Logs Insights reads as fields. Callers pass ids, categories and
 * error names only: never an event, a header, a token or a pre-signed URL, which may carry a credential.
 * No aws-cdk-lib import here: this file is bundled into Lambda assets.
 */

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export type LogFields = Readonly<Record<string, unknown>>;

/** Writes one line for the source it was created for, e.g. `gatewaykit-jwt-authorizer`. */
export type Logger = (level: LogLevel, fields: LogFields) => void;

export function createLogger(source: string): Logger {
  return (level, fields) => {
    try {
      console.log(JSON.stringify({ source, level, ...fields }));
    } catch {
      // A logging failure must not change what the handler answers: API Gateway would report an exception as a 500,
      // and CloudFormation would wait for a custom resource response that never comes.
    }
  };
}

/**
 * The error's name when it set one (AWS SDK errors, `ECONNRESET`), otherwise its class name, which survives bundling
 * without minification and names library errors that leave `name` as `Error` (aws-jwt-verify's).
 */
export function errorNameOf(error: unknown): string {
  if (error instanceof Error) {
    return error.name && error.name !== 'Error' ? error.name : error.constructor.name || 'Error';
  }
  return typeof error;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error's name and message: AWS SDK errors name the operation and resource, never request payloads. */
export function errorFields(error: unknown): { errorName: string; message: string } {
  return { errorName: errorNameOf(error), message: messageOf(error) };
}
