import { PassThrough } from 'node:stream';
import { InFlight } from '../../src/server/in-flight';

describe('the work an app has in flight', () => {
  test('settles once every tracked piece of work has, rejected ones included', async () => {
    const inFlight = new InFlight();
    let finish!: () => void;
    void inFlight.track(new Promise<void>((resolve) => { finish = resolve; }));
    void inFlight.track(Promise.reject(new Error('failed'))).catch(() => undefined);
    let settled = false;
    const waiting = inFlight.settled().then(() => { settled = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    finish();
    await waiting;
    expect(settled).toBe(true);
  });

  test('a response with a streamed body is in flight until the stream ends', async () => {
    const inFlight = new InFlight();
    const body = new PassThrough();
    await inFlight.trackResponse(Promise.resolve({ body }));
    let settled = false;
    const waiting = inFlight.settled().then(() => { settled = true; });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    body.end('done');
    body.resume();
    await waiting;
    expect(settled).toBe(true);
  });
});
