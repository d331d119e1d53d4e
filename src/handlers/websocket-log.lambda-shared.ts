/**
 * One JSON line per event for the connection registry's code. Callers pass ids and categories only: never an event,
 * a header or a query string, which may carry the client's token.
 * No aws-cdk-lib import here: this file is bundled into Lambda assets.
 */
import { errorNameOf } from './jwt-authorizer-log.lambda-shared';

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export type LogFields = Readonly<Record<string, string | number | boolean | undefined>>;

export function writeLog(source: string, level: LogLevel, fields: LogFields): void {
  try {
    console.log(JSON.stringify({ source, level, ...fields }));
  } catch {
    // A logging failure must not change what the handler answers.
  }
}

/** The error's class name and message: AWS SDK errors name the operation and resource, never request payloads. */
export function errorFields(error: unknown): LogFields {
  return { errorName: errorNameOf(error), message: error instanceof Error ? error.message : String(error) };
}
