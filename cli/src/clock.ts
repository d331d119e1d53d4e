/**
 * Where the runtime reads the time. Authorizer caches, throttling, quotas, token expiry and request timestamps all
 * read it, so tests can move time forward exactly instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to. */
export class FakeClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 0, 1)) {}

  public now(): number {
    return this.current;
  }

  /** Moves the time forward by `ms` milliseconds. */
  public advance(ms: number): void {
    this.current += ms;
  }

  /** Sets the time to `epochMs`. */
  public set(epochMs: number): void {
    this.current = epochMs;
  }
}
