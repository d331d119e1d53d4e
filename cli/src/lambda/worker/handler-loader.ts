import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LambdaRuntimeError } from './error-format';
import type { LambdaHandler } from './invocation';
import { isStreamingHandler } from './response-streaming';

/** Tried in this order, as Lambda does for a `Handler` of `file.export`. */
const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs'] as const;

const HANDLER_PATTERN = /^([^.]*)\.(.*)$/;

/** Lambda removed callback-style handlers (three parameters) from its Node.js 24 runtime on. */
const FIRST_RUNTIME_WITHOUT_CALLBACKS = 24;
const CALLBACK_HANDLER_REMOVED =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function '
  + 'to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

export interface HandlerLocation {
  readonly codeDir: string;
  /** `path/file.export`. */
  readonly handler: string;
  /** E.g. `nodejs20.x`. */
  readonly runtime: string;
}

/**
 * Loads the handler function the way Lambda's Node.js runtime does, with its error types: `Runtime.MalformedHandlerName`,
 * `Runtime.ImportModuleError` (no such file, or a module it imports is missing), `Runtime.UserCodeSyntaxError`,
 * `Runtime.HandlerNotFound`. An error the module throws while initializing is reported as thrown, as Lambda does.
 */
export async function loadHandler(location: HandlerLocation): Promise<LambdaHandler> {
  const handlerString = location.handler;
  if (handlerString.includes('..')) {
    throw new LambdaRuntimeError('Runtime.MalformedHandlerName',
      `'${handlerString}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const fileAndExport = path.basename(handlerString);
  const moduleRoot = handlerString.slice(0, handlerString.length - fileAndExport.length);
  const match = HANDLER_PATTERN.exec(fileAndExport);
  if (!match) {
    throw new LambdaRuntimeError('Runtime.MalformedHandlerName', `Bad handler '${handlerString}': expected 'file.export', e.g. 'index.handler'`);
  }
  const [, moduleName, exportPath] = match;
  const userModule = await importUserModule(location.codeDir, moduleRoot, moduleName);
  const handler = findExport(userModule, exportPath) ?? findExport(defaultExportOf(userModule), exportPath);
  if (handler === undefined || handler === null) {
    throw new LambdaRuntimeError('Runtime.HandlerNotFound', `${handlerString} is undefined or not exported`);
  }
  if (typeof handler !== 'function') {
    throw new LambdaRuntimeError('Runtime.HandlerNotFound', `${handlerString} is not a function`);
  }
  // A streaming handler's third parameter is its context, not a callback.
  if (majorVersionOf(location.runtime) >= FIRST_RUNTIME_WITHOUT_CALLBACKS && handler.length >= 3 && !isStreamingHandler(handler)) {
    throw new LambdaRuntimeError('Runtime.CallbackHandlerDeprecated', CALLBACK_HANDLER_REMOVED);
  }
  return handler as LambdaHandler;
}

async function importUserModule(codeDir: string, moduleRoot: string, moduleName: string): Promise<unknown> {
  const base = path.resolve(codeDir, moduleRoot, moduleName);
  const file = MODULE_EXTENSIONS.map((extension) => base + extension).find((candidate) => existsSync(candidate));
  if (file === undefined) {
    const tried = MODULE_EXTENSIONS.map((extension) => moduleName + extension).join(', ');
    throw new LambdaRuntimeError('Runtime.ImportModuleError',
      `Error: Cannot find module '${moduleRoot}${moduleName}' (looked for ${tried} in ${path.dirname(base)})`);
  }
  try {
    // import() loads CommonJS and ES modules alike; the file URL keeps Windows drive letters and odd characters intact.
    return await import(pathToFileURL(file).href);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new LambdaRuntimeError('Runtime.UserCodeSyntaxError', String(error));
    }
    if (isModuleNotFound(error)) {
      throw new LambdaRuntimeError('Runtime.ImportModuleError', String(error));
    }
    throw error;
  }
}

function isModuleNotFound(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

/** Follows `a.b` export paths, which Lambda's runtime accepts too. */
function findExport(container: unknown, exportPath: string): unknown {
  let current = container;
  for (const key of exportPath.split('.')) {
    if ((typeof current !== 'object' && typeof current !== 'function') || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * import() of a CommonJS module exposes `module.exports` as `default`; named exports are only those Node's static
 * analysis detects, so Lambda (and this) look in `default` when the name is not found at the top.
 */
function defaultExportOf(userModule: unknown): unknown {
  return typeof userModule === 'object' && userModule !== null ? (userModule as { default?: unknown }).default : undefined;
}

function majorVersionOf(runtime: string): number {
  const match = /^nodejs(\d+)/.exec(runtime);
  return match ? Number(match[1]) : 0;
}
