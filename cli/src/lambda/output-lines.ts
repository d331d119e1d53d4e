import { StringDecoder } from 'node:string_decoder';

/**
 * A line longer than this is delivered in pieces: output without line breaks must not grow the server's memory
 * without bound.
 */
export const MAX_LINE_CHARS = 256 * 1024;

/** Turns a stream of bytes into lines (without `\n` or `\r\n`); multi-byte characters may be split across chunks. */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly deliver: (line: string) => void) {}

  public push(bytes: Uint8Array): void {
    const lines = (this.partial + this.decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      this.deliver(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    while (this.partial.length > MAX_LINE_CHARS) {
      this.deliver(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }

  /** Delivers the last line, even without a line break. */
  public end(): void {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    if (rest !== '') this.deliver(rest);
  }
}
