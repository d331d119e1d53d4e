import type { WebSocket } from 'ws';
import { ConnectionContext, Handshake } from './websocket-events';
import { IDLE_TIMEOUT_MS, MAX_CONNECTION_MS, SERVER_CLOSES } from './websocket-limits';

/** One open connection: its socket, what its events share, and when it last carried a message. */
export interface OpenConnection {
  readonly socket: WebSocket;
  readonly context: ConnectionContext;
  readonly handshake: Handshake;
  /** Epoch milliseconds of the last message in either direction. */
  lastActiveAt: number;
  /** Set when the runtime closed it, so that `$disconnect` reports why. */
  closedBy?: { readonly code: number; readonly reason: string };
}

/** The open connections of one WebSocket API, by connection id: what `@connections` reads and closes. */
export class ConnectionRegistry {
  private readonly open = new Map<string, OpenConnection>();

  public add(connection: OpenConnection): void {
    this.open.set(connection.context.connectionId, connection);
  }

  public remove(connectionId: string): void {
    this.open.delete(connectionId);
  }

  /** The connection of that id in that stage, when it is open. */
  public get(connectionId: string, stage: string): OpenConnection | undefined {
    const connection = this.open.get(connectionId);
    return connection?.context.stage === stage ? connection : undefined;
  }

  public get size(): number {
    return this.open.size;
  }

  /** Closes the connection as API Gateway does; `$disconnect` follows when the socket has closed. */
  public close(connection: OpenConnection, why: { readonly code: number; readonly reason: string }): void {
    connection.closedBy ??= why;
    this.open.delete(connection.context.connectionId);
    connection.socket.close(why.code, why.reason);
  }

  /** Closes every connection idle for 10 minutes or open for 2 hours at `now`; returns how many it closed. */
  public closeExpired(now: number): number {
    let closed = 0;
    for (const connection of [...this.open.values()]) {
      const why = now - connection.context.connectedAt >= MAX_CONNECTION_MS ? SERVER_CLOSES.LIFETIME
        : now - connection.lastActiveAt >= IDLE_TIMEOUT_MS ? SERVER_CLOSES.IDLE : undefined;
      if (why) {
        this.close(connection, why);
        closed += 1;
      }
    }
    return closed;
  }

  /** Closes every connection `test` selects, for the reason given. */
  public closeIf(test: (connection: OpenConnection) => boolean, why: { readonly code: number; readonly reason: string }): void {
    [...this.open.values()].filter(test).forEach((connection) => this.close(connection, why));
  }
}
