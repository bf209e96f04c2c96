// Shopper message → Customer Agent reply latency, at 100 concurrent conversations, on local workerd
// (`wrangler dev`). Each conversation sends its messages one after another over the HTTP path, which
// answers only once the reply is stored, so each sample is the full message-to-reply time.
import { startWorker } from '../support/worker-server';

const CONVERSATIONS = 100;
const MESSAGES_EACH = 5;
const QUESTIONS = ['do you ship to Canada?', 'What is your return policy?', 'I need running shoes under $100', 'hello', 'how do I wash merino wool?'];

const worker = await startWorker();
try {
  const origin = { origin: 'https://shop.example' };
  const cfg = await (await fetch(`${worker.url}/`)).text();
  const siteKey = /data-site-key="([^"]+)"/.exec(cfg)?.[1];
  if (!siteKey) throw new Error('demo storefront has no site key');

  const run = async (conversations: number) => {
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, i) => {
      const res = await fetch(`${worker.url}/api/widget/conversations`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...origin }, body: JSON.stringify({ siteKey }),
      });
      const conv = (await res.json()) as { conversationId: string; resumeToken: string };
      for (let m = 0; m < MESSAGES_EACH; m++) {
        const t0 = performance.now();
        const sent = await fetch(`${worker.url}/api/widget/conversations/${conv.conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.resumeToken}`, ...origin },
          body: JSON.stringify({ clientId: crypto.randomUUID(), text: QUESTIONS[(i + m) % QUESTIONS.length] }),
        });
        const body = (await sent.json()) as { messages?: Array<{ role: string }> };
        if (!sent.ok || !body.messages?.some((x) => x.role !== 'shopper')) throw new Error(`no reply: ${sent.status}`);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const wall = performance.now() - started;
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;
  console.log(`Message → agent reply, ${conversations} concurrent conversation(s) × ${MESSAGES_EACH} messages (local workerd)`);
  console.log(`  median ${pct(50).toFixed(1)} ms   p99 ${pct(99).toFixed(1)} ms   max ${samples.at(-1)!.toFixed(1)} ms   ` +
    `(${samples.length} replies in ${(wall / 1000).toFixed(1)} s, ${(samples.length / (wall / 1000)).toFixed(0)} replies/s)`);
  };
  await run(1); // unloaded, for scale
  await run(CONVERSATIONS);
} finally {
  await worker.stop();
}
