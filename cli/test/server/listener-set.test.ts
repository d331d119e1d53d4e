import { InFlight } from '../../src/server/in-flight';
import { KeptListener, ListenerSet } from '../../src/server/listener-set';

/** A listener that records what it answers with and whether it was closed, without a socket. */
class FakeListener implements KeptListener<string> {
  public closed = false;
  public listenedOn?: number;

  constructor(public serving: string) {}

  public async listen(port: number): Promise<number> {
    this.listenedOn = port;
    return port === 0 ? 40000 : port;
  }

  public serve(serving: string): void {
    this.serving = serving;
  }

  public async close(): Promise<void> {
    this.closed = true;
  }
}

const create = (serving: string) => new FakeListener(serving);

describe('the listeners watch mode keeps across apps', () => {
  test('a later app gets the listener and port of an API the earlier app served, and answers on it from its commit on', async () => {
    const listeners = new ListenerSet();
    const [first, second] = [new InFlight(), new InFlight()];
    const served = await listeners.listen('HTTP Shop/Api', 'app 1', first, create, 0, '127.0.0.1');
    listeners.commit(first);
    const kept = await listeners.listen('HTTP Shop/Api', 'app 2', second, create, 0, '127.0.0.1');
    expect(kept).toEqual(served);
    expect(kept.listener.serving).toBe('app 1');
    listeners.commit(second);
    expect(kept.listener.serving).toBe('app 2');
  });

  test('releasing an app closes only the listeners of its APIs that no later app took over', async () => {
    const listeners = new ListenerSet();
    const [first, second] = [new InFlight(), new InFlight()];
    const kept = await listeners.listen('HTTP Shop/Api', 'app 1', first, create, 3000, '127.0.0.1');
    const removed = await listeners.listen('HTTP Shop/Old', 'app 1', first, create, 3001, '127.0.0.1');
    listeners.commit(first);
    await listeners.listen('HTTP Shop/Api', 'app 2', second, create, 3000, '127.0.0.1');
    listeners.commit(second);
    await listeners.release(first);
    expect([kept.listener.closed, removed.listener.closed]).toEqual([false, true]);
  });

  test('an app that is released without its commit closes its new listeners and leaves the kept ones to the earlier app', async () => {
    const listeners = new ListenerSet();
    const [first, failed] = [new InFlight(), new InFlight()];
    const kept = await listeners.listen('HTTP Shop/Api', 'app 1', first, create, 3000, '127.0.0.1');
    listeners.commit(first);
    await listeners.listen('HTTP Shop/Api', 'broken app', failed, create, 3000, '127.0.0.1');
    const added = await listeners.listen('HTTP Shop/New', 'broken app', failed, create, 3001, '127.0.0.1');
    await listeners.release(failed);
    expect([kept.listener.closed, kept.listener.serving, added.listener.closed]).toEqual([false, 'app 1', true]);
  });

  test('a new API whose port the set holds for another API takes the next port the set does not hold', async () => {
    const listeners = new ListenerSet();
    const app = new InFlight();
    await listeners.listen('HTTP Shop/A', 'app', app, create, 3000, '127.0.0.1');
    await listeners.listen('HTTP Shop/B', 'app', app, create, 3001, '127.0.0.1');
    const added = await listeners.listen('HTTP Shop/AA', 'app', app, create, 3000, '127.0.0.1');
    expect(added.port).toBe(3002);
  });
});
