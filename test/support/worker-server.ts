// Starts the real Worker with `wrangler dev` (embedded workerd, local D1/DOs/Queues/R2) on a free
// port with its own state directory, migrated and seeded exactly as `npm run dev` does it (or, with
// seed: false, left empty like a fresh deployment).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDevConfig } from '../../scripts/dev-config.mjs';

const root = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules/.bin', name);

export interface RunningWorker {
  url: string;
  stateDir: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function runOrThrow(cmd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export async function startWorker(
  extraVars: Record<string, string> = {},
  { seed = true } = {},
): Promise<RunningWorker> {
  const stateDir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  runOrThrow(bin('wrangler'), ['d1', 'migrations', 'apply', 'baton', '--local', '--persist-to', stateDir]);
  if (seed) runOrThrow(bin('tsx'), [join(root, 'scripts/seed.ts')], { BATON_PERSIST_DIR: join(stateDir, 'v3') });
  const port = await freePort();
  const varArgs = Object.entries(extraVars).flatMap(([k, v]) => ['--var', `${k}:${v}`]);
  const child: ChildProcess = spawn(
    bin('wrangler'),
    [
      'dev',
      '--config',
      writeDevConfig(),
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      stateDir,
      '--show-interactive-dev-session=false',
      ...varArgs,
    ],
    { cwd: root, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/widget.js`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`wrangler dev did not answer within 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stateDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/**
 * A POST to `wrangler dev`, sent again when wrangler's proxy answers 503 "Your worker restarted
 * mid-request". Why that happens under load (it is not a restart): the proxy worker keeps keep-alive
 * connections to the local workerd, which closes a connection idle for 5 s (kj's pipeline timeout);
 * a request the proxy sends on a connection being closed at that moment fails with "connection reset
 * by peer / stream disconnected prematurely", and for anything but GET/HEAD the proxy then answers
 * with that message instead of retrying (wrangler-dist/ProxyWorker.js compares the request's URL with
 * the worker's base URL, so the "restarted" branch is taken for every path but "/"). It appears once
 * requests take ~5 s, i.e. at 100+ concurrent conversations on a small machine. Only use it for
 * requests that are safe to repeat (the widget's messages are idempotent by clientId); `retries`
 * counts how often it happened, so a bench can print it.
 */
export async function postThroughDevProxy(
  url: string,
  init: RequestInit,
  retries: { count: number },
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { ...init, method: 'POST' });
    if (res.status !== 503 || attempt >= 5) return res;
    const text = await res.text();
    if (!text.startsWith('Your worker restarted mid-request'))
      return new Response(text, { status: res.status, headers: res.headers });
    retries.count += 1;
  }
}
