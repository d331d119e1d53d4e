import { FakeClock } from '../../src/clock';
import { QuotaCounter, quotaPeriodStart } from '../../src/metering';

describe('QuotaCounter', () => {
  test('allows the limit per key and period, then refuses', () => {
    const counter = new QuotaCounter({ limit: 2, period: 'DAY', offset: 0 }, new FakeClock(Date.UTC(2026, 11, 1, 10)));
    expect([counter.tryConsume('k'), counter.tryConsume('k'), counter.tryConsume('k')]).toEqual([true, true, false]);
  });

  test('counts each key on its own', () => {
    const counter = new QuotaCounter({ limit: 1, period: 'DAY', offset: 0 }, new FakeClock());
    expect([counter.tryConsume('a'), counter.tryConsume('b'), counter.tryConsume('a')]).toEqual([true, true, false]);
  });

  test('resets at midnight UTC for DAY', () => {
    const clock = new FakeClock(Date.UTC(2026, 11, 1, 23, 59, 59, 999));
    const counter = new QuotaCounter({ limit: 1, period: 'DAY', offset: 0 }, clock);
    counter.tryConsume('k');
    expect(counter.tryConsume('k')).toBe(false);
    clock.advance(1);
    expect(counter.tryConsume('k')).toBe(true);
    expect(counter.remaining('k')).toBe(0);
  });
});

describe('quotaPeriodStart', () => {
  // 2026-12-02 is a Wednesday.
  const wednesdayNoon = Date.UTC(2026, 11, 2, 12);

  test('weeks start on Sunday with offset 0 and on Monday with offset 1', () => {
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'WEEK', offset: 0 }, wednesdayNoon)).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'WEEK', offset: 1 }, wednesdayNoon)).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  test('a week starting on the current weekday starts today', () => {
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'WEEK', offset: 3 }, wednesdayNoon)).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  test('months start on the 1st with offset 0, and on the offset-plus-first day otherwise', () => {
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'MONTH', offset: 0 }, wednesdayNoon)).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'MONTH', offset: 14 }, wednesdayNoon)).toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });

  test('a month starting in the previous year crosses the year boundary', () => {
    expect(new Date(quotaPeriodStart({ limit: 1, period: 'MONTH', offset: 9 }, Date.UTC(2027, 0, 5))).toISOString()).toBe('2026-12-10T00:00:00.000Z');
  });
});
