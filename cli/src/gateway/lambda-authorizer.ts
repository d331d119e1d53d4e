import { AuthorizerOutputError, TtlCache } from '../auth';
import { Clock } from '../clock';
import type { InvokeOutcome } from '../lambda';

/** One Lambda authorizer call as REST and HTTP APIs make it: its cache, its function, and how to read its answer. */
export interface LambdaAuthorizerCall<V> {
  readonly cache: TtlCache<V>;
  /** The identity sources' values, joined: the answer is kept per distinct set of them. */
  readonly cacheKey: string;
  /** 0 disables the cache. */
  readonly ttlSeconds: number;
  readonly clock: Clock;
  readonly invoke: () => Promise<InvokeOutcome>;
  /** Throws an `AuthorizerOutputError` for an answer API Gateway refuses. */
  readonly parse: (payload: unknown) => V;
}

/** The authorizer's answer (from the cache or a new call), or why there is none; `cache` is unset when caching is off. */
export type LambdaAuthorizerRun<V> =
  | { readonly kind: 'answer'; readonly answer: V; readonly cache?: 'hit' | 'miss'; readonly latencyMs: number }
  | { readonly kind: 'unauthorized' | 'failed'; readonly note: string; readonly cache?: 'miss' };

/**
 * Answers from the cache while the TTL lasts; otherwise invokes the function and caches what it answered. A function
 * error with the message `Unauthorized` is the authorizer refusing the caller; any other error, or an answer that
 * does not parse, is the authorizer failing (each API type renders that failure its own way).
 */
export async function runLambdaAuthorizer<V>(call: LambdaAuthorizerCall<V>): Promise<LambdaAuthorizerRun<V>> {
  const caching = call.ttlSeconds > 0;
  const cached = caching ? call.cache.get(call.cacheKey) : undefined;
  if (cached !== undefined) {
    return { kind: 'answer', answer: cached, cache: 'hit', latencyMs: 0 };
  }
  const cache = caching ? 'miss' : undefined;
  const started = call.clock.now();
  const outcome = await call.invoke();
  const latencyMs = call.clock.now() - started;
  if (outcome.kind !== 'result') {
    return outcome.kind === 'error' && outcome.errorMessage === 'Unauthorized'
      ? { kind: 'unauthorized', note: 'the authorizer answered Unauthorized', cache }
      : { kind: 'failed', note: `the authorizer failed: ${outcome.errorMessage}`, cache };
  }
  let answer: V;
  try {
    answer = call.parse(outcome.payload);
  } catch (error) {
    if (error instanceof AuthorizerOutputError) {
      return { kind: 'failed', note: error.message, cache };
    }
    throw error;
  }
  if (caching) {
    call.cache.set(call.cacheKey, answer, call.ttlSeconds);
  }
  return { kind: 'answer', answer, cache, latencyMs };
}
