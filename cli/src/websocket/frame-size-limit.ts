import type { Duplex } from 'node:stream';

/** The longest frame header (RFC 6455 §5.2): 2 bytes, a 64-bit extended length and a 4-byte masking key. */
const MAX_HEADER_BYTES = 14;

/**
 * Reads the frame headers of a client's byte stream (RFC 6455 §5.2), however it is split into chunks, and skips the
 * payloads without copying them: it only tells when a frame announces a payload longer than `maxPayloadBytes`, after
 * which it reads nothing more. The WebSocket library still parses the frames itself; this reader only measures them,
 * since the library reports whole messages.
 */
export class FrameSizeReader {
  private readonly header = Buffer.alloc(MAX_HEADER_BYTES);
  private headerBytes = 0;
  private payloadToSkip = 0;
  private stopped = false;

  constructor(private readonly maxPayloadBytes: number, private readonly onOversize: (payloadBytes: number) => void) {}

  /** Reads the next bytes the client sent. */
  public push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length && !this.stopped) {
      if (this.payloadToSkip > 0) {
        const skipped = Math.min(this.payloadToSkip, chunk.length - at);
        this.payloadToSkip -= skipped;
        at += skipped;
        continue;
      }
      const wanted = this.headerBytes < 2 ? 2 : headerLength(this.header);
      const copied = chunk.copy(this.header, this.headerBytes, at, Math.min(chunk.length, at + wanted - this.headerBytes));
      this.headerBytes += copied;
      at += copied;
      if (this.headerBytes >= 2 && this.headerBytes === headerLength(this.header)) {
        this.endHeader();
      }
    }
  }

  private endHeader(): void {
    const payloadBytes = payloadLength(this.header);
    this.headerBytes = 0;
    if (payloadBytes > this.maxPayloadBytes) {
      this.stopped = true;
      this.onOversize(payloadBytes);
      return;
    }
    this.payloadToSkip = payloadBytes;
  }
}

/**
 * Measures every frame a client sends on `socket` (an upgraded connection) and calls `onOversize` once, for the first
 * frame whose payload passes `maxPayloadBytes`. Its listener runs before the WebSocket library's, so that the
 * connection can be closed before the library delivers that frame's message.
 */
export function limitFrameSize(socket: Duplex, maxPayloadBytes: number, onOversize: (payloadBytes: number) => void): void {
  const onData = (chunk: Buffer) => reader.push(chunk);
  const reader = new FrameSizeReader(maxPayloadBytes, (payloadBytes) => {
    socket.off('data', onData);
    onOversize(payloadBytes);
  });
  socket.prependListener('data', onData);
}

/** The header's length, once its first two bytes are known: they tell the length field's size and whether a mask follows. */
function headerLength(header: Buffer): number {
  const lengthField = header[1] % 0x80;
  const extended = lengthField === 126 ? 2 : lengthField === 127 ? 8 : 0;
  // The second byte's high bit says whether the payload is masked.
  const mask = header[1] >= 0x80 ? 4 : 0;
  return 2 + extended + mask;
}

/** The payload length a complete header announces (a 64-bit length beyond 2^53 reads as infinite). */
function payloadLength(header: Buffer): number {
  const lengthField = header[1] % 0x80;
  if (lengthField === 126) return header.readUInt16BE(2);
  if (lengthField === 127) {
    const length = header.readBigUInt64BE(2);
    return length > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(length);
  }
  return lengthField;
}
