import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FunctionModel } from '../model';
import { INIT_PHASE_LIMIT_MS, RUNTIME_CLOSED_MESSAGE, runtimeExit, timedOutMessage } from './lambda-messages';
import { LineSplitter } from './output-lines';
import { createOutputRing, OutputRingReader } from './output-ring';
import { invocationRequest, SandboxSpec, WorkerMessage } from './protocol';
import { logGroupNameOf, logStreamNameFor, sandboxEnvironment } from './sandbox-environment';
import type { InvokeOutcome, OutboundResponse, SandboxExtras } from './types';
import { sandboxWorkerFile } from './worker-location';

/** A function the runtime can run: Node.js, with its code on disk. */
export type RunnableFunction = FunctionModel & { readonly codeDir: string };

export interface SandboxSettings {
  readonly fn: RunnableFunction;
  readonly region: string;
  readonly outboundResponses: ReadonlyArray<readonly [string, OutboundResponse]>;
  readonly outboundOrigins: ReadonlyArray<readonly [string, string]>;
  /** Variables set over everything else in the function's environment. */
  readonly extraEnvironment?: Readonly<Record<string, string>>;
  readonly extras: SandboxExtras;
  readonly onOutput: (line: string) => void;
  /** Called once when the sandbox is gone, whether it crashed, timed out, failed to initialize or was terminated. */
  readonly onGone: (sandbox: Sandbox) => void;
}

/** Receives the bytes a streaming handler writes, as it writes them. */
export type ChunkSink = (bytes: Uint8Array) => void;

interface Invocation {
  readonly requestId: string;
  readonly eventJson: string;
  readonly onChunk?: ChunkSink;
  readonly coldStart: boolean;
  /** When the worker started it: set when it becomes the running one. */
  startedAt: number;
  readonly resolve: (outcome: SandboxOutcome) => void;
}

/** What `run` resolves to for an invocation that was waiting in a sandbox that is gone before it started. */
export const NOT_STARTED = { kind: 'not-started' } as const;

export type SandboxOutcome = InvokeOutcome | typeof NOT_STARTED;

type OutcomeBody =
  | { readonly kind: 'result'; readonly payload: unknown }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string; readonly trace: readonly string[] }
  | { readonly kind: 'timeout'; readonly errorMessage: string }
  | { readonly kind: 'crash'; readonly errorType?: string; readonly errorMessage: string };

/**
 * One Lambda execution environment: a worker thread that loads the handler once and runs one invocation at a time.
 * It may hold one more, handed over while the current one runs, which the worker starts when the current one ends.
 * It is gone after a timeout (terminated, as Lambda resets the sandbox), an init error, or a crash; an invocation that
 * was waiting in it then resolves to `NOT_STARTED`, for the pool to run elsewhere.
 */
export class Sandbox {
  private readonly worker: Worker;
  private readonly timeoutMs: number;
  private state: 'initializing' | 'ready' | 'gone' = 'initializing';
  /** The first runs in the worker, the others wait in the worker's queue. */
  private readonly invocations: Invocation[] = [];
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private outOfMemory = false;
  /** Set when the server ends the worker (timeout, failed INIT, close): an exit then is no crash to report. */
  private terminating = false;
  private readonly output: ReadonlyArray<{ readonly reader: OutputRingReader; readonly lines: LineSplitter }>;
  /** Bound once: a timer per invocation should not also allocate a closure per invocation. */
  private readonly onTimeout: () => void;

