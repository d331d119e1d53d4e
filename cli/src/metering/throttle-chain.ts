import { TokenBucket } from './token-bucket';
import { Clock } from '../clock';
import { ThrottleModel } from '../model';

/**
 * Account-level limits of API Gateway, per region (10,000 requests per second, bursts of 5,000): the default, which AWS
 * raises on request, so the runtime takes another one as an option.
 */
export const ACCOUNT_THROTTLE: Required<ThrottleModel> = { rateLimit: 10_000, burstLimit: 5_000 };

/**
 * Token buckets created on first use, one per key (a plan and an API key, a stage and a method, ...). A request passes
 * a chain of levels only if every level has a token; the tokens it took from the levels it passed are given back when
 * a later level refuses it, because a throttled request is not served.
 */
export class ThrottleBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly clock: Clock) {}

  /** True when every level of `levels` lets the request through, taking one token from each. */
  public tryPass(levels: readonly ThrottleLevel[]): boolean {
    const taken: TokenBucket[] = [];
    for (const level of levels) {
      const bucket = this.bucket(level);
      if (!bucket.tryTake()) {
        taken.forEach((b) => b.giveBack());
        return false;
      }
      taken.push(bucket);
    }
    return true;
  }

  private bucket(level: ThrottleLevel): TokenBucket {
    let bucket = this.buckets.get(level.key);
    if (!bucket) {
      bucket = new TokenBucket(level.rateLimit, level.burstLimit, this.clock);
      this.buckets.set(level.key, bucket);
    }
    return bucket;
  }
}

/** One throttle a request must pass, identified by what it counts (e.g. `plan:abc/key:def/GET /items`). */
export interface ThrottleLevel {
  readonly key: string;
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/**
 * The level for `throttle` counting under `key`, or undefined when it sets no limit. A throttle with only one of its
 * two limits set takes the other from `fallback` (the level above it), as API Gateway does for partial settings.
 */
export function throttleLevel(
  key: string, throttle: ThrottleModel | undefined, fallback: Required<ThrottleModel> = ACCOUNT_THROTTLE,
): ThrottleLevel | undefined {
  if (!throttle || (throttle.rateLimit === undefined && throttle.burstLimit === undefined)) {
    return undefined;
  }
  return { key, rateLimit: throttle.rateLimit ?? fallback.rateLimit, burstLimit: throttle.burstLimit ?? fallback.burstLimit };
}
