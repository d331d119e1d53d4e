import { LineSplitter, MAX_LINE_CHARS } from '../../src/lambda/output-lines';
import { createOutputRing, OUTPUT_RING_BYTES, OutputRingReader, OutputRingWriter } from '../../src/lambda/output-ring';

/**
 * Until the reader has what was written: its wait is woken by the writer's notify, as a task of the event loop. The
 * writer must not find the ring full here, where it shares the reader's thread.
 */
async function drained(received: readonly number[], length: number): Promise<void> {
  while (received.length < length) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('output ring', () => {
  test('delivers writes in order across the end of the ring', async () => {
    const ring = createOutputRing();
    const received: number[] = [];
    const reader = new OutputRingReader(ring, (bytes) => bytes.forEach((byte) => received.push(byte)));
    const writer = new OutputRingWriter(ring);
    const chunk = (fill: number) => new Uint8Array(OUTPUT_RING_BYTES * 0.75).fill(fill);

    writer.write(chunk(1));
    await drained(received, OUTPUT_RING_BYTES * 0.75);
    writer.write(chunk(2));
    await drained(received, OUTPUT_RING_BYTES * 1.5);
    reader.close();

    expect(received).toHaveLength(OUTPUT_RING_BYTES * 1.5);
    expect(received[OUTPUT_RING_BYTES * 0.75 - 1]).toBe(1);
    expect(received[OUTPUT_RING_BYTES * 0.75]).toBe(2);
    expect(received[received.length - 1]).toBe(2);
  });

  test('close delivers what was written after the last wake-up', () => {
    const ring = createOutputRing();
    const received: number[] = [];
    const reader = new OutputRingReader(ring, (bytes) => bytes.forEach((byte) => received.push(byte)));

    new OutputRingWriter(ring).write(Uint8Array.of(7, 8, 9));
    reader.close();

    expect(received).toEqual([7, 8, 9]);
  });
});

describe('line splitter', () => {
  test('joins a character split across chunks and strips \\r\\n', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const bytes = Buffer.from('héllo\r\nwörld');

    splitter.push(bytes.subarray(0, 2));
    splitter.push(bytes.subarray(2));
    splitter.end();

    expect(lines).toEqual(['héllo', 'wörld']);
  });

  test('cuts a line that passes the bound into pieces of the bound', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));

    splitter.push(Buffer.from('z'.repeat(MAX_LINE_CHARS + 10)));
    splitter.end();

    expect(lines.map((line) => line.length)).toEqual([MAX_LINE_CHARS, 10]);
  });
});
