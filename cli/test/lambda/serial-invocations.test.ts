import { serialInvocations } from '../../src/lambda/worker/serial-invocations';

describe('serialInvocations', () => {
  test('runs the invocations one at a time in arrival order', () => {
    const started: string[] = [];
    const finishers: (() => void)[] = [];
    const enqueue = serialInvocations((request, done) => {
      started.push(request);
      finishers.push(done);
    });

    enqueue('a');
    enqueue('b');
    enqueue('c');
    const beforeFirstEnds = [...started];
    finishers[0]();
    const afterFirstEnds = [...started];
    finishers[1]();

    expect([beforeFirstEnds, afterFirstEnds, started]).toEqual([['a'], ['a', 'b'], ['a', 'b', 'c']]);
  });

  test('starts a request at once when nothing runs', () => {
    const started: string[] = [];
    const enqueue = serialInvocations((request, done) => {
      started.push(request);
      done();
    });

    enqueue('a');
    enqueue('b');

    expect(started).toEqual(['a', 'b']);
  });

  test('runs requests that arrived while a synchronous one ran, in order', () => {
    const started: string[] = [];
    let enqueue: (request: string) => void = () => undefined;
    enqueue = serialInvocations((request, done) => {
      started.push(request);
      if (request === 'a') {
        enqueue('b');
        enqueue('c');
      }
      done();
    });

    enqueue('a');

    expect(started).toEqual(['a', 'b', 'c']);
  });
});
