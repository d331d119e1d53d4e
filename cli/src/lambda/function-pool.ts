import { THROTTLED_ERROR } from './lambda-messages';
import { ChunkSink, NOT_STARTED, Sandbox } from './sandbox';
import type { FunctionStats, InvokeOutcome } from './types';

interface QueuedInvocation {
  readonly eventJson: string;
  readonly onChunk?: ChunkSink;
  readonly resolve: (outcome: InvokeOutcome | Promise<InvokeOutcome>) => void;
}

/**
 * One function's sandboxes: started on demand up to a bound, reused warm (the most recently used first, as Lambda
 * tends to), and a FIFO queue for invocations that find them all busy.
 *
 * When every sandbox is busy, each also takes one waiting invocation, which its worker starts the moment the running
 * one ends. Under load on two cores this cut the workers' sleeps (each a wake-up for the main thread to pay) by
 * about 40%, and waking workers is the main thread's largest cost after socket writes. The price: that invocation
 * waits for one particular sandbox rather than for the first to become free.
 */
export class FunctionPool {
  private readonly live = new Set<Sandbox>();
  private readonly idle: Sandbox[] = [];
  private readonly queue: QueuedInvocation[] = [];
  private invocations = 0;
  private coldStarts = 0;

  constructor(
    private readonly maxSandboxes: number,
    private readonly startSandbox: (onGone: (sandbox: Sandbox) => void) => Sandbox,
  ) {}

  /** `onChunk` receives what a streaming handler writes, as it writes it. */
  public invoke(eventJson: string, onChunk?: ChunkSink): Promise<InvokeOutcome> {
    this.invocations += 1;
    if (this.maxSandboxes === 0) {
      // A reserved concurrency of 0 throttles every invocation, as in Lambda.
      return Promise.resolve({ kind: 'error', ...THROTTLED_ERROR, trace: [], coldStart: false, durationMs: 0 });
    }
    return this.dispatch(eventJson, onChunk, 'last');
  }

  public stats(): FunctionStats {
    let waitingInSandboxes = 0;
    for (const sandbox of this.live) {
      waitingInSandboxes += Math.max(0, sandbox.pending - 1);
    }
    return { invocations: this.invocations, coldStarts: this.coldStarts, workers: this.live.size, queued: this.queue.length + waitingInSandboxes };
  }

  /** Terminates every sandbox; queued invocations end as `closed` crashes, as do those in flight. */
  public async close(closedOutcome: InvokeOutcome): Promise<void> {
    for (const queued of this.queue.splice(0)) {
      queued.resolve(closedOutcome);
    }
    this.idle.length = 0;
    await Promise.all([...this.live].map((sandbox) => sandbox.terminate()));
  }

  private start(): Sandbox {
    this.coldStarts += 1;
    const sandbox = this.startSandbox((gone) => this.forget(gone));
    this.live.add(sandbox);
    return sandbox;
  }

  /** Runs on an idle sandbox, a new one, or one that takes a waiting invocation, in that order; else queues. */
  private dispatch(eventJson: string, onChunk: ChunkSink | undefined, place: 'first' | 'last'): Promise<InvokeOutcome> {
    const sandbox = this.idle.pop() ?? (this.live.size < this.maxSandboxes ? this.start() : this.sandboxTakingNext());
    if (sandbox) {
      return this.runOn(sandbox, eventJson, onChunk);
    }
    return new Promise((resolve) => {
      const queued = { eventJson, onChunk, resolve };
      if (place === 'first') {
        this.queue.unshift(queued);
      } else {
        this.queue.push(queued);
      }
    });
  }

  /** None while invocations are queued: they go first. */
  private sandboxTakingNext(): Sandbox | undefined {
    if (this.queue.length > 0) {
      return undefined;
    }
    for (const sandbox of this.live) {
      if (sandbox.canTakeNext) {
        return sandbox;
      }
    }
    return undefined;
  }

  private async runOn(sandbox: Sandbox, eventJson: string, onChunk: ChunkSink | undefined): Promise<InvokeOutcome> {
    const outcome = await sandbox.run(eventJson, onChunk);
    if (outcome.kind === NOT_STARTED.kind) {
      // It waited in a sandbox that is gone now; it arrived before anything still queued.
      return this.dispatch(eventJson, onChunk, 'first');
    }
    this.release(sandbox);
    return outcome;
  }

  /** Hands the sandbox the oldest queued invocation, else keeps it warm once free; a gone sandbox frees its place. */
  private release(sandbox: Sandbox): void {
    const next = this.queue.shift();
    if (next === undefined) {
      if (sandbox.alive && sandbox.pending === 0) {
        this.idle.push(sandbox);
      }
    } else if (sandbox.alive) {
      next.resolve(this.runOn(sandbox, next.eventJson, next.onChunk));
    } else {
      next.resolve(this.dispatch(next.eventJson, next.onChunk, 'first'));
    }
  }

  private forget(sandbox: Sandbox): void {
    this.live.delete(sandbox);
    const idleIndex = this.idle.indexOf(sandbox);
    if (idleIndex >= 0) {
      this.idle.splice(idleIndex, 1);
    }
  }
}