  constructor(private readonly settings: SandboxSettings) {
    const fn = settings.fn;
    this.timeoutMs = fn.timeoutSeconds * 1000;
    this.onTimeout = () => this.retire({ kind: 'timeout', errorMessage: timedOutMessage(fn.timeoutSeconds) });
    const logStreamName = logStreamNameFor(randomBytes(16).toString('hex'), new Date());
    const spec: SandboxSpec = {
      codeDir: fn.codeDir,
      handler: fn.handler,
      runtime: fn.runtime,
      functionName: fn.functionName,
      functionArn: fn.arn,
      memorySizeMb: fn.memorySizeMb,
      logGroupName: logGroupNameOf(fn),
      logStreamName,
      timeoutMs: this.timeoutMs,
      outboundResponses: settings.outboundResponses,
      outboundOrigins: [...settings.outboundOrigins, ...settings.extras.origins],
      stdoutRing: createOutputRing(),
      stderrRing: createOutputRing(),
    };
    this.output = [spec.stdoutRing, spec.stderrRing].map((ring) => {
      const lines = new LineSplitter(settings.onOutput);
      return { reader: new OutputRingReader(ring, (bytes) => lines.push(bytes)), lines };
    });
    this.worker = new Worker(sandboxWorkerFile(), {
      workerData: spec,
      env: {
        ...sandboxEnvironment(fn, { region: settings.region, codeDir: fn.codeDir, logGroupName: spec.logGroupName, logStreamName },
          process.env, settings.extras.environment),
        ...settings.extraEnvironment,
      },
      // Lambda's bootstrap gives V8 an old space of the memory size less a tenth (the tenth goes to the new space).
      resourceLimits: { maxOldGenerationSizeMb: fn.memorySizeMb - Math.floor(fn.memorySizeMb / 10) },
    });
    this.worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!this.outOfMemory) {
        // The worker itself failed (its entry could not load): say why where handler output goes.
        `Sandbox worker error: ${error.stack ?? String(error)}`.split('\n').forEach((line) => settings.onOutput(line));
      }
    });
    this.worker.on('exit', (exitCode) => this.onExit(exitCode));
  }

  /** False once the sandbox is gone; a gone sandbox takes no more invocations. */
  public get alive(): boolean {
    return this.state !== 'gone';
  }

  /** The invocations running or waiting in this sandbox. */
  public get pending(): number {
    return this.invocations.length;
  }

  /** Whether it is initialized and running exactly one invocation, so that one handed over now starts right after it. */
  public get canTakeNext(): boolean {
    return this.state === 'ready' && this.invocations.length === 1;
  }

  /** Runs an invocation after those already running or waiting in this sandbox. */
  public run(eventJson: string, onChunk?: ChunkSink): Promise<SandboxOutcome> {
    return new Promise((resolve) => {
      const invocation = { requestId: randomUUID(), eventJson, onChunk, coldStart: this.started === 0, startedAt: performance.now(), resolve };
      this.invocations.push(invocation);
      this.started += 1;
      const first = this.invocations.length === 1;
      if (this.state === 'ready') {
        this.post(invocation);
        if (first) {
          this.timer = setTimeout(this.onTimeout, this.timeoutMs);
        }
      } else if (first) {
        this.timer = setTimeout(this.onTimeout, INIT_PHASE_LIMIT_MS + this.timeoutMs);
      }
    });
  }

  /** Ends the worker; every invocation running or waiting in it ends as a crash. */
  public async terminate(): Promise<void> {
    if (this.state !== 'gone') {
      for (const waiting of this.invocations.splice(1)) {
        waiting.resolve({ kind: 'crash', errorMessage: RUNTIME_CLOSED_MESSAGE, coldStart: waiting.coldStart, durationMs: 0 });
      }
      this.retire({ kind: 'crash', errorMessage: RUNTIME_CLOSED_MESSAGE });
    }
    this.terminating = true;
    await this.worker.terminate();
  }

  private post(invocation: Invocation): void {
    this.worker.postMessage(invocationRequest(invocation.requestId, invocation.eventJson));
  }

  private onMessage(message: WorkerMessage): void {
    if (typeof message === 'string') {
      this.finish({ kind: 'result', payload: JSON.parse(message) });
      return;
    }
    switch (message.kind) {
      case 'chunk':
        this.invocations[0]?.onChunk?.(message.bytes);
        return;
      case 'ready':
        this.state = 'ready';
        if (this.invocations.length > 0) {
          clearTimeout(this.timer);
          this.invocations[0].startedAt = performance.now();
          this.timer = setTimeout(this.onTimeout, this.timeoutMs);
          this.invocations.forEach((invocation) => this.post(invocation));
        }
        return;
      case 'init-error':
        // Lambda resets a sandbox whose INIT failed; the next invocation initializes a new one.
        this.retire({ kind: 'error', errorType: message.errorType, errorMessage: message.errorMessage, trace: message.trace });
        return;
      case 'error':
        this.finish({ kind: 'error', errorType: message.errorType, errorMessage: message.errorMessage, trace: message.trace });
        return;
    }
  }

  /**
   * Delivers the last of the output, then, for an exit the server did not ask for, logs it as Lambda does (the error,
   * then its type) and ends the invocation running, if any, with it.
   */
  private onExit(exitCode: number): void {
    for (const { reader, lines } of this.output) {
      reader.close();
      lines.end();
    }
    if (this.terminating) {
      return;
    }
    const exit = runtimeExit(exitCode, this.outOfMemory, this.invocations[0]?.requestId);
    this.settings.onOutput(exit.errorMessage);
    this.settings.onOutput(exit.errorType);
    this.end({ kind: 'crash', ...exit });
    this.settings.onGone(this);
  }

  /** Resolves the running invocation; the next waiting one, which the worker starts now, gets the function timeout. */
  private finish(body: OutcomeBody): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const running = this.invocations.shift();
    if (running === undefined) {
      return;
    }
    const next = this.invocations[0];
    if (next !== undefined && this.state === 'ready') {
      next.startedAt = performance.now();
      this.timer = setTimeout(this.onTimeout, this.timeoutMs);
    }
    running.resolve({ ...body, coldStart: running.coldStart, durationMs: performance.now() - running.startedAt });
  }

  /** Ends the invocation running with `body`, terminates the worker, and tells the pool. */
  private retire(body: OutcomeBody): void {
    this.end(body);
    this.terminating = true;
    void this.worker.terminate();
    this.settings.onGone(this);
  }

  /**
   * Marks the sandbox gone. The invocations waiting in it never started: they resolve to `NOT_STARTED` before the
   * running one resolves, so that the pool runs them ahead of those it still queues, which arrived after them.
   */
  private end(body: OutcomeBody): void {
    this.state = 'gone';
    for (const waiting of this.invocations.splice(1)) {
      waiting.resolve(NOT_STARTED);
    }
    this.finish(body);
  }
}
