import { TtlCache, TtlCaches } from '../../src/auth';
import { FakeClock } from '../../src/clock';

describe('TtlCache', () => {
  test('returns a value set within its TTL', () => {
    const cache = new TtlCache<string>(new FakeClock());
    cache.set('token', 'policy', 300);

    expect(cache.get('token')).toBe('policy');
  });

  test('keeps a value until the last millisecond of its TTL', () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock);
    cache.set('token', 'policy', 300);
    clock.advance(299_999);

    expect(cache.get('token')).toBe('policy');
  });

  test('drops a value exactly when its TTL has elapsed', () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock);
    cache.set('token', 'policy', 300);
    clock.advance(300_000);

    expect([cache.get('token'), cache.size]).toEqual([undefined, 0]);
  });

  test('a TTL of 0 stores nothing', () => {
    const cache = new TtlCache<string>(new FakeClock());
    cache.set('token', 'policy', 0);

    expect(cache.get('token')).toBeUndefined();
  });

  test('setting a key again restarts its TTL', () => {
    const clock = new FakeClock();
    const cache = new TtlCache<string>(clock);
    cache.set('token', 'old', 10);
    clock.advance(8_000);
    cache.set('token', 'new', 10);
    clock.advance(8_000);

    expect(cache.get('token')).toBe('new');
  });

  test('drops the oldest entry first when full', () => {
    const cache = new TtlCache<number>(new FakeClock(), 2);
    cache.set('a', 1, 60);
    cache.set('b', 2, 60);
    cache.set('c', 3, 60);

    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
  });

  test('setting a key again makes it the newest', () => {
    const cache = new TtlCache<number>(new FakeClock(), 2);
    cache.set('a', 1, 60);
    cache.set('b', 2, 60);
    cache.set('a', 10, 60);
    cache.set('c', 3, 60);

    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([10, undefined, 3]);
  });

  test('delete removes an entry', () => {
    const cache = new TtlCache<number>(new FakeClock());
    cache.set('a', 1, 60);
    cache.delete('a');

    expect(cache.get('a')).toBeUndefined();
  });

  test('rejects a bound that is not a positive integer', () => {
    expect(() => new TtlCache<number>(new FakeClock(), 0)).toThrow(/TtlCache maxEntries must be a positive integer, received 0/);
  });
});

describe('TtlCaches', () => {
  test('keeps one cache per name, the same one on every call', () => {
    const caches = new TtlCaches<number>(new FakeClock());
    caches.of('a').set('k', 1, 60);
    expect([caches.of('a').get('k'), caches.of('b').get('k')]).toEqual([1, undefined]);
  });
});
