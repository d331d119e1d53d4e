import { FrameSizeReader } from '../../src/websocket/frame-size-limit';

const LIMIT = 32 * 1024;

/** A client's frame (masked, as RFC 6455 requires of clients) with a payload of `length` bytes. */
function frame(length: number, options: { readonly fin?: boolean; readonly masked?: boolean } = {}): Buffer {
  const first = (options.fin ?? true ? 0x80 : 0) + 0x01;
  const mask = options.masked ?? true ? 0x80 : 0;
  const lengthBytes = length < 126 ? Buffer.from([mask + length])
    : length < 0x10000 ? Buffer.from([mask + 126, Math.floor(length / 256), length % 256])
      : Buffer.concat([Buffer.from([mask + 127]), bigEndian64(length)]);
  return Buffer.concat([Buffer.from([first]), lengthBytes, mask ? Buffer.from([1, 2, 3, 4]) : Buffer.alloc(0), Buffer.alloc(length, 0x61)]);
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}

/** The oversize payloads the reader reports after reading `chunks` in order. */
function oversizeAfter(...chunks: Buffer[]): number[] {
  const reported: number[] = [];
  const reader = new FrameSizeReader(LIMIT, (payloadBytes) => reported.push(payloadBytes));
  chunks.forEach((chunk) => reader.push(chunk));
  return reported;
}

/** `bytes` cut into chunks of `size` bytes, as TCP may deliver them. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

describe('the frame size reader', () => {
  test('frames of up to 32 KB with 7-bit and 16-bit lengths pass', () => {
    expect(oversizeAfter(frame(5), frame(125), frame(126), frame(LIMIT))).toEqual([]);
  });

  test('a frame with a 16-bit length over 32 KB is reported with its length', () => {
    expect(oversizeAfter(frame(5), frame(LIMIT + 1))).toEqual([LIMIT + 1]);
  });

  test('a frame with a 64-bit length is reported with its length', () => {
    expect(oversizeAfter(frame(100 * 1024, { fin: false }))).toEqual([100 * 1024]);
  });

  test('a 64-bit length beyond 2^53 is reported as infinite', () => {
    const length = Buffer.from([0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const header = Buffer.concat([Buffer.from([0x81, 0x80 + 127]), length, Buffer.from([1, 2, 3, 4])]);
    expect(oversizeAfter(header)).toEqual([Number.POSITIVE_INFINITY]);
  });

  test('frames split across chunks, headers included, are measured as whole frames', () => {
    const stream = Buffer.concat([frame(LIMIT, { fin: false }), frame(300, { fin: false }), frame(LIMIT), frame(LIMIT + 10)]);
    expect(oversizeAfter(...chunked(stream, 1))).toEqual([LIMIT + 10]);
    expect(oversizeAfter(...chunked(stream, 3))).toEqual([LIMIT + 10]);
    expect(oversizeAfter(...chunked(stream, 1000))).toEqual([LIMIT + 10]);
  });

  test('several frames in one chunk, unmasked ones and empty payloads included, are each measured', () => {
    const unmasked = { masked: false };
    expect(oversizeAfter(Buffer.concat([frame(0), frame(10, unmasked), frame(0, unmasked), frame(70_000, unmasked)]))).toEqual([70_000]);
  });

  test('after the first oversize frame the reader reads nothing more', () => {
    expect(oversizeAfter(frame(LIMIT + 1), frame(LIMIT + 2))).toEqual([LIMIT + 1]);
  });
});
