import { EXIT_CODE_UNCAUGHT_EXCEPTION, EXIT_CODE_UNHANDLED_REJECTION } from '../protocol';
import { formatError, LambdaRuntimeError } from './error-format';

/**
 * As Lambda's Node.js runtime does: an error nobody catches, or a rejection nobody handles, is logged and ends the
 * sandbox, with the runtime's exit codes. The main thread reports the exit for the invocation in flight, if any.
 */
export function exitOnUnhandledErrors(): void {
  process.on('uncaughtException', (error) => {
    console.error('Uncaught Exception', JSON.stringify(formatError(error)));
    process.exit(EXIT_CODE_UNCAUGHT_EXCEPTION);
  });
  process.on('unhandledRejection', (reason) => {
    const error = new LambdaRuntimeError('Runtime.UnhandledPromiseRejection', String(reason));
    console.error('Unhandled Promise Rejection', JSON.stringify(formatError(error)));
    process.exit(EXIT_CODE_UNHANDLED_REJECTION);
  });
}
