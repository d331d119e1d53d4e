import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * The work one served app has under way (requests and WebSocket events), so that it is retired, its functions'
 * workers ended, only once that work is done: watch mode serves the next app meanwhile.
 */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  /** Counts `work` as under way until it settles; returns it. */
  public track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Counts a response as under way until its streamed body, if it has one, has ended. */
  public trackResponse<T extends { readonly body: unknown }>(response: Promise<T>): Promise<T> {
    void this.track(response.then((answer) => (isStream(answer.body) ? finished(answer.body).catch(() => undefined) : undefined)));
    return response;
  }

  /** Resolves once everything tracked, including what was tracked while waiting, has settled. */
  public async settled(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function' && !Buffer.isBuffer(body);
}
