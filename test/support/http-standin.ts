// The common part of the helpdesk stand-ins (Zendesk, Gorgias): a Node HTTP server that serves one
// helpdesk's API under per-test scopes, records every request, and can be switched into failure modes.
//
//   /s/<scope>/api/...          the helpdesk's API for one scope (a test's integration baseUrl is
//                               `${url}/s/<scope>`), so tests never share tickets, requests or modes
//   POST /__mode                {"scope": "...", "mode": "ok" | "401" | "500" | "429" | "hang" | "hang_after_create"}
//   GET  /__requests?scope=...  every API request of the scope, oldest first
//   GET  /__tickets?scope=...   the tickets the scope holds (what "the helpdesk" has)
//
// Modes: 401 answers as a revoked credential would; 500/429 are outages (429 with Retry-After: 1);
// hang never answers; hang_after_create does the work and then never answers (a response lost in
// transit: the ticket exists, the caller cannot know).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MODES = ['ok', '401', '500', '429', 'hang', 'hang_after_create'] as const;
export type StandinMode = (typeof MODES)[number];

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface StandinRequest {
  method: string;
  /** The API path with the scope prefix removed, e.g. /api/v2/tickets.json */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  idempotencyKey: string | null;
  body: unknown;
  at: number;
}

export interface StandinService<State> {
  name: string;
  newState(): State;
  /** The exact Authorization header the real service accepts for the stand-in's credentials. */
  expectedAuthorization: string;
  unauthorized: Reply;
  serverError: Reply;
  /** Handles one API request; the credential is already checked unless `allowsAnonymous` says otherwise. */
  handle(req: StandinRequest, state: State, ids: () => number): Reply;
  /** Requests the real service answers even without credentials (Zendesk's users/me). */
  allowsAnonymous?(req: StandinRequest): boolean;
  inspect(state: State): unknown;
}

export interface RunningStandin {
  url: string;
  stop(): Promise<void>;
}

interface Scope<State> {
  mode: StandinMode;
  requests: RecordedRequest[];
  state: State;
}

export async function startStandin<State>(service: StandinService<State>, firstId = 1000): Promise<RunningStandin> {
  const scopes = new Map<string, Scope<State>>();
  const hanging = new Set<ServerResponse>();
  let nextId = firstId;
  const ids = () => nextId++;
  const scopeOf = (name: string) => {
    let scope = scopes.get(name);
    if (!scope) {
      scope = { mode: 'ok', requests: [], state: service.newState() };
      scopes.set(name, scope);
    }
    return scope;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => send(res, { status: 500, body: { error: String(err) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://standin');
    const raw = await readBody(req);
    if (url.pathname === '/__mode' && req.method === 'POST') {
      const { scope, mode } = JSON.parse(raw) as { scope: string; mode: StandinMode };
      if (!MODES.includes(mode)) return send(res, { status: 400, body: { error: `unknown mode ${mode}` } });
      scopeOf(scope).mode = mode;
      return send(res, { status: 200, body: { scope, mode } });
    }
    if (url.pathname === '/__requests' && req.method === 'GET') {
      return send(res, {
        status: 200,
        body: { requests: scopeOf(url.searchParams.get('scope') ?? 'default').requests },
      });
    }
    if (url.pathname === '/__tickets' && req.method === 'GET') {
      return send(res, {
        status: 200,
        body: service.inspect(scopeOf(url.searchParams.get('scope') ?? 'default').state),
      });
    }

    const match = /^\/s\/([^/]+)(\/.*)$/.exec(url.pathname);
    const scope = scopeOf(match ? decodeURIComponent(match[1]!) : 'default');
    const path = match ? match[2]! : url.pathname;
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, { status: 400, body: { error: 'body is not JSON' } });
      }
    }
    const authorization = req.headers.authorization;
    const idempotencyKey = req.headers['idempotency-key'];
    scope.requests.push({
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: authorization ?? null,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : null,
      body,
      at: Date.now(),
    });
    const request: StandinRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      authorization,
      headers: req.headers,
      body,
    };

    if (scope.mode === 'hang') return hang(res);
    if (scope.mode === '401') return send(res, service.unauthorized);
    if (scope.mode === '500') return send(res, service.serverError);
    if (scope.mode === '429')
      return send(res, { status: 429, body: { error: 'TooManyRequests' }, headers: { 'retry-after': '1' } });
    const anonymous = authorization === undefined && service.allowsAnonymous?.(request) === true;
    if (!anonymous && authorization !== service.expectedAuthorization) return send(res, service.unauthorized);
    const reply = service.handle(request, scope.state, ids);
    if (scope.mode === 'hang_after_create') return hang(res);
    return send(res, reply);
  }

  function hang(res: ServerResponse) {
    hanging.add(res);
    res.on('close', () => hanging.delete(res));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: Reply) {
  if (res.headersSent) return;
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(JSON.stringify(reply.body));
}
