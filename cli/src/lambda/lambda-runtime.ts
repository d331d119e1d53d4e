import { PassThrough } from 'node:stream';
import type { FunctionModel } from '../model';
import { FunctionPool } from './function-pool';
import { requestTooLargeError, RUNTIME_CLOSED_MESSAGE, SYNC_PAYLOAD_LIMIT_BYTES } from './lambda-messages';
import { Sandbox } from './sandbox';
import type { RunnableFunction } from './sandbox';
import type { FunctionStats, InvokeOutcome, InvokeStreamingOutcome, LambdaRuntimeOptions, OutboundResponse, SandboxExtras } from './types';

const DEFAULT_MAX_WORKERS_PER_FUNCTION = 4;
const NO_EXTRAS: SandboxExtras = { environment: {}, origins: [] };

/**
 * Runs the app's Node.js Lambda handlers locally, each function in its own bounded pool of worker threads that
 * behave as Lambda sandboxes: warm reuse, counted cold starts, an isolated environment and module state, the
 * function timeout, and replacement after a crash.
 */
export class LambdaRuntime {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly maxWorkersPerFunction: number;
  private readonly outboundResponses: ReadonlyArray<readonly [string, OutboundResponse]>;
  private readonly onHandlerOutput: (functionName: string, line: string) => void;
  private readonly functions: Map<string, FunctionModel>;
  /** The invocations each pool runs or queues, so that a retired pool ends only after them. */
  private readonly inFlight = new Map<FunctionPool, Set<Promise<InvokeOutcome>>>();
  private closed = false;

  constructor(functions: ReadonlyMap<string, FunctionModel>, private readonly options: LambdaRuntimeOptions) {
    this.functions = new Map(functions);
    this.maxWorkersPerFunction = options.maxWorkersPerFunction ?? DEFAULT_MAX_WORKERS_PER_FUNCTION;
    if (!Number.isInteger(this.maxWorkersPerFunction) || this.maxWorkersPerFunction < 1) {
      throw new Error(`maxWorkersPerFunction must be a whole number of at least 1, received ${options.maxWorkersPerFunction}`);
    }
    this.outboundResponses = [...(options.outboundResponses ?? new Map<string, OutboundResponse>())];
    for (const [url] of this.outboundResponses) {
      validateOutboundUrl(url);
    }
    this.onHandlerOutput = options.onHandlerOutput ?? writeToStderr;
  }

