import { PassThrough, Readable } from 'node:stream';
import { parseProxyResult } from '../../proxy';

/** The 8 zero bytes that end the prelude of a streamed HTTP integration response. */
const DELIMITER = Buffer.alloc(8);

/** A streamed response whose prelude is read: status and headers known, the body still streaming. */
export type StreamingStart =
  | { readonly kind: 'streaming'; readonly status: number; readonly headers: [string, string][]; readonly body: Readable }
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * Reads the stream up to the prelude delimiter, validates the prelude as a proxy result's metadata (`cookies` becoming
 * `Set-Cookie` headers), and hands on the rest of the stream as the body.
 */
export function readStreamingPrelude(stream: Readable): Promise<StreamingStart> {
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const at = buffered.indexOf(DELIMITER);
      if (at < 0) {
        return;
      }
      stream.off('data', onData).off('end', onEnd).off('error', onEnd);
      stream.pause();
      resolve(startOf(buffered.subarray(0, at).toString('utf8'), buffered.subarray(at + DELIMITER.length), stream));
    };
    const onEnd = () => resolve({ kind: 'malformed', reason: 'the function\'s stream ended without a prelude (use awslambda.HttpResponseStream.from)' });
    stream.on('data', onData).once('end', onEnd).once('error', onEnd);
  });
}

function startOf(preludeText: string, rest: Buffer, stream: Readable): StreamingStart {
  let prelude: unknown;
  try {
    prelude = JSON.parse(preludeText);
  } catch {
    return { kind: 'malformed', reason: 'the prelude before the 8 zero bytes is not JSON' };
  }
  const { cookies, ...metadata } = (typeof prelude === 'object' && prelude !== null ? prelude : { prelude }) as Record<string, unknown>;
  const result = parseProxyResult(metadata, false);
  if (!result.ok) {
    return { kind: 'malformed', reason: `prelude: ${result.reason}` };
  }
  const headers = [...result.headers, ...(Array.isArray(cookies) ? cookies.map((cookie): [string, string] => ['Set-Cookie', String(cookie)]) : [])];
  const body = new PassThrough();
  body.write(rest);
  stream.on('error', (error) => body.destroy(error));
  stream.pipe(body);
  return { kind: 'streaming', status: result.status, headers, body };
}
