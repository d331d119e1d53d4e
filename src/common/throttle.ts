/** Request throttling: a token bucket of `burstLimit` requests refilled at `rateLimit` requests per second. */
export interface ThrottleSettings {
  /**
   * Steady-state requests per second.
   * @default - the enclosing level's limit (stage, then account)
   */
  readonly rateLimit?: number;
  /**
   * Largest number of requests served at once.
   * @default - the enclosing level's limit (stage, then account)
   */
  readonly burstLimit?: number;
}
