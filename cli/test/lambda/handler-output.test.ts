import { closeRuntimes, eventually, nodeFunction, removeWrittenCode, startRuntime } from './fixtures';

describe('handler output', () => {
  afterEach(async () => {
    await closeRuntimes();
    jest.restoreAllMocks();
  });
  afterAll(removeWrittenCode);

  test('stdout and stderr reach onHandlerOutput line by line with the function name', async () => {
    const source = `exports.handler = async () => {
      console.log('first line\\nsecond line');
      console.error('to stderr');
      process.stdout.write('partial ');
      process.stdout.write('line\\n');
      return 1;
    };`;
    const fn = nodeFunction('talker', { 'index.js': source });
    const lines: string[] = [];
    const runtime = startRuntime(fn, { onHandlerOutput: (name, line) => lines.push(`${name}|${line}`) });

    await runtime.invoke(fn.arn, {});
    await eventually(() => lines.length === 4);

    expect(lines.sort()).toEqual(['talker|first line', 'talker|partial line', 'talker|second line', 'talker|to stderr']);
  });

  test('without onHandlerOutput, handler output goes to stderr prefixed with the function name', async () => {
    const written: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const fn = nodeFunction('quiet', { 'index.js': 'exports.handler = async () => { console.log("hello"); };' });
    const runtime = startRuntime(fn);

    await runtime.invoke(fn.arn, {});
    await eventually(() => written.length > 0);

    expect(written).toContain('[quiet] hello\n');
  });

  test('a last line without a newline is delivered when the worker ends', async () => {
    const fn = nodeFunction('unterminated', { 'index.js': 'exports.handler = async () => { process.stdout.write("no newline"); return 1; };' });
    const lines: string[] = [];
    const runtime = startRuntime(fn, { onHandlerOutput: (_name, line) => lines.push(line) });
    await runtime.invoke(fn.arn, {});

    await runtime.close();
    await eventually(() => lines.length === 1);

    expect(lines).toEqual(['no newline']);
  });
});
