import type { LambdaErrorDocument } from '../protocol';

/** An error of Lambda's runtime itself, named as Lambda names it (`Runtime.HandlerNotFound`, ...). */
export class LambdaRuntimeError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface ErrorLike {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/**
 * Formats what a handler threw as Lambda's Node.js runtime does: an Error gives its name, message and stack lines;
 * any other value gives its `typeof` as the type, `String(value)` as the message and an empty trace.
 */
export function formatError(thrown: unknown): LambdaErrorDocument {
  try {
    if (isErrorLike(thrown)) {
      return {
        errorType: thrown.name,
        errorMessage: thrown.message,
        trace: typeof thrown.stack === 'string' ? thrown.stack.split('\n') : [],
      };
    }
    return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
  } catch {
    // A getter or toString that throws: Lambda answers with this fixed document rather than failing.
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
      trace: [],
    };
  }
}

function isErrorLike(value: unknown): value is ErrorLike {
  if (value instanceof Error) {
    return true;
  }
  // Errors from another realm (a vm context, a bundled polyfill) fail instanceof; Lambda accepts their shape too.
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof ErrorLike, unknown>>;
  return typeof candidate.name === 'string' && typeof candidate.message === 'string' && typeof candidate.stack === 'string';
}
