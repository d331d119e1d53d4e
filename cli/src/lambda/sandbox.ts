import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { FunctionModel } from '../model';
import { INIT_PHASE_LIMIT_MS, RUNTIME_CLOSED_MESSAGE, runtimeExitedMessage, timedOutMessage } from './lambda-messages';
import { forwardLines } from './output-lines';
import type { InvocationRequest, SandboxSpec, WorkerMessage } from './protocol';
import { logGroupNameOf, logStreamNameFor, sandboxEnvironment } from './sandbox-environment';
import type { InvokeOutcome, OutboundResponse } from './types';
import { sandboxWorkerLocation } from './worker-location';

/** A function the runtime can run: Node.js, with its code on disk. */
export type RunnableFunction = FunctionModel & { readonly codeDir: string };

export interface SandboxSettings {
  readonly fn: RunnableFunction;
  readonly region: string;
  readonly outboundResponses: ReadonlyArray<readonly [string, OutboundResponse]>;
  readonly onOutput: (line: string) => void;
  /** Called once when the sandbox is gone, whether it crashed, timed out, failed to initialize or was terminated. */
  readonly onGone: (sandbox: Sandbox) => void;
}

interface InFlight {
  readonly eventJson: string;
  readonly coldStart: boolean;
  readonly startedAt: number;
  readonly resolve: (outcome: InvokeOutcome) => void;
}

type OutcomeBody =
  | { readonly kind: 'result'; readonly payload: unknown }
  | { readonly kind: 'error'; readonly errorType: string; readonly errorMessage: string; readonly trace: readonly string[] }
  | { readonly kind: 'timeout'; readonly errorMessage: string }
  | { readonly kind: 'crash'; readonly errorMessage: string };

/**
 * One Lambda execution environment: a worker thread that loads the handler once and runs one invocation at a time.
 * It is gone after a timeout (terminated, as Lambda resets the sandbox), an init error, or a crash.
 */
export class Sandbox {
  private readonly worker: Worker;
  private readonly timeoutMs: number;
  private state: 'initializing' | 'ready' | 'gone' = 'initializing';
  private inFlight: InFlight | undefined;
  private timer: NodeJS.Timeout | undefined;
  private invocations = 0;
  private outOfMemory = false;
  /** Bound once: a timer per invocation should not also allocate a closure per invocation. */
  private readonly onTimeout: () => void;

  constructor(private readonly settings: SandboxSettings) {
    const fn = settings.fn;
    this.timeoutMs = fn.timeoutSeconds * 1000;
    this.onTimeout = () => {
      this.finish({ kind: 'timeout', errorMessage: timedOutMessage(fn.timeoutSeconds) });
      this.retire();
    };
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
    };
    const location = sandboxWorkerLocation();
    this.worker = new Worker(location.filename, {
      workerData: spec,
      env: sandboxEnvironment(fn, { region: settings.region, codeDir: fn.codeDir, logGroupName: spec.logGroupName, logStreamName }, process.env),
      execArgv: location.execArgv,
      stdout: true,
      stderr: true,
      // Lambda's bootstrap gives V8 an old space of the memory size less a tenth (the tenth goes to the new space).
      resourceLimits: { maxOldGenerationSizeMb: fn.memorySizeMb - Math.floor(fn.memorySizeMb / 10) },
    });
    forwardLines(this.worker.stdout, settings.onOutput);
    forwardLines(this.worker.stderr, settings.onOutput);
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

  /** Runs one invocation; the caller runs the next only after this one settles. */
  public run(eventJson: string): Promise<InvokeOutcome> {
    return new Promise((resolve) => {
      this.inFlight = { eventJson, coldStart: this.invocations === 0, startedAt: performance.now(), resolve };
      this.invocations += 1;
      if (this.state === 'ready') {
        this.dispatch(eventJson);
      } else {
        this.timer = setTimeout(this.onTimeout, INIT_PHASE_LIMIT_MS + this.timeoutMs);
      }
    });
  }

  /** Ends the worker; an invocation in flight ends as a crash. */
  public async terminate(): Promise<void> {
    if (this.state !== 'gone') {
      this.finish({ kind: 'crash', errorMessage: RUNTIME_CLOSED_MESSAGE });
      this.retire();
    }
    await this.worker.terminate();
  }

  private dispatch(eventJson: string): void {
    this.timer = setTimeout(this.onTimeout, this.timeoutMs);
    const request: InvocationRequest = eventJson;
    this.worker.postMessage(request);
  }

  private onMessage(message: WorkerMessage): void {
    if (typeof message === 'string') {
      this.finish({ kind: 'result', payload: JSON.parse(message) });
      return;
    }
    switch (message.kind) {
      case 'ready':
        this.state = 'ready';
        if (this.inFlight) {
          clearTimeout(this.timer);
          this.dispatch(this.inFlight.eventJson);
        }
        return;
      case 'init-error':
        // Lambda resets a sandbox whose INIT failed; the next invocation initializes a new one.
        this.finish({ kind: 'error', errorType: message.errorType, errorMessage: message.errorMessage, trace: message.trace });
        this.retire();
        return;
      case 'error':
        this.finish({ kind: 'error', errorType: message.errorType, errorMessage: message.errorMessage, trace: message.trace });
        return;
    }
  }

  private onExit(exitCode: number): void {
    if (this.state === 'gone') {
      return;
    }
    this.finish({ kind: 'crash', errorMessage: runtimeExitedMessage(exitCode, this.outOfMemory) });
    this.state = 'gone';
    this.settings.onGone(this);
  }

  private finish(body: OutcomeBody): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const inFlight = this.inFlight;
    if (inFlight === undefined) {
      return;
    }
    this.inFlight = undefined;
    const durationMs = performance.now() - inFlight.startedAt;
    inFlight.resolve({ ...body, coldStart: inFlight.coldStart, durationMs });
  }

  private retire(): void {
    this.state = 'gone';
    void this.worker.terminate();
    this.settings.onGone(this);
  }
}
