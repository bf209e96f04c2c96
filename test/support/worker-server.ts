// Starts the real Worker with `wrangler dev` (embedded workerd, local D1/DOs/Queues/R2) on a free
// port with its own state directory, migrated and seeded exactly as `npm run dev` does it (or, with
// seed: false, left empty like a fresh deployment).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDevConfig } from '../../scripts/dev-config.mjs';

const root = new URL('../../', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules/.bin', name);

export interface RunningWorker {
  url: string;
  stateDir: string;
  /** CPU time (user + system, ms) used so far by the workerd processes serving this worker (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * CPU time of every workerd process below `pid` (wrangler runs its proxy and the worker each in one),
 * from /proc: a figure that, unlike wall-clock throughput, does not move with what else the machine runs.
 */
function workerdCpuMs(pid: number): number {
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  const stats = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        // Fields after the command name (which may hold spaces) start at ") ".
        const rest = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        return {
          pid: Number(d),
          comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
          ppid: Number(rest[1]),
          ticks: Number(rest[11]) + Number(rest[12]),
        };
      } catch {
        return null; // exited meanwhile
      }
    })
    .filter((x) => x !== null);
  const below = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of stats)
      if (!below.has(p.pid) && below.has(p.ppid)) {
        below.add(p.pid);
        grew = true;
      }
  }
  return stats.filter((p) => below.has(p.pid) && p.comm === 'workerd').reduce((t, p) => t + p.ticks, 0) / ticksPerMs;
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
    cpuMs: () => workerdCpuMs(child.pid ?? 0),
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
 * mid-request", and counted so a bench prints how often. Earlier wrangler versions answered it when
 * workerd closed an idle keep-alive connection (5 s) just as the proxy reused it (seen at 100+
 * concurrent conversations). wrangler 4.164's proxy (wrangler-dist/ProxyWorker.js) retries such a
 * dropped connection itself for GET/HEAD, answers this 503 only when the worker's address changed (a
 * real reload), and lets a POST on a dropped connection fail, which a bench reports as a failed size
 * rather than hiding; every run of session 5 counted 0. Only for requests that are safe to repeat
 * (the widget's messages are idempotent by clientId).
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