  /**
   * Runs the function with that ARN on `event`; queues when all its workers are busy. Rejects only for an unknown ARN
   * or a function without local code (no code dir, or not a `nodejs*` runtime), and, as programming errors, for an
   * event JSON cannot represent or a closed runtime; everything the handler does is an outcome.
   */
  public invoke(functionArn: string, event: unknown): Promise<InvokeOutcome> {
    try {
      const pool = this.poolFor(functionArn);
      const eventJson = JSON.stringify(event) ?? 'null';
      const refused = refusedForSize(eventJson);
      return refused ? Promise.resolve(refused) : this.track(pool, pool.invoke(eventJson));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Runs a function whose handler streams its response (`awslambda.streamifyResponse`): resolves to the stream of the
   * bytes it writes as soon as the first arrive (the stream ends with the invocation, or fails with its error), or to
   * the outcome when the invocation ends before writing anything.
   */
  public invokeStreaming(functionArn: string, event: unknown): Promise<InvokeStreamingOutcome> {
    return new Promise((resolve, reject) => {
      let body: PassThrough | undefined;
      const onChunk = (bytes: Uint8Array) => {
        if (body === undefined) {
          body = new PassThrough();
          resolve({ kind: 'stream', body });
        }
        body.write(bytes);
      };
      let invocation: Promise<InvokeOutcome>;
      try {
        const pool = this.poolFor(functionArn);
        const eventJson = JSON.stringify(event) ?? 'null';
        const refused = refusedForSize(eventJson);
        invocation = refused ? Promise.resolve(refused) : this.track(pool, pool.invoke(eventJson, onChunk));
      } catch (error) {
        reject(error);
        return;
      }
      void invocation.then((outcome) => {
        if (body === undefined) {
          resolve(outcome);
        } else if (outcome.kind === 'result') {
          body.end();
        } else {
          body.destroy(new Error(outcome.errorMessage));
        }
      });
    });
  }

  /** Per function: invocations, cold starts, live workers, queued requests. */
  public stats(functionArn: string): FunctionStats {
    this.functionFor(functionArn);
    return this.pools.get(functionArn)?.stats() ?? { invocations: 0, coldStarts: 0, workers: 0, queued: 0 };
  }

  /**
   * Runs new code for these functions (by ARN) from their next invocation on: the workers of the old code finish what
   * they run or queue and end, and the next invocation starts a worker (a cold start) on the new code. Their stats
   * start again from zero.
   */
  public async replaceFunctions(functions: ReadonlyMap<string, FunctionModel>): Promise<void> {
    const retired: FunctionPool[] = [];
    for (const [arn, fn] of functions) {
      this.functions.set(arn, fn);
      const pool = this.pools.get(arn);
      if (pool) {
        this.pools.delete(arn);
        retired.push(pool);
      }
    }
    const closedOutcome: InvokeOutcome = { kind: 'crash', errorMessage: RUNTIME_CLOSED_MESSAGE, coldStart: false, durationMs: 0 };
    await Promise.all(retired.map(async (pool) => {
      await Promise.allSettled([...this.inFlight.get(pool) ?? []]);
      this.inFlight.delete(pool);
      await pool.close(closedOutcome);
    }));
  }

  /** Terminates every worker. */
  public async close(): Promise<void> {
    this.closed = true;
    const closedOutcome: InvokeOutcome = { kind: 'crash', errorMessage: RUNTIME_CLOSED_MESSAGE, coldStart: false, durationMs: 0 };
    await Promise.all([...this.pools.values()].map((pool) => pool.close(closedOutcome)));
  }

  private track(pool: FunctionPool, invocation: Promise<InvokeOutcome>): Promise<InvokeOutcome> {
    let pending = this.inFlight.get(pool);
    if (!pending) {
      pending = new Set();
      this.inFlight.set(pool, pending);
    }
    pending.add(invocation);
    void invocation.finally(() => pending.delete(invocation));
    return invocation;
  }

  private poolFor(functionArn: string): FunctionPool {
    if (this.closed) {
      throw new Error(`The Lambda runtime is closed; it cannot run '${functionArn}'`);
    }
    const existing = this.pools.get(functionArn);
    if (existing) {
      return existing;
    }
    const fn = runnable(this.functionFor(functionArn));
    const bound = Math.min(this.maxWorkersPerFunction, fn.reservedConcurrency ?? Number.POSITIVE_INFINITY);
    const pool = new FunctionPool(bound, (onGone) => new Sandbox({
      fn,
      region: this.options.region,
      outboundResponses: this.outboundResponses,
      outboundOrigins: [...(this.options.outboundOrigins?.() ?? [])],
      extraEnvironment: this.options.extraEnvironment?.(fn),
      extras: this.options.sandboxExtras?.() ?? NO_EXTRAS,
      onOutput: (line) => this.onHandlerOutput(fn.functionName, line),
      onGone,
    }));
    this.pools.set(functionArn, pool);
    return pool;
  }

  private functionFor(functionArn: string): FunctionModel {
    const fn = this.functions.get(functionArn);
    if (fn === undefined) {
      const known = [...this.functions.keys()].join(', ') || 'none';
      throw new Error(`No Lambda function has the ARN '${functionArn}'; the app's functions are: ${known}`);
    }
    return fn;
  }
}

/** Invoke's answer to an event over Lambda's synchronous payload quota: the function does not run. */
function refusedForSize(eventJson: string): InvokeOutcome | undefined {
  // A UTF-16 length under a third of the quota cannot pass it in UTF-8 bytes: only longer events are measured.
  if (eventJson.length * 3 <= SYNC_PAYLOAD_LIMIT_BYTES) return undefined;
  const bytes = Buffer.byteLength(eventJson);
  return bytes > SYNC_PAYLOAD_LIMIT_BYTES ? { kind: 'refused', ...requestTooLargeError(bytes), coldStart: false, durationMs: 0 } : undefined;
}

function runnable(fn: FunctionModel): RunnableFunction {
  if (fn.codeDir === undefined) {
    throw new Error(`Function ${fn.functionName} (${fn.origin.path}) has no code on disk to run locally`);
  }
  if (!fn.runtime.startsWith('nodejs')) {
    throw new Error(`Function ${fn.functionName} (${fn.origin.path}) has runtime '${fn.runtime}'; only nodejs* functions run locally`);
  }
  return { ...fn, codeDir: fn.codeDir };
}

function validateOutboundUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`outboundResponses key '${url}' is not an absolute URL; expected e.g. 'https://issuer.example/.well-known/jwks.json'`);
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.search !== '' || parsed.hash !== '') {
    throw new Error(`outboundResponses key '${url}' must be an http(s) URL without query or fragment`);
  }
}

function writeToStderr(functionName: string, line: string): void {
  process.stderr.write(`[${functionName}] ${line}\n`);
}
