// Round-robin assignment through the per-account Dispatcher, on local workerd (`wrangler dev`):
// assignments per second and latency per assignment, with a bare Durable Object counter measured in
// the same run for scale. Then the inbox's ticket list against an account with 100,000 tickets.
//
// Each /__bench/assign does what the handoff does for an Inbox ticket (insert the ticket row, call
// ticketCreated); "in object" is the ticketCreated call alone, timed inside the Worker. The counter
// is one RPC into a Durable Object that bumps a SQLite row: the platform's floor on this machine.
// /__bench/insert is the ticket insert alone, measured too so the Dispatcher's own CPU share shows.
import { loadavg } from 'node:os';
import { startWorker } from '../support/worker-server';

const CONCURRENCY = 16;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = 100;
const SEEDED_TICKETS = 100_000;

interface Sample {
  total: number;
  inObject: number;
}

const worker = await startWorker({ BENCH: 'true' });
const post = async (path: string, body?: unknown) => {
  const res = await fetch(`${worker.url}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json', origin: worker.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
};

interface Run {
  samples: Sample[];
  wallMs: number;
  /** workerd CPU time per request (ms), from /proc: does not move with the machine's other load. */
  cpuPerRequest: number;
}

async function run(path: string, count: number, body?: unknown): Promise<Run> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  const cpuBefore = worker.cpuMs();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++;
        const t0 = performance.now();
        const answer = (await (await post(path, body)).json()) as { ms: number };
        samples.push({ total: performance.now() - t0, inObject: answer.ms });
      }
    }),
  );
  const wallMs = performance.now() - started;
  // The Dispatcher applies its writes right after answering: wait for them, so their CPU is counted.
  await new Promise((r) => setTimeout(r, 500));
  return { samples, wallMs, cpuPerRequest: (worker.cpuMs() - cpuBefore) / samples.length };
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const line = (label: string, r: Run) => {
  const total = r.samples.map((s) => s.total);
  const inside = r.samples.map((s) => s.inObject);
  return (
    `  ${label.padEnd(22)} ${(r.samples.length / (r.wallMs / 1000)).toFixed(0).padStart(6)} /s   ` +
    `request p50 ${pct(total, 50).toFixed(1)} ms  p99 ${pct(total, 99).toFixed(1)} ms   ` +
    `in object p50 ${pct(inside, 50).toFixed(1)} ms  p99 ${pct(inside, 99).toFixed(1)} ms   ` +
    `${r.cpuPerRequest.toFixed(2)} ms CPU/request`
  );
};

try {
  const setup = (await (await post('/__bench/setup')).json()) as {
    online: number;
    accountId: string;
    settingsVersion: number;
  };
  const handoff = { accountId: setup.accountId, settingsVersion: setup.settingsVersion };
  await run('/__bench/counter', WARMUP);
  await run('/__bench/insert', WARMUP, handoff);
  await run('/__bench/assign', WARMUP, handoff);
  const loadBefore = loadavg()[0]!.toFixed(1);
  const counter = await run('/__bench/counter', REQUESTS);
  const insert = await run('/__bench/insert', REQUESTS, handoff);
  const assign = await run('/__bench/assign', REQUESTS, handoff);
  console.log(
    `Assignment rate: ${REQUESTS} requests, ${CONCURRENCY} concurrent, ${setup.online} agents Online (local workerd; load average ${loadBefore} before, ${loadavg()[0]!.toFixed(1)} after)`,
  );
  console.log(line('bare DO counter', counter));
  console.log(line('ticket insert alone', insert));
  console.log(line('Dispatcher round robin', assign));
  console.log(
    `  Dispatcher at ${((assign.samples.length / assign.wallMs / (counter.samples.length / counter.wallMs)) * 100).toFixed(0)}% of the bare counter's rate ` +
      "(each request: the handoff's ticket insert into D1, then ticketCreated with that row and the settings version the room holds; " +
      'the Dispatcher reads nothing from D1 and answers before its assignment write, which its outbox applies right after)',
  );
  console.log(
    `  workerd CPU per request: the Dispatcher path uses ${(assign.cpuPerRequest / counter.cpuPerRequest).toFixed(1)}× the counter's ` +
      `(a rate of ${((counter.cpuPerRequest / assign.cpuPerRequest) * 100).toFixed(0)} % of the counter's once both saturate it; this ratio does not move with other load)`,
  );
  console.log(
    `  of which the ticket insert ${insert.cpuPerRequest.toFixed(2)} ms and the Dispatcher (its RPC, decision and outbox write to D1) ` +
      `${(assign.cpuPerRequest - insert.cpuPerRequest).toFixed(2)} ms`,
  );

  // The inbox list against a big account: first pages of each view and a page deep in the history.
  const seeded = performance.now();
  await post('/__bench/seed-tickets', { count: SEEDED_TICKETS });
  const seedMs = performance.now() - seeded;
  const signIn = await fetch(`${worker.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: worker.url },
    body: JSON.stringify({ email: 'maya@demo.test', password: 'demo-password' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (query: string) => {
    const t0 = performance.now();
    const res = await fetch(`${worker.url}/api/tickets?${query}`, { headers: { cookie } });
    const body = (await res.json()) as { nextCursor: string | null; counts: Record<string, number> };
    return { ms: performance.now() - t0, body };
  };
  const views = ['view=all', 'view=mine', 'view=unassigned', 'view=all&channel=sms', 'view=all&status=closed'];
  const first: number[] = [];
  for (let i = 0; i < 20; i++) for (const v of views) first.push((await get(v)).ms);
  // Walk 40 pages into "All messages" (2,000 tickets deep), then time pages from there.
  let cursor = (await get('view=all&limit=50')).body.nextCursor;
  for (let i = 0; i < 40 && cursor; i++) cursor = (await get(`view=all&limit=50&cursor=${cursor}`)).body.nextCursor;
  const deep: number[] = [];
  for (let i = 0; i < 50 && cursor; i++) {
    const page = await get(`view=all&limit=50&cursor=${cursor}`);
    deep.push(page.ms);
    cursor = page.body.nextCursor;
  }
  const counts = (await get('view=all')).body.counts;
  console.log(
    `Ticket list with ${SEEDED_TICKETS.toLocaleString('en-US')} more tickets (seeded in ${(seedMs / 1000).toFixed(1)} s; open counts all ${counts.all}, mine ${counts.mine}, unassigned ${counts.unassigned})`,
  );
  console.log(
    `  first page of a view (with its three counts)  median ${pct(first, 50).toFixed(1)} ms   p99 ${pct(first, 99).toFixed(1)} ms`,
  );
  console.log(
    `  page 41–90 of All messages (keyset cursor)     median ${pct(deep, 50).toFixed(1)} ms   p99 ${pct(deep, 99).toFixed(1)} ms`,
  );
} finally {
  await worker.stop();
}
