// Inbox search (worker/tickets/search.ts) on local workerd (`wrangler dev`) against an account with
// 100,000 tickets, each with a requester email and a three-message conversation in the search index
// (300,000 messages over a 48-word vocabulary, so common words are in tens of thousands of tickets,
// plus one word per ticket only it has). Times GET /api/tickets?q=… end to end: first pages of
// several kinds of search in several views, and pages deep into a common word's results, with the
// workerd CPU per search (from /proc), which unlike the wall-clock figures a busy machine doesn't move.
import { loadavg } from 'node:os';
import { startWorker } from '../support/worker-server';

const SEEDED_TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const worker = await startWorker({ BENCH: 'true' });
const post = async (path: string, body?: unknown) => {
  const res = await fetch(`${worker.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: worker.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res;
};
const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

try {
  const t0 = performance.now();
  await post('/__bench/seed-tickets', { count: SEEDED_TICKETS });
  for (let from = 1; from <= SEEDED_TICKETS; from += 5000)
    await post('/__bench/search/seed-messages', { from, to: from + 4999 });
  const seedMs = performance.now() - t0;
  const signIn = await post('/api/auth/sign-in', { email: 'maya@demo.test', password: 'demo-password' });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const get = async (params: Record<string, string>) => {
    const started = performance.now();
    const res = await fetch(`${worker.url}/api/tickets?${new URLSearchParams(params)}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`search ${JSON.stringify(params)}: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { tickets: unknown[]; nextCursor: string | null };
    return { ms: performance.now() - started, body };
  };

  const kinds: Array<[string, (i: number) => Record<string, string>]> = [
    ['common word (All messages)', () => ({ q: 'refund' })],
    ['two common words', () => ({ q: 'parcel late' })],
    ['prefix while typing', () => ({ q: 'ship' })],
    ['word in one ticket only', (i) => ({ q: `ref${((i * 4099) % SEEDED_TICKETS) + 1}` })],
    ['requester email', (i) => ({ q: `shopper${((i * 7919) % SEEDED_TICKETS) + 1}@example.com` })],
    ['ticket number', (i) => ({ q: `#${((i * 104729) % SEEDED_TICKETS) + 1}` })],
    ['common word, My inbox', () => ({ q: 'refund', view: 'mine' })],
    ['common word, SMS, closed', () => ({ q: 'warranty', channel: 'sms', status: 'closed' })],
    ['no match', () => ({ q: 'xylophone' })],
  ];
  const all: number[] = [];
  const lines: string[] = [];
  // workerd CPU over the timed searches (warm-ups and deep pages included in neither count nor CPU):
  // unlike the wall-clock figures it does not move with what else the machine runs.
  let cpuMs = 0;
  for (const [label, params] of kinds) {
    await get(params(0)); // warm-up
    const times: number[] = [];
    const cpuBefore = worker.cpuMs();
    for (let i = 1; i <= ROUNDS; i++) times.push((await get(params(i))).ms);
    cpuMs += worker.cpuMs() - cpuBefore;
    all.push(...times);
    lines.push(
      `  ${label.padEnd(30)} median ${pct(times, 50).toFixed(1).padStart(6)} ms   p99 ${pct(times, 99).toFixed(1).padStart(6)} ms`,
    );
  }
  // Deep pages: 20 pages of 50 into "refund", then time the next 20.
  let cursor: string | null = (await get({ q: 'refund' })).body.nextCursor;
  for (let i = 0; i < 20 && cursor; i++) cursor = (await get({ q: 'refund', cursor })).body.nextCursor;
  const deep: number[] = [];
  for (let i = 0; i < 20 && cursor; i++) {
    const page = await get({ q: 'refund', cursor });
    deep.push(page.ms);
    cursor = page.body.nextCursor;
  }
  console.log(
    `Ticket search with ${SEEDED_TICKETS.toLocaleString('en-US')} tickets and ${(SEEDED_TICKETS * 3).toLocaleString('en-US')} indexed messages (seeded in ${(seedMs / 1000).toFixed(1)} s), ${ROUNDS} searches each, first page of 50 with view counts:`,
  );
  for (const l of lines) console.log(l);
  if (deep.length)
    console.log(
      `  ${'pages 22–41 of a common word'.padEnd(30)} median ${pct(deep, 50).toFixed(1).padStart(6)} ms   p99 ${pct(deep, 99).toFixed(1).padStart(6)} ms`,
    );
  console.log(
    `  all searches                   median ${pct(all, 50).toFixed(1)} ms   p99 ${pct(all, 99).toFixed(1)} ms   ` +
      `(workerd CPU ${(cpuMs / all.length).toFixed(1)} ms per search; load average ${loadavg()[0]!.toFixed(1)})`,
  );
} finally {
  await worker.stop();
}
