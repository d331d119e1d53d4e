import WebSocket from 'ws';

/** A client of a served WebSocket API that collects what it receives. */
export interface TestClient {
  readonly socket: WebSocket;
  /** Resolves once the connection is closed, with the close code. */
  closed: Promise<number>;
  /** Resolves to the next message not yet taken, as text. */
  next(): Promise<string>;
  /** Sends and resolves to the next message. */
  ask(message: string): Promise<string>;
}

/** Connects to `url`; rejects with the handshake's HTTP status when the API refuses the connection. */
export function connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    const received: string[] = [];
    const waiting: Array<(message: string) => void> = [];
    socket.on('message', (data) => {
      const text = data.toString();
      const waiter = waiting.shift();
      if (waiter) waiter(text);
      else received.push(text);
    });
    const closed = new Promise<number>((done) => socket.on('close', (code) => done(code)));
    socket.on('unexpected-response', (_request, response) => reject(new HandshakeRefused(response.statusCode ?? 0)));
    socket.on('error', (error) => reject(error));
    socket.on('open', () => {
      const next = () => new Promise<string>((done) => {
        const message = received.shift();
        if (message !== undefined) done(message);
        else waiting.push(done);
      });
      resolve({ socket, next, ask: (message) => { socket.send(message); return next(); }, closed });
    });
  });
}

export class HandshakeRefused extends Error {
  constructor(public readonly status: number) {
    super(`the handshake was refused with HTTP ${status}`);
  }
}

/** Sends `text` as one message split into frames of at most `frameBytes` (text of one-byte characters). */
export function sendInFrames(socket: WebSocket, text: string, frameBytes: number): void {
  for (let at = 0; at < text.length; at += frameBytes) {
    socket.send(text.slice(at, at + frameBytes), { fin: at + frameBytes >= text.length });
  }
}

/** Polls `condition` until it holds (for effects that follow a close, such as `$disconnect`). */
export async function eventually(condition: () => boolean, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
