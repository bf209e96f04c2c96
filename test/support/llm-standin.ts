// A local stand-in for an OpenAI-compatible LLM endpoint, so the worker tests exercise the real HTTP
// path of OpenAiCompatibleProvider without a network or a paid key. It speaks just enough of the
// chat completions API (POST /v1/chat/completions, Bearer auth, the documented response shape) and
// answers deterministically from the passages it was sent.
//
// Modes are chosen by a path prefix, so tests running side by side never flip shared state:
//   /v1/chat/completions        200, content "Phrased: <first passage>"
//   /fail/v1/chat/completions   500 with an OpenAI-style error body
//   /hang/v1/chat/completions   never answers (until the client gives up or the server stops)
//   /empty/v1/chat/completions  200 with empty content
//   /malformed/v1/chat/completions  200 with a body that is not a chat completion (no choices)
// GET /__requests lists the requests received (newest last) so tests can check what was sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LlmStandin {
  /** e.g. http://127.0.0.1:41234 — append "/v1" (or "/fail/v1", "/hang/v1") for a provider baseUrl. */
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

interface RecordedRequest {
  path: string;
  authorization: string | null;
  body: unknown;
}

const MODES = ['ok', 'fail', 'hang', 'empty', 'malformed'] as const;
type Mode = (typeof MODES)[number];

export async function startLlmStandin(apiKey = 'sk-standin-test-key'): Promise<LlmStandin> {
  const recorded: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => send(res, 500, { error: { message: String(err) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://standin').pathname;
    if (req.method === 'GET' && path === '/__requests') return send(res, 200, { requests: recorded });

    const match = /^(?:\/(fail|hang|empty|malformed))?\/v1\/chat\/completions$/.exec(path);
    if (req.method !== 'POST' || !match)
      return send(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    const mode: Mode = (match[1] as Mode | undefined) ?? 'ok';

    const raw = await readBody(req);
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: { message: 'body is not JSON', type: 'invalid_request_error' } });
    }
    const authorization = req.headers.authorization ?? null;
    recorded.push({ path, authorization, body });
    if (recorded.length > 1000) recorded.shift();

    if (authorization !== `Bearer ${apiKey}`) {
      return send(res, 401, {
        error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' },
      });
    }
    if (mode === 'fail') return send(res, 500, { error: { message: 'The server had an error', type: 'server_error' } });
    if (mode === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (mode === 'malformed') return send(res, 200, { object: 'chat.completion', choices: [] });
    const model = isRecord(body) && typeof body.model === 'string' ? body.model : 'unknown';
    const content = mode === 'empty' ? '' : `Phrased: ${firstPassage(body)}`;
    return send(res, 200, {
      id: `chatcmpl-standin-${recorded.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The user message lists passages as lines "[1] ...", "[2] ..."; the stand-in rephrases the first. */
function firstPassage(body: unknown): string {
  if (!isRecord(body) || !Array.isArray(body.messages)) return '';
  const user = body.messages.find((m: unknown) => isRecord(m) && m.role === 'user');
  const content = isRecord(user) && typeof user.content === 'string' ? user.content : '';
  const passage = /^\[1\] (.*)$/m.exec(content);
  return passage?.[1] ?? content;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
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

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
