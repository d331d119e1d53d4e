import { OutputRingWriter } from '../output-ring';

/**
 * Sends what the handler writes to `process.stdout` and `process.stderr` (console.log and console.error included)
 * into the sandbox's shared output rings, written before the write returns; see `OutputRingWriter`.
 */
export function captureOutput(stdout: SharedArrayBuffer, stderr: SharedArrayBuffer): void {
  redirect(process.stdout, new OutputRingWriter(stdout));
  redirect(process.stderr, new OutputRingWriter(stderr));
}

function redirect(stream: NodeJS.WriteStream, ring: OutputRingWriter): void {
  const write = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const done = typeof encoding === 'function' ? encoding : callback;
    const bytes = typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? encoding as BufferEncoding : 'utf8')
      : chunk as Uint8Array;
    ring.write(bytes);
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  };
  stream.write = write as NodeJS.WriteStream['write'];
}
