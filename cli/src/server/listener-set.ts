import { InFlight } from './in-flight';
import { LocalDynamoDb, LocalDynamoDbOptions, startLocalDynamoDb } from '../dynamodb/local-dynamodb';
import type { DynamoDbTableModel } from '../model';

/** A listener that can answer for one app, then another: it answers with what `serve` last gave it. */
export interface KeptListener<S> {
  listen(port: number, host: string): Promise<number>;
  serve(serving: S): void;
  /** Stops listening; with `drain`, once the requests in flight are answered. */
  close(drain?: boolean): Promise<void>;
}

interface Held {
  readonly listener: KeptListener<never>;
  readonly port: number;
  /** The work of the app it serves (or will serve, once committed), which stands for that app. */
  owner: InFlight;
}

/**
 * The listeners of the served APIs (and of the control plane), by a key naming the API, and the local DynamoDB: what
 * outlives one app, so that watch mode serves the next app on the same ports, connections and data. An app is known by
 * the {@link InFlight} tracking its work: it takes over the listeners of its APIs at `commit`, and `release` closes
 * those no later app took over.
 */
export class ListenerSet {
  private readonly held = new Map<string, Held>();
  private readonly pending = new Map<InFlight, Array<() => void>>();
  private dynamoDb?: LocalDynamoDb;

  /**
   * The listener of `key` for the app `owner` stands for, answering with `serving`: the one kept from the last app,
   * which answers for the new one once it is committed, else a new one on `port` (0: a free one; a port this set
   * holds for another key already: the next one it does not hold).
   */
  public async listen<S, L extends KeptListener<S>>(
    key: string, serving: S, owner: InFlight, create: (serving: S) => L, port: number, host: string,
  ): Promise<{ readonly listener: L; readonly port: number }> {
    const kept = this.held.get(key);
    if (kept) {
      const listener = kept.listener as unknown as L;
      this.pendingOf(owner).push(() => {
        listener.serve(serving);
        kept.owner = owner;
      });
      return { listener, port: kept.port };
    }
    const listener = create(serving);
    const bound = await listener.listen(this.unheld(port), host);
    this.held.set(key, { listener: listener as unknown as KeptListener<never>, port: bound, owner });
    return { listener, port: bound };
  }

  /** The app `owner` stands for answers on every listener it was given, from now on. */
  public commit(owner: InFlight): void {
    this.pending.get(owner)?.forEach((takeOver) => takeOver());
    this.pending.delete(owner);
  }

  /** Closes the listeners that still answer for the app `owner` stands for: those of its APIs no later app has. */
  public async release(owner: InFlight, drain?: boolean): Promise<void> {
    this.pending.delete(owner);
    const released = [...this.held].filter(([, held]) => held.owner === owner);
    released.forEach(([key]) => this.held.delete(key));
    await Promise.all(released.map(([, held]) => held.listener.close(drain)));
  }

  /**
   * The local DynamoDB with these tables in it: the one an earlier app started, kept with its data (tables it lacks are
   * created, existing ones kept as they are), else one started as {@link startLocalDynamoDb} does.
   */
  public async localDynamoDb(tables: readonly DynamoDbTableModel[], options: LocalDynamoDbOptions): Promise<LocalDynamoDb | undefined> {
    if (this.dynamoDb === undefined) {
      this.dynamoDb = await startLocalDynamoDb(tables, options);
    } else {
      await startLocalDynamoDb(tables, { ...options, endpoint: this.dynamoDb.endpoint });
    }
    return this.dynamoDb;
  }

  /** Closes every listener, then the local DynamoDB. */
  public async close(drain?: boolean): Promise<void> {
    const all = [...this.held.values()];
    this.held.clear();
    this.pending.clear();
    await Promise.all(all.map((held) => held.listener.close(drain)));
    await this.dynamoDb?.close();
    this.dynamoDb = undefined;
  }

  private pendingOf(owner: InFlight): Array<() => void> {
    const list = this.pending.get(owner) ?? [];
    this.pending.set(owner, list);
    return list;
  }

  /** `port`, or the next one this set does not hold; 0 stays 0. */
  private unheld(port: number): number {
    const taken = new Set([...this.held.values()].map((held) => held.port));
    let candidate = port;
    while (candidate !== 0 && taken.has(candidate)) {
      candidate += 1;
    }
    return candidate;
  }
}

/**
 * Closes an app's listeners: those no later app took over, when the set is kept (watch mode), else the whole set with
 * the local DynamoDB.
 */
export function releaseListeners(listeners: ListenerSet, owner: InFlight, kept: boolean, drain?: boolean): Promise<void> {
  return kept ? listeners.release(owner, drain) : listeners.close(drain);
}
