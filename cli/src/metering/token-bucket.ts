import { Clock } from '../clock';

/**
 * API Gateway's throttle: a bucket holding at most `burstLimit` requests, refilled at `rateLimit` requests per second,
 * full at the start. A request takes one token or is throttled.
 */
export class TokenBucket {
  private tokens: number;
  private refilledAt: number;

  constructor(private readonly rateLimit: number, private readonly burstLimit: number, private readonly clock: Clock) {
    this.tokens = burstLimit;
    this.refilledAt = clock.now();
  }

  /** Takes a token if one is left; false means the request is throttled. */
  public tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  /** Gives back a token taken by a request that a later limit refused, so that it counts against no level. */
  public giveBack(): void {
    this.tokens = Math.min(this.burstLimit, this.tokens + 1);
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsedMs = now - this.refilledAt;
    if (elapsedMs > 0) {
      this.tokens = Math.min(this.burstLimit, this.tokens + (elapsedMs * this.rateLimit) / 1000);
      this.refilledAt = now;
    }
  }
}
