import * as os from 'node:os';
import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';
import { SANDBOX_NICE_INCREMENT } from '../../src/lambda/worker/scheduling-priority';

/** The nice value of the thread running the handler. */
const OWN_THREAD_NICE = `
const fs = require('fs');
const os = require('os');
exports.handler = async () => os.getPriority(Number(fs.readlinkSync('/proc/thread-self').split('/').pop()));
`;

const onLinux = process.platform === 'linux' ? test : test.skip;

describe('sandbox scheduling priority', () => {
  afterEach(closeRuntimes);

  onLinux('a sandbox thread runs at a lower priority than the main thread', async () => {
    const fn = nodeFunction('nice', { 'index.js': OWN_THREAD_NICE });
    const runtime = startRuntime(fn);

    const sandboxNice = payloadOf(await runtime.invoke(fn.arn, {}));

    expect(sandboxNice).toBe(Math.min(19, os.getPriority() + SANDBOX_NICE_INCREMENT));
  });

  onLinux('the main thread keeps its priority', async () => {
    const before = os.getPriority();
    const fn = nodeFunction('nice', { 'index.js': OWN_THREAD_NICE });
    const runtime = startRuntime(fn);

    await runtime.invoke(fn.arn, {});

    expect(os.getPriority()).toBe(before);
  });
});
