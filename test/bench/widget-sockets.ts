// Load: 1,000 concurrent widget sockets on one local server (`wrangler dev`, local workerd), each sending
// a shopper message every 5 s for 60 s (12,000 messages, about 200 a second, spread evenly). Prints how
// many messages were never acknowledged (lost), the ack latency (send → `ack` frame) and the reply
// latency (send → the agent's answer on the same socket), p50/p99/max. Goal: 0 lost.
// Node 20 has WebSocket behind --experimental-websocket, so the script re-runs itself with that flag.
import { spawnSync } from 'node:child_process';
import { startWorker } from '../support/worker-server';
import { SOCKET_PROTOCOL } from '../../worker/protocol/limits';

if (typeof WebSocket === 'undefined') {
  const r = spawnSync(process.execPath, ['--experimental-websocket', ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 1000);
const INTERVAL_MS = 5000;
const DURATION_MS = 60_000;
const DRAIN_MS = 30_000;
const QUESTIONS = [
  'do you ship to Canada?',
  'What is your return policy?',
  'I need running shoes under $100',
  'hello',
  'how do I wash merino wool?',
];

interface Pending {
  sentAt: number;
  ackAt: number | null;
  replyAt: number | null;
}

const worker = await startWorker();
try {
  const origin = 'https://shop.example';
  const page = await (await fetch(`${worker.url}/`)).text();
  const siteKey = /data-site-key="([^"]+)"/.exec(page)?.[1];
  if (!siteKey) throw new Error('demo storefront has no site key');

  // Conversations first, 50 at a time (starting them is not what is measured).
  const convs: Array<{ conversationId: string; resumeToken: string }> = [];
  for (let i = 0; i < SOCKETS; i += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, SOCKETS - i) }, async () => {
        // wrangler dev answers 503 "worker restarted mid-request" now and then under load: try again.
        for (let attempt = 1; ; attempt++) {
          const res = await fetch(`${worker.url}/api/widget/conversations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin },
            body: JSON.stringify({ siteKey }),
          });
          if (res.status === 201) return (await res.json()) as { conversationId: string; resumeToken: string };
          if (res.status !== 503 || attempt === 3)
            throw new Error(`starting a conversation: ${res.status} ${await res.text()}`);
        }
      }),
    );
    convs.push(...batch);
  }

  const pending = new Map<string, Pending>();
  let socketErrors = 0;
  let errorFrames = 0;
  const wsBase = worker.url.replace(/^http/, 'ws');
  const sockets = await Promise.all(
    convs.map(
      (conv) =>
        new Promise<{ ws: WebSocket; awaitingReply: string[] }>((resolve, reject) => {
          // The resume token travels as the second subprotocol, as the widget sends it.
          const ws = new WebSocket(`${wsBase}/api/widget/conversations/${conv.conversationId}/socket`, [
            SOCKET_PROTOCOL,
            conv.resumeToken,
          ]);
          const state = { ws, awaitingReply: [] as string[] };
          ws.addEventListener('open', () => resolve(state), { once: true });
          ws.addEventListener(
            'error',
            () => {
              socketErrors++;
              reject(new Error('socket failed to open'));
            },
            { once: true },
          );
          ws.addEventListener('message', (e) => {
            const frame = JSON.parse(String(e.data)) as { type: string; clientId?: string; message?: { role: string } };
            const now = performance.now();
            if (frame.type === 'ack' && frame.clientId) {
              const p = pending.get(frame.clientId);
              if (p && p.ackAt === null) p.ackAt = now;
            } else if (frame.type === 'message' && frame.message && frame.message.role !== 'shopper') {
              // The agent answers each message in order: the oldest message still waiting gets this reply.
              const id = state.awaitingReply.shift();
              const p = id ? pending.get(id) : undefined;
              if (p && p.replyAt === null) p.replyAt = now;
            } else if (frame.type === 'error') {
              errorFrames++;
            }
          });
        }),
    ),
  );
  console.log(`${sockets.length} sockets open`);

  const started = performance.now();
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  sockets.forEach((s, i) => {
    const offset = (i * INTERVAL_MS) / sockets.length; // spread: ~200 messages a second in total
    for (let t = offset, n = 0; t < DURATION_MS; t += INTERVAL_MS, n++) {
      timers.push(
        setTimeout(() => {
          const clientId = crypto.randomUUID();
          pending.set(clientId, { sentAt: performance.now(), ackAt: null, replyAt: null });
          s.awaitingReply.push(clientId);
          s.ws.send(JSON.stringify({ type: 'message', clientId, text: QUESTIONS[(i + n) % QUESTIONS.length] }));
        }, t),
      );
    }
  });
  await new Promise((r) => setTimeout(r, DURATION_MS));
  // Let the last messages be acknowledged and answered.
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && [...pending.values()].some((p) => p.ackAt === null || p.replyAt === null)) {
    await new Promise((r) => setTimeout(r, 250));
  }
  const wall = (performance.now() - started) / 1000;
  for (const s of sockets) s.ws.close(1000, 'bench done');

  const all = [...pending.values()];
  const acks = all
    .filter((p) => p.ackAt !== null)
    .map((p) => p.ackAt! - p.sentAt)
    .sort((a, b) => a - b);
  const replies = all
    .filter((p) => p.replyAt !== null)
    .map((p) => p.replyAt! - p.sentAt)
    .sort((a, b) => a - b);
  const pct = (xs: number[], q: number) =>
    xs.length ? xs[Math.min(xs.length - 1, Math.floor((q / 100) * xs.length))]! : NaN;
  const fmt = (xs: number[]) =>
    `p50 ${pct(xs, 50).toFixed(0)} ms   p99 ${pct(xs, 99).toFixed(0)} ms   max ${(xs.at(-1) ?? NaN).toFixed(0)} ms`;
  console.log(
    `Widget sockets: ${sockets.length} concurrent, a message every ${INTERVAL_MS / 1000} s each for ${DURATION_MS / 1000} s (local workerd, ${wall.toFixed(0)} s wall)`,
  );
  console.log(
    `  sent ${all.length}   acknowledged ${acks.length}   lost ${all.length - acks.length}   answered ${replies.length}   error frames ${errorFrames}   socket errors ${socketErrors}`,
  );
  console.log(`  ack   ${fmt(acks)}`);
  console.log(`  reply ${fmt(replies)}`);
  process.exitCode = all.length - acks.length === 0 ? 0 : 1;
} finally {
  await worker.stop();
}
