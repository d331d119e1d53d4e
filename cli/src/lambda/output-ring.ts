/**
 * A byte ring in shared memory that carries what one sandbox writes to stdout or stderr to the main thread.
 *
 * Node's own stdio of a worker thread keeps every write in the worker's heap until the main thread acknowledges the
 * previous batch: a handler that logs in a loop holds all of it, within the function's memory size, and an
 * out-of-memory end loses it (measured: 100,000 lines from a 128 MB function delivered one). The ring is bounded
 * instead: a write copies its bytes into shared memory at once, so that they outlive the worker, and a writer that
 * finds the ring full waits for the main thread to drain it, as a process writing to a full pipe does.
 */

/** Bytes of one ring. */
export const OUTPUT_RING_BYTES = 256 * 1024;

const WRITTEN = 0;
const READ = 1;
const HEADER_BYTES = 2 * Int32Array.BYTES_PER_ELEMENT;
/** A writer waiting for room looks again this often, so that a terminated worker is not left waiting. */
const WAIT_SLICE_MS = 100;

/** `Atomics.waitAsync` (ES2024), which Node has had since 16 and the compiler's ES2022 library does not declare. */
interface AtomicsWaitAsync {
  waitAsync(array: Int32Array, index: number, value: number): { readonly async: false } | { readonly async: true; readonly value: Promise<unknown> };
}

/** The shared memory of a new ring, to hand to the worker in its `workerData`. */
export function createOutputRing(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + OUTPUT_RING_BYTES);
}

/**
 * The ring's two counters: bytes written and bytes read so far, each modulo twice the ring's size, so that a full ring
 * (a difference of its size) differs from an empty one (no difference), and each, modulo the size, is a position.
 */
class Ring {
  protected readonly counters: Int32Array;
  protected readonly data: Uint8Array;
  private readonly span: number;

  constructor(buffer: SharedArrayBuffer) {
    this.counters = new Int32Array(buffer, 0, 2);
    this.data = new Uint8Array(buffer, HEADER_BYTES);
    this.span = 2 * this.data.length;
  }

  /** The bytes written and not yet read. */
  protected held(written: number, read: number): number {
    return (written - read + this.span) % this.span;
  }

  protected advance(counter: number, bytes: number): number {
    return (counter + bytes) % this.span;
  }
}

/** The worker's end: each write lands in shared memory before it returns. */
export class OutputRingWriter extends Ring {
  public write(bytes: Uint8Array): void {
    let offset = 0;
    while (offset < bytes.length) {
      const written = Atomics.load(this.counters, WRITTEN);
      const read = Atomics.load(this.counters, READ);
      const free = this.data.length - this.held(written, read);
      if (free === 0) {
        Atomics.wait(this.counters, READ, read, WAIT_SLICE_MS);
        continue;
      }
      const at = written % this.data.length;
      const length = Math.min(free, bytes.length - offset, this.data.length - at);
      this.data.set(bytes.subarray(offset, offset + length), at);
      Atomics.store(this.counters, WRITTEN, this.advance(written, length));
      Atomics.notify(this.counters, WRITTEN);
      offset += length;
    }
  }
}

/** The main thread's end: delivers the bytes as they are written, without blocking the main thread. */
export class OutputRingReader extends Ring {
  private read = 0;
  private closed = false;

  constructor(buffer: SharedArrayBuffer, private readonly deliver: (bytes: Uint8Array) => void) {
    super(buffer);
    this.listen();
  }

  /** Delivers what is left and stops listening: the worker is gone, and what it wrote last is not lost. */
  public close(): void {
    this.drain();
    this.closed = true;
    // Wakes the pending wait, which would otherwise hold the ring until the process ends.
    Atomics.notify(this.counters, WRITTEN);
  }

  private listen(): void {
    while (!this.closed) {
      this.drain();
      const waiting = (Atomics as unknown as AtomicsWaitAsync).waitAsync(this.counters, WRITTEN, this.read);
      if (waiting.async) {
        void waiting.value.then(() => this.listen());
        return;
      }
    }
  }

  private drain(): void {
    const written = Atomics.load(this.counters, WRITTEN);
    if (written === this.read) return;
    const from = this.read % this.data.length;
    const to = from + this.held(written, this.read);
    this.deliver(to <= this.data.length
      ? this.data.slice(from, to)
      : concat(this.data.subarray(from), this.data.subarray(0, to - this.data.length)));
    this.read = written;
    Atomics.store(this.counters, READ, written);
    Atomics.notify(this.counters, READ);
  }
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}
