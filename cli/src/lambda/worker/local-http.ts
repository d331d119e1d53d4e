import { STATUS_CODES } from 'node:http';
import { Readable, Writable } from 'node:stream';
import type { OutboundResponse } from '../types';

/**
 * What the callback of `http(s).request` receives for a locally answered URL: a readable body with the fields of an
 * `http.IncomingMessage` that HTTP clients read (statusCode, statusMessage, headers, rawHeaders, httpVersion).
 */
export class LocalIncomingMessage extends Readable {
  public readonly statusCode: number;
  public readonly statusMessage: string;
  /** Lower-case names, as Node gives them. */
  public readonly headers: Record<string, string>;
  public readonly rawHeaders: string[];
  public readonly httpVersion = '1.1';
  public readonly httpVersionMajor = 1;
  public readonly httpVersionMinor = 1;
  public complete = false;
  private readonly body: Buffer;

  constructor(response: OutboundResponse) {
    super();
    this.statusCode = response.statusCode;
    this.statusMessage = STATUS_CODES[response.statusCode] ?? '';
    this.headers = {};
    this.rawHeaders = [];
    for (const [name, value] of Object.entries(response.headers)) {
      this.headers[name.toLowerCase()] = value;
      this.rawHeaders.push(name, value);
    }
    this.body = Buffer.from(response.body);
    if (this.headers['content-length'] === undefined) {
      this.headers['content-length'] = String(this.body.length);
    }
  }

  public override _read(): void {
    if (this.body.length > 0) {
      this.push(this.body);
    }
    this.complete = true;
    this.push(null);
  }
}

/**
 * What `http(s).request` returns for a locally answered URL: a writable request whose `end()` delivers the response
 * on the next tick, through the callback and the 'response' event. The request body is discarded.
 */
export class LocalClientRequest extends Writable {
  private readonly outgoingHeaders = new Map<string, unknown>();
  private aborted = false;

  constructor(response: OutboundResponse, onResponse?: (response: LocalIncomingMessage) => void) {
    // autoDestroy off: a request that finished is not destroyed, so `destroyed` means the caller gave up on it.
    super({ autoDestroy: false });
    if (onResponse) {
      this.once('response', onResponse);
    }
    this.once('finish', () => process.nextTick(() => {
      if (!this.aborted && !this.destroyed) {
        this.emit('response', new LocalIncomingMessage(response));
      }
    }));
  }

  public override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  public setHeader(name: string, value: unknown): this {
    this.outgoingHeaders.set(name.toLowerCase(), value);
    return this;
  }

  public getHeader(name: string): unknown {
    return this.outgoingHeaders.get(name.toLowerCase());
  }

  public removeHeader(name: string): void {
    this.outgoingHeaders.delete(name.toLowerCase());
  }

  /** There is no socket to time out; the response is already there. */
  public setTimeout(): this {
    return this;
  }

  public setNoDelay(): void {}

  public setSocketKeepAlive(): void {}

  public flushHeaders(): void {}

  public abort(): void {
    this.aborted = true;
    this.destroy();
  }
}
