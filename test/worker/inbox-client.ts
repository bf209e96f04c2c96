// A teammate's side of the inbox socket, for tests: a real WebSocket through the Worker (cookie
// session) to the account's Dispatcher, queueing every frame it receives.
import { exports } from 'cloudflare:workers';
import type { InboxServerFrame } from '../../worker/protocol/inbox';
import { ORIGIN } from './helpers';

type Frame<T extends InboxServerFrame['type']> = Extract<InboxServerFrame, { type: T }>;

export class InboxSocket {
  private frames: InboxServerFrame[] = [];
  private waiters: Array<() => void> = [];
  closed: number | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (e) => {
      this.frames.push(JSON.parse(String(e.data)) as InboxServerFrame);
      this.wake();
    });
    ws.addEventListener('close', (e) => {
      this.closed = e.code;
      this.wake();
    });
  }

  static async open(cookie: string, origin: string = ORIGIN) {
    const res = await exports.default.fetch(`${ORIGIN}/api/inbox/socket`, {
      headers: { upgrade: 'websocket', cookie, origin },
    });
    if (!res.webSocket) throw Object.assign(new Error(`no socket: ${res.status}`), { status: res.status });
    res.webSocket.accept();
    return new InboxSocket(res.webSocket);
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the next frame of `type` matching `match` (frames before it are consumed). */
  async next<T extends InboxServerFrame['type']>(
    type: T,
    match: (f: Frame<T>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Frame<T>> {
    const taken = await this.through((f) => f.type === type && match(f as Frame<T>), type, timeoutMs);
    return taken.at(-1) as Frame<T>;
  }

  /** Every frame the server sent before now (a ping's pong comes after them), consumed. */
  async settle(timeoutMs = 5000): Promise<InboxServerFrame[]> {
    this.send({ type: 'ping' });
    return (await this.through((f) => f.type === 'pong', 'pong', timeoutMs)).slice(0, -1);
  }

  /** The queued frames up to and including the first that `match` accepts, once it has arrived. */
  private async through(
    match: (f: InboxServerFrame) => boolean,
    label: string,
    timeoutMs: number,
  ): Promise<InboxServerFrame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex(match);
      if (index >= 0) return this.frames.splice(0, index + 1);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${label}; had: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves with the close code once the server closes the socket. */
  async closedWith(timeoutMs = 5000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closed === null) {
      if (Date.now() > deadline) throw new Error('socket still open');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closed;
  }

  pending(): InboxServerFrame[] {
    return [...this.frames];
  }

  close() {
    this.ws.close(1000, 'test done');
  }

  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
}
