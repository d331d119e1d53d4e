import { Clock } from '../clock';

/** Entries kept by default: enough for a developer's session, small enough that a token flood cannot grow memory. */
export const DEFAULT_MAX_CACHE_ENTRIES = 1000;

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

/**
 * A cache whose entries expire after a TTL read from a {@link Clock}, holding at most `maxEntries` entries: adding
 * one more drops the oldest (least recently set) first. An entry is gone exactly when its TTL has elapsed.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly clock: Clock, private readonly maxEntries: number = DEFAULT_MAX_CACHE_ENTRIES) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new Error(`TtlCache maxEntries must be a positive integer, received ${maxEntries}`);
    }
  }

  /** The number of entries held, expired ones not yet dropped included. */
  public get size(): number {
    return this.entries.size;
  }

  public get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      return undefined;
    }
    if (this.clock.now() >= entry.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` for `ttlSeconds`; a TTL of 0 or less stores nothing, as a TTL of 0 disables API Gateway's cache. */
  public set(key: string, value: V, ttlSeconds: number): void {
    this.entries.delete(key);
    if (!(ttlSeconds > 0)) {
      return;
    }
    this.entries.set(key, { value, expiresAt: this.clock.now() + ttlSeconds * 1000 });
    // A Map iterates in insertion order, so the first keys are the oldest.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) {
        return;
      }
      this.entries.delete(oldest);
    }
  }

  public delete(key: string): void {
    this.entries.delete(key);
  }
}

/** One {@link TtlCache} per name (an authorizer's id), created on first use. */
export class TtlCaches<V> {
  private readonly caches = new Map<string, TtlCache<V>>();

  constructor(private readonly clock: Clock) {}

  /** Forgets every cache and entry. */
  public clear(): void {
    this.caches.clear();
  }

  public of(name: string): TtlCache<V> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new TtlCache<V>(this.clock);
      this.caches.set(name, cache);
    }
    return cache;
  }
}
