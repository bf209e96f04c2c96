// The plumbing the Twilio and WhatsApp stand-ins share: a Node HTTP server on a given (or free)
// loopback port, raw bodies, JSON answers, and webhooks "sent" by the provider. A webhook is always
// recorded with its signature (worker tests in workerd cannot be reached from Node, so they read the
// record and post it through exports.default.fetch); it is also posted when its URL is on loopback (a real
// `wrangler dev` worker in the browser tests).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody, send } from './http-standin';

export interface StandinReply {
  status: number;
  body: unknown;
}

export interface SentWebhook {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The HTTP status the receiver answered, or null when it was only recorded. */
  answered: number | null;
}

export interface RunningPhoneStandin {
  url: string;
  stop(): Promise<void>;
}

export type Handler = (
  method: string,
  url: URL,
  body: string,
  req: IncomingMessage,
) => Promise<StandinReply> | StandinReply;

export async function startPhoneStandin(handler: Handler): Promise<RunningPhoneStandin> {
  const server = createServer((req, res) => {
    void readBody(req)
      .then((body) => handler(req.method ?? 'GET', new URL(req.url ?? '/', 'http://standin'), body, req))
      .then((reply) => send(res, reply))
      .catch((err: unknown) => send(res, { status: 500, body: { error: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Records webhooks at once (in order), then posts those whose receiver is on this machine, one after
 * another, in the background: a provider's callbacks arrive after its API has answered.
 */
export function sendWebhooks(log: SentWebhook[], hooks: Array<Omit<SentWebhook, 'answered'>>): SentWebhook[] {
  const recorded = hooks.map((h) => ({ ...h, answered: null as number | null }));
  log.push(...recorded);
  void (async () => {
    for (const hook of recorded) {
      const host = new URL(hook.url).hostname;
      if (host !== '127.0.0.1' && host !== 'localhost') continue;
      try {
        hook.answered = (await fetch(hook.url, { method: 'POST', headers: hook.headers, body: hook.body })).status;
      } catch {
        hook.answered = 0;
      }
    }
  })();
  return recorded;
}

export function json(status: number, body: unknown): StandinReply {
  return { status, body };
}
