import { arnOf, closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';
import type { LambdaRuntime } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

describe('loading the handler', () => {
  afterEach(closeRuntimes);

  function start(...functions: FunctionModel[]): LambdaRuntime {
    return startRuntime(functions, { onHandlerOutput: () => undefined });
  }

  test('an ES module handler in an .mjs file runs', async () => {
    const fn = nodeFunction('esm', { 'index.mjs': 'export const handler = async (event) => ({ esm: true, got: event.value });' });

    const outcome = await start(fn).invoke(fn.arn, { value: 7 });

    expect(payloadOf(outcome)).toEqual({ esm: true, got: 7 });
  });

  test('a CommonJS handler in a .cjs file runs', async () => {
    const fn = nodeFunction('cjs', { 'index.cjs': 'module.exports.handler = async () => "from cjs";' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('from cjs');
  });

  test('a handler in a subfolder runs', async () => {
    const fn = nodeFunction('nested', { 'src/api/main.js': 'exports.run = async () => "nested";' }, { handler: 'src/api/main.run' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('nested');
  });

  test('a handler exported only through module.exports of a bundle runs', async () => {
    const source = 'const api = {}; Object.defineProperty(api, "handler", { enumerable: true, get: () => async () => "bundled" }); module.exports = api;';
    const fn = nodeFunction('bundle', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('bundled');
  });

  test('a missing export is Runtime.HandlerNotFound', async () => {
    const fn = nodeFunction('noexport', { 'index.js': 'exports.other = async () => 1;' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is undefined or not exported' });
  });

  test('an export that is not a function is Runtime.HandlerNotFound', async () => {
    const fn = nodeFunction('notfunction', { 'index.js': 'exports.handler = 42;' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.HandlerNotFound', errorMessage: 'index.handler is not a function' });
  });

  test('a missing module file is Runtime.ImportModuleError', async () => {
    const fn = nodeFunction('nofile', { 'other.js': '' }, { handler: 'app.handler' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: expect.stringMatching(/^Error: Cannot find module 'app' \(looked for app.js, app.mjs, app.cjs in /) });
  });

  test('a module that requires a missing package is Runtime.ImportModuleError', async () => {
    const fn = nodeFunction('nodep', { 'index.js': 'require("gatewaykit-no-such-package"); exports.handler = async () => 1;' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.ImportModuleError', errorMessage: expect.stringMatching(/Cannot find module 'gatewaykit-no-such-package'/) });
  });

  test('a module with a syntax error is Runtime.UserCodeSyntaxError', async () => {
    const fn = nodeFunction('syntax', { 'index.js': 'exports.handler = async () => {;' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.UserCodeSyntaxError', errorMessage: expect.stringMatching(/^SyntaxError: /) });
  });

  test('a module that throws while initializing reports the thrown error, as Lambda does', async () => {
    const fn = nodeFunction('initthrow', { 'index.js': 'throw new RangeError("bad configuration"); exports.handler = async () => 1;' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'RangeError', errorMessage: 'bad configuration', coldStart: true });
  });

  test('after an init error the next invocation initializes a new worker', async () => {
    const fn = nodeFunction('initthrow', { 'index.js': 'throw new Error("init failed");' });
    const lambda = start(fn);
    await lambda.invoke(fn.arn, {});

    const second = await lambda.invoke(fn.arn, {});

    expect(second).toMatchObject({ kind: 'error', errorMessage: 'init failed', coldStart: true });
    expect(lambda.stats(fn.arn).coldStarts).toBe(2);
  });

  test('a handler string with .. is Runtime.MalformedHandlerName', async () => {
    const fn = nodeFunction('malformed', { 'index.js': '' }, { handler: '../index.handler' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.MalformedHandlerName', errorMessage: expect.stringMatching(/'\.\.\/index\.handler' is not a valid handler name/) });
  });

  test('a callback handler on nodejs24.x is Runtime.CallbackHandlerDeprecated', async () => {
    const fn = nodeFunction('callback24', { 'index.js': 'exports.handler = (event, context, callback) => callback(null, 1);' }, { runtime: 'nodejs24.x' });

    const outcome = await start(fn).invoke(fn.arn, {});

    expect(outcome).toMatchObject({ kind: 'error', errorType: 'Runtime.CallbackHandlerDeprecated', errorMessage: expect.stringMatching(/removed support for callback-based function handlers starting with Node.js 24/) });
  });

  test('an unknown ARN is rejected', async () => {
    const fn = nodeFunction('known', { 'index.js': '' });

    await expect(start(fn).invoke(arnOf('unknown'), {})).rejects.toThrow(
      /No Lambda function has the ARN 'arn:aws:lambda:eu-west-1:111122223333:function:unknown'; the app's functions are: arn:aws:lambda:eu-west-1:111122223333:function:known/);
  });

  test('a function without local code is rejected', async () => {
    const fn = { ...nodeFunction('nocode', {}), codeDir: undefined };

    await expect(start(fn).invoke(fn.arn, {})).rejects.toThrow(/Function nocode \(TestStack\/nocode\) has no code on disk to run locally/);
  });

  test('a function of another runtime is rejected', async () => {
    const fn = nodeFunction('python', { 'index.py': '' }, { runtime: 'python3.12' });

    await expect(start(fn).invoke(fn.arn, {})).rejects.toThrow(/Function python \(TestStack\/python\) has runtime 'python3.12'; only nodejs\* functions run locally/);
  });
});
