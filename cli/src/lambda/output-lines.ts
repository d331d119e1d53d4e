import type { Readable } from 'node:stream';

/** Delivers what a stream carries line by line, the last unterminated line when it ends. */
export function forwardLines(stream: Readable, deliver: (line: string) => void): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      deliver(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
  });
  stream.on('end', () => {
    if (partial !== '') {
      deliver(partial);
      partial = '';
    }
  });
}
