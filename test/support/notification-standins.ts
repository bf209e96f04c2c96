// Local stand-ins for assignment notifications, for the worker tests: a Slack incoming-webhook receiver
// and an email API (what HttpEmailSender in worker/notifications/email.ts posts to). One Node server:
//
//   POST /slack/<scope>          a Slack incoming webhook; answers "ok" like Slack (text/plain)
//   POST /email/send             the email API: {from, fromName, to, subject, text, messageId, replyTo,
//                                headers: {Message-ID, In-Reply-To?, References?, Auto-Submitted?}}
//   POST /__mode                 {"scope": "...", "mode": "ok" | "500" | "down"}  (down drops the connection;
//                                the email API's scope is "email")
//   GET  /__slack?scope=...      every request to the scope: {status, body}
//   GET  /__emails?to=...        every email accepted for that address (case-insensitive)
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type NotificationStandinMode = 'ok' | '500' | 'down';

export interface SlackRequest {
  status: number;
  contentType: string | null;
  body: unknown;
}

export interface ReceivedEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  fromName?: string;
  replyTo?: string | null;
  headers?: Record<string, string>;
  idempotencyKey: string | null;
}

export async function startNotificationStandins(): Promise<{ url: string; stop(): Promise<void> }> {
  const modes = new Map<string, NotificationStandinMode>();
  const slack = new Map<string, SlackRequest[]>();
  const emails: ReceivedEmail[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://standin');
      const raw = await readBody(req);
      const reply = (status: number, body: unknown, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (url.pathname === '/__mode' && req.method === 'POST') {
        const { scope, mode } = JSON.parse(raw) as { scope: string; mode: NotificationStandinMode };
        modes.set(scope, mode);
        return reply(200, { scope, mode });
      }
      if (url.pathname === '/__slack')
        return reply(200, { requests: slack.get(url.searchParams.get('scope') ?? '') ?? [] });
      if (url.pathname === '/__emails') {
        const to = (url.searchParams.get('to') ?? '').toLowerCase();
        return reply(200, { emails: emails.filter((e) => e.to.toLowerCase() === to) });
      }
      const slackMatch = /^\/slack\/([\w-]+)$/.exec(url.pathname);
      const scope = slackMatch ? slackMatch[1]! : url.pathname === '/email/send' ? 'email' : null;
      if (!scope || req.method !== 'POST') return reply(404, { error: 'not found' });
      const mode = modes.get(scope) ?? 'ok';
      if (mode === 'down') return void req.socket.destroy();
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      if (slackMatch) {
        const status = mode === '500' ? 500 : 200;
        const list = slack.get(scope) ?? [];
        list.push({ status, contentType: req.headers['content-type'] ?? null, body });
        slack.set(scope, list);
        // Slack's own answers: "ok" on success, a plain-text error otherwise.
        return reply(status, status === 200 ? 'ok' : 'internal_error', 'text/plain');
      }
      if (mode === '500') return reply(503, { error: 'unavailable' });
      const mail = body as Omit<ReceivedEmail, 'idempotencyKey'>;
      const key = req.headers['idempotency-key'];
      emails.push({ ...mail, idempotencyKey: typeof key === 'string' ? key : null });
      return reply(202, { id: `msg_${emails.length}` });
    })().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
