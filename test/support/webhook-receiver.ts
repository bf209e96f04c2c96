// A merchant's webhook endpoint, for the worker tests: it verifies every request with the official
// Standard Webhooks library (`standardwebhooks`, as the README tells receivers to), checks the
// deprecated Baton-Signature with the README's old recipe too, counts acceptances per Baton-Event-Id, and can be
// switched into an outage per scope.
//
//   POST /hook/<scope>          the endpoint a subscription points at
//   POST /__secret              {"scope": "...", "secret": "whsec_..."}  the scope's signing secret
//   POST /__mode                {"scope": "...", "mode": "ok" | "503" | "down"}  (down: the connection is dropped)
//   GET  /__received?scope=...  every request (with its verdict), and how often each event id was accepted
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { Webhook } from 'standardwebhooks';
import type { AddressInfo } from 'node:net';

export type ReceiverMode = 'ok' | '503' | 'down';

export interface ReceivedRequest {
  eventId: string | null;
  deliveryId: string | null;
  /** webhook-id */
  messageId: string | null;
  /** Verified by `standardwebhooks` (webhook-id, webhook-timestamp, webhook-signature). */
  signatureValid: boolean;
  /** The deprecated Baton-Signature, by the README's former recipe. */
  legacySignatureValid: boolean;
  status: number;
  body: unknown;
}

interface Scope {
  secret: string | null;
  mode: ReceiverMode;
  requests: ReceivedRequest[];
  /** Event id → times it was accepted (answered 2xx with a valid signature). */
  accepted: Record<string, number>;
}

/** The README's former recipe for the deprecated Baton-Signature header, in Node. */
export function verifyBatonSignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const given = String(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export async function startWebhookReceiver(): Promise<{ url: string; stop(): Promise<void> }> {
  const scopes = new Map<string, Scope>();
  const scopeOf = (name: string) => {
    let s = scopes.get(name);
    if (!s) scopes.set(name, (s = { secret: null, mode: 'ok', requests: [], accepted: {} }));
    return s;
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      if (req.method === 'POST' && url.pathname === '/__secret') {
        const { scope, secret } = JSON.parse(raw) as { scope: string; secret: string };
        scopeOf(scope).secret = secret;
        return json(res, 200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/__mode') {
        const { scope, mode } = JSON.parse(raw) as { scope: string; mode: ReceiverMode };
        scopeOf(scope).mode = mode;
        return json(res, 200, { ok: true });
      }
      if (req.method === 'GET' && url.pathname === '/__received') {
        const s = scopeOf(url.searchParams.get('scope') ?? '');
        return json(res, 200, { requests: s.requests, accepted: s.accepted });
      }
      const match = /^\/hook\/([\w-]+)$/.exec(url.pathname);
      if (req.method !== 'POST' || !match) return json(res, 404, { error: 'not found' });
      const scope = scopeOf(match[1]!);
      if (scope.mode === 'down') return req.socket.destroy();
      const messageId = header(req, 'webhook-id');
      const signatureValid = scope.secret !== null && verifiesStandard(scope.secret, raw, req);
      const legacySignatureValid =
        scope.secret !== null && verifyBatonSignature(scope.secret, header(req, 'baton-signature') ?? undefined, raw);
      const status = scope.mode === '503' ? 503 : signatureValid ? 200 : 400;
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
      const eventId = header(req, 'baton-event-id');
      scope.requests.push({
        eventId,
        deliveryId: header(req, 'baton-delivery-id'),
        messageId,
        signatureValid,
        legacySignatureValid,
        status,
        body,
      });
      // How often each event arrived (validly signed) and was acknowledged: "delivered once" means 1.
      if (status === 200 && eventId) scope.accepted[eventId] = (scope.accepted[eventId] ?? 0) + 1;
      json(
        res,
        status,
        status === 200 ? { received: true } : { error: status === 503 ? 'maintenance' : 'bad signature' },
      );
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

/** Standard Webhooks verification exactly as a receiver does it: the library throws on any mismatch. */
function verifiesStandard(secret: string, raw: string, req: IncomingMessage): boolean {
  try {
    new Webhook(secret).verify(raw, {
      'webhook-id': header(req, 'webhook-id') ?? '',
      'webhook-timestamp': header(req, 'webhook-timestamp') ?? '',
      'webhook-signature': header(req, 'webhook-signature') ?? '',
    });
    return true;
  } catch {
    return false;
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' ? v : null;
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
