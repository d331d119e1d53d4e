import { THROTTLED_ERROR } from './lambda-messages';
import type { Sandbox } from './sandbox';
import type { FunctionStats, InvokeOutcome } from './types';

interface QueuedInvocation {
  readonly eventJson: string;
  readonly resolve: (outcome: InvokeOutcome | Promise<InvokeOutcome>) => void;
}

/**
 * One function's sandboxes: started on demand up to a bound, reused warm (the most recently used first, as Lambda
 * tends to), and a FIFO queue for invocations that find them all busy.
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

  public invoke(eventJson: string): Promise<InvokeOutcome> {
    this.invocations += 1;
    if (this.maxSandboxes === 0) {
      // A reserved concurrency of 0 throttles every invocation, as in Lambda.
      return Promise.resolve({ kind: 'error', ...THROTTLED_ERROR, trace: [], coldStart: false, durationMs: 0 });
    }
    const sandbox = this.idle.pop() ?? (this.live.size < this.maxSandboxes ? this.start() : undefined);
    if (sandbox) {
      return this.runOn(sandbox, eventJson);
    }
    return new Promise((resolve) => this.queue.push({ eventJson, resolve }));
  }

  public stats(): FunctionStats {
    return { invocations: this.invocations, coldStarts: this.coldStarts, workers: this.live.size, queued: this.queue.length };
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

  private async runOn(sandbox: Sandbox, eventJson: string): Promise<InvokeOutcome> {
    const outcome = await sandbox.run(eventJson);
    this.release(sandbox);
    return outcome;
  }

  /** Hands the sandbox (or, when it is gone, a new one) to the oldest queued invocation, else keeps it warm. */
  private release(sandbox: Sandbox): void {
    const next = this.queue.shift();
    if (next === undefined) {
      if (sandbox.alive) {
        this.idle.push(sandbox);
      }
      return;
    }
    next.resolve(this.runOn(sandbox.alive ? sandbox : this.start(), next.eventJson));
  }

  private forget(sandbox: Sandbox): void {
    this.live.delete(sandbox);
    const idleIndex = this.idle.indexOf(sandbox);
    if (idleIndex >= 0) {
      this.idle.splice(idleIndex, 1);
    }
  }
}
