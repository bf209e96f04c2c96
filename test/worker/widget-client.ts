// A shopper's side of the widget protocol, for tests: the real public API and a real WebSocket
// through the Worker to the conversation's Durable Object.
import { exports } from 'cloudflare:workers';
import {
  SOCKET_PROTOCOL,
  type ServerFrame,
  type StartConversationResponse,
  type WireMessage,
} from '../../worker/protocol/widget';
import { sign } from 'hono/jwt';
import { eq } from 'drizzle-orm';
import { accounts } from '../../worker/db/schema';
import { call, db, demoAccount, ORIGIN } from './helpers';

export async function startConversation(opts: { siteKey?: string; identityToken?: string; origin?: string } = {}) {
  const siteKey = opts.siteKey ?? (await demoAccount()).siteKey;
  const res = await call<StartConversationResponse>('POST', '/api/widget/conversations', {
    body: { siteKey, ...(opts.identityToken ? { identityToken: opts.identityToken } : {}) },
    origin: opts.origin ?? 'https://shop.example',
  });
  if (res.status !== 201) throw new Error(`start failed: ${res.status} ${res.text}`);
  return res.json;
}

/** A conversation of a shopper the store (the demo store by default) identified with a verified token (may reach a human). */
export async function startIdentifiedConversation(sub = `cust-${crypto.randomUUID().slice(0, 8)}`, accountId?: string) {
  const account = accountId
    ? await db().query.accounts.findFirst({ where: eq(accounts.id, accountId) })
    : await demoAccount();
  if (!account) throw new Error(`no account ${accountId}`);
  const identityToken = await sign(
    { sub, email: `${sub}@shopper.test`, exp: Math.floor(Date.now() / 1000) + 600 },
    account.identityKey,
    'HS256',
  );
  return startConversation({ identityToken, siteKey: account.siteKey });
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export async function sendHttp(conv: StartConversationResponse, text: string, clientId: string = crypto.randomUUID()) {
  return call<{ ack: { clientId: string; seq: number }; messages: WireMessage[] }>(
    'POST',
    `/api/widget/conversations/${conv.conversationId}/messages`,
    { body: { clientId, text }, headers: bearer(conv.resumeToken) },
  );
}

export async function historyHttp(conv: StartConversationResponse, after = 0) {
  return call<{ messages: WireMessage[]; status: string; byEmail: boolean; seenSeq: number }>(
    'GET',
    `/api/widget/conversations/${conv.conversationId}/messages?after=${after}`,
    { headers: bearer(conv.resumeToken) },
  );
}

/** A connected shopper socket that queues every frame the server sends. */
export class ShopperSocket {
  private frames: ServerFrame[] = [];
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener('message', (e) => {
      this.frames.push(JSON.parse(String(e.data)) as ServerFrame);
      for (const w of this.waiters.splice(0)) w();
    });
    ws.addEventListener('close', () => {
      this.closed = true;
    });
  }

  static async open(conv: StartConversationResponse, token = conv.resumeToken, headers: Record<string, string> = {}) {
    const res = await exports.default.fetch(`${ORIGIN}/api/widget/conversations/${conv.conversationId}/socket`, {
      headers: { ...headers, upgrade: 'websocket', 'sec-websocket-protocol': `${SOCKET_PROTOCOL}, ${token}` },
    });
    if (!res.webSocket) throw Object.assign(new Error(`no socket: ${res.status}`), { status: res.status });
    res.webSocket.accept();
    return new ShopperSocket(res.webSocket);
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Waits for the next frame matching `match` (frames before it are consumed). */
  async next<T extends ServerFrame['type']>(
    type: T,
    match: (f: Extract<ServerFrame, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.frames.findIndex((f) => f.type === type && match(f as Extract<ServerFrame, { type: T }>));
      if (index >= 0) {
        const [frame] = this.frames.splice(0, index + 1).slice(-1);
        return frame as Extract<ServerFrame, { type: T }>;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a ${type} frame; had: ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Frames received so far and not yet consumed. */
  pending(): ServerFrame[] {
    return [...this.frames];
  }

  close() {
    this.ws.close(1000, 'test done');
  }
}
