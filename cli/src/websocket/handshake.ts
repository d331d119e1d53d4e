import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { HANDSHAKE_REFUSALS, HandshakeRefusal } from './websocket-limits';

/** Connection ids look like API Gateway's: 12 characters of base64 ending in `=` (`L0SM9cOFvHcCIhw=`). */
export function newConnectionId(): string {
  return randomBytes(10).toString('base64').replace(/\//g, '_').replace(/\+/g, '-');
}

/** Answers the handshake with an HTTP error instead of switching protocols. */
export function refuse(socket: Socket, refusal: HandshakeRefusal | { readonly status: number; readonly body: string }): void {
  const { status, body } = typeof refusal === 'string' ? HANDSHAKE_REFUSALS[refusal] : refusal;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nconnection: close\r\ncontent-type: application/json\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, () => socket.destroy());
}
