import { FakeClock } from '../../src/clock';
import { ThrottleBuckets, throttleLevel, TokenBucket } from '../../src/metering';

describe('TokenBucket', () => {
  test('lets a burst through at once, then refuses until tokens refill', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(1, 3, clock);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, true, false]);
  });

  test('refills at the rate limit per second', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(2, 2, clock);
    bucket.tryTake();
    bucket.tryTake();
    clock.advance(499);
    expect(bucket.tryTake()).toBe(false);
    clock.advance(1);
    expect(bucket.tryTake()).toBe(true);
  });

  test('never holds more than the burst limit, however long it waits', () => {
    const clock = new FakeClock();
    const bucket = new TokenBucket(100, 2, clock);
    clock.advance(60_000);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([true, true, false]);
  });

  test('a burst limit of 0 refuses every request', () => {
    const bucket = new TokenBucket(10, 0, new FakeClock());
    expect(bucket.tryTake()).toBe(false);
  });
});

describe('ThrottleBuckets', () => {
  test('a request refused by a later level gives back the tokens it took from earlier levels', () => {
    const buckets = new ThrottleBuckets(new FakeClock());
    const wide = { key: 'wide', rateLimit: 0, burstLimit: 1 };
    const narrow = { key: 'narrow', rateLimit: 0, burstLimit: 0 };
    expect(buckets.tryPass([wide, narrow])).toBe(false);
    expect(buckets.tryPass([wide])).toBe(true);
  });

  test('levels with the same key share one bucket', () => {
    const buckets = new ThrottleBuckets(new FakeClock());
    const level = { key: 'stage', rateLimit: 0, burstLimit: 1 };
    expect([buckets.tryPass([level]), buckets.tryPass([{ ...level }])]).toEqual([true, false]);
  });

  test('throttleLevel takes a missing limit from the level above and sets no level without limits', () => {
    expect(throttleLevel('k', { rateLimit: 5 }, { rateLimit: 100, burstLimit: 50 })).toEqual({ key: 'k', rateLimit: 5, burstLimit: 50 });
    expect(throttleLevel('k', {})).toBeUndefined();
    expect(throttleLevel('k', undefined)).toBeUndefined();
  });
});
