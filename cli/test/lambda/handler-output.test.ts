import { closeRuntimes, eventually, nodeFunction, startRuntime } from './fixtures';

describe('handler output', () => {
  afterEach(async () => {
    await closeRuntimes();
    jest.restoreAllMocks();
  });

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

describe('heavy handler output', () => {
  afterEach(closeRuntimes);

  test('100,000 lines from a 128 MB function all arrive, in order, and the function answers', async () => {
    // Each line waits in shared memory of bounded size, not in the function's heap: the handler slows down to the
    // speed the server reads at, as a process writing to a pipe does, rather than running out of memory.
    const source = 'exports.handler = async () => { for (let i = 0; i < 100000; i++) console.log(`line ${i} ${"x".repeat(100)}`); return "done"; };';
    // Printing the lines takes ≈ 1 s on an idle machine and several on a loaded one: the Lambda timeout is not what
    // this test is about, so it is set far from that (the default 3 s timed the function out in a loaded build).
    const fn = nodeFunction('chatty', { 'index.js': source }, { memorySizeMb: 128, timeoutSeconds: 15 });
    const lines: string[] = [];
    const runtime = startRuntime(fn, { onHandlerOutput: (_name, line) => lines.push(line) });

    const outcome = await runtime.invoke(fn.arn, {});
    await runtime.close();

    expect(outcome).toMatchObject({ kind: 'result', payload: 'done' });
    expect(lines).toHaveLength(100_000);
    expect(lines[99_999]).toBe(`line 99999 ${'x'.repeat(100)}`);
    expect(lines.every((line, i) => line.startsWith(`line ${i} `))).toBe(true);
  }, 20_000);

  test('a line longer than 256 KiB is delivered in pieces', async () => {
    const fn = nodeFunction('wide', { 'index.js': 'exports.handler = async () => { process.stdout.write("y".repeat(600 * 1024)); return 1; };' });
    const lines: string[] = [];
    const runtime = startRuntime(fn, { onHandlerOutput: (_name, line) => lines.push(line) });

    await runtime.invoke(fn.arn, {});
    await runtime.close();

    expect(lines.map((line) => line.length)).toEqual([256 * 1024, 256 * 1024, 88 * 1024]);
  });
});
