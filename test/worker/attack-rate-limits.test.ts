// Flooding the anonymous widget API (issue 13, item 6): thousands of conversations from one address,
// and scripted email handoffs to arbitrary addresses (each one an Inbox ticket and an email from the
// team). Limits are Cloudflare's rate-limiting binding (wrangler.jsonc), real in the test pool too.
// Its windows are fixed minutes, so every test sends enough to be refused even if one window rolls over
// mid-test (limit L, 2L + margin attempts), and checks that refused requests stored nothing.
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { call, db } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { switchEmailOn } from './email-helpers';
import { bearer, ShopperSocket } from './widget-client';
import { conversations, tickets } from '../../worker/db/schema';
import type { StartConversationResponse } from '../../worker/protocol/widget';
import { env, exports } from 'cloudflare:workers';

const PER_ADDRESS_STARTS = 30;
const PER_ADDRESS_HANDOFFS = 5;
const PER_ADDRESS_FILES = 10;
const address = () => `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

const start = (siteKey: string, ip: string | null) =>
  call<StartConversationResponse>('POST', '/api/widget/conversations', {
    body: { siteKey },
    origin: 'https://shop.example',
    headers: ip ? { 'cf-connecting-ip': ip } : {},
  });

async function pendingEmailHandoff(siteKey: string, ip: string): Promise<StartConversationResponse> {
  const conv = await start(siteKey, ip);
  expect(conv.status).toBe(201);
  // An anonymous shopper asking for a person gets "sign in or leave your email" (web-chat auth rule).
  const escalated = await call('POST', `/api/widget/conversations/${conv.json.conversationId}/escalate`, {
    body: { clientId: crypto.randomUUID() },
    headers: bearer(conv.json.resumeToken),
  });
  expect(escalated.status).toBe(200);
  return conv.json;
}

const ticketCount = async (accountId: string) =>
  (await db().select({ n: count() }).from(tickets).where(eq(tickets.accountId, accountId)))[0]!.n;

describe('rate limits on anonymous widget work (issue 13 item 6)', () => {
  it('the bindings are configured', () => {
    expect(typeof env.CONVERSATION_STARTS_PER_ADDRESS.limit).toBe('function');
  });

  it('2,000 conversations from one address: refused after the per-address limit, nothing stored for them', async () => {
    const acc = await freshAccount('flood-starts', 1);
    const ip = address();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_STARTS + 10; i++) statuses.push((await start(acc.siteKey, ip)).status);
    expect(statuses.slice(0, PER_ADDRESS_STARTS).every((s) => s === 201)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    const [{ n }] = (await db()
      .select({ n: count() })
      .from(conversations)
      .where(eq(conversations.accountId, acc.accountId))) as [{ n: number }];
    expect(n).toBe(statuses.filter((s) => s === 201).length);
    // Another shopper (another address) is not affected.
    expect((await start(acc.siteKey, address())).status).toBe(201);
  });

  it('requests without a client address are not pooled into one bucket', async () => {
    const acc = await freshAccount('no-address', 1);
    for (let i = 0; i < PER_ADDRESS_STARTS + 10; i++) expect((await start(acc.siteKey, null)).status).toBe(201);
  });

  it('scripted email handoffs from one address over HTTP: refused after the limit, no ticket for them', async () => {
    const acc = await freshAccount('flood-handoffs', 1);
    await switchEmailOn(acc.accountId, 'flood-handoffs');
    const ip = address();
    const convs: StartConversationResponse[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_HANDOFFS + 2; i++) convs.push(await pendingEmailHandoff(acc.siteKey, ip));
    const statuses: number[] = [];
    for (const [i, conv] of convs.entries()) {
      const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/handoff-email`, {
        body: { clientId: crypto.randomUUID(), email: `victim-${i}@elsewhere.test` },
        headers: { ...bearer(conv.resumeToken), 'cf-connecting-ip': ip },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, PER_ADDRESS_HANDOFFS).every((s) => s === 200)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(await ticketCount(acc.accountId)).toBe(statuses.filter((s) => s === 200).length);
  });

  it('scripted email handoffs over the socket: refused with a rate_limited error frame, no ticket for them', async () => {
    const acc = await freshAccount('flood-socket', 1);
    await switchEmailOn(acc.accountId, 'flood-socket');
    const ip = address();
    const outcomes: string[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_HANDOFFS + 2; i++) {
      const conv = await pendingEmailHandoff(acc.siteKey, ip);
      const ws = await ShopperSocket.open(conv, conv.resumeToken, { 'cf-connecting-ip': ip });
      const clientId = crypto.randomUUID();
      ws.send({ type: 'handoff_email', clientId, email: `victim-${i}@elsewhere.test` });
      const settled = await Promise.race([
        // The branch that loses times out later; its rejection is caught, never left unhandled.
        ws
          .next('error', (f) => f.clientId === clientId)
          .then(
            (f) => f.code,
            () => 'timeout',
          ),
        ws
          .next('message', (f) => /by email/.test(f.message.text))
          .then(
            () => 'ok',
            () => 'timeout',
          ),
      ]);
      outcomes.push(settled);
      ws.close();
    }
    expect(outcomes.slice(0, PER_ADDRESS_HANDOFFS).every((o) => o === 'ok')).toBe(true);
    expect(outcomes.filter((o) => o === 'rate_limited').length).toBeGreaterThanOrEqual(2);
    const tickets = await ticketCount(acc.accountId);
    expect(tickets).toBe(outcomes.filter((o) => o === 'ok').length);
  });

  it('refused email handoffs (nothing pending, a retried press) take no slot: the shopper who then really continues by email is not limited', async () => {
    const acc = await freshAccount('handoff-refusals', 1);
    await switchEmailOn(acc.accountId, 'handoff-refusals');
    const ip = address();
    const handoff = (conv: StartConversationResponse, clientId: string) =>
      call('POST', `/api/widget/conversations/${conv.conversationId}/handoff-email`, {
        body: { clientId, email: 'anon@buyer.test' },
        headers: { ...bearer(conv.resumeToken), 'cf-connecting-ip': ip },
      });
    // Nothing pending: refused by the room, 2L + 2 times (at least L + 1 of them in one window).
    const idle = await start(acc.siteKey, ip);
    const refused: number[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_HANDOFFS + 2; i++)
      refused.push((await handoff(idle.json, crypto.randomUUID())).status);
    expect(refused.every((s) => s === 409)).toBe(true);
    // One that goes ahead, then the same press retried 2L + 2 times: answered, not limited.
    const conv = await pendingEmailHandoff(acc.siteKey, ip);
    const clientId = crypto.randomUUID();
    expect((await handoff(conv, clientId)).status).toBe(200);
    const retried: number[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_HANDOFFS + 2; i++) retried.push((await handoff(conv, clientId)).status);
    expect(retried.every((s) => s === 200)).toBe(true);
    expect(await ticketCount(acc.accountId)).toBe(1);
  });

  it('scripted file uploads from one address: refused after the limit before the body is read, nothing stored for them', async () => {
    const acc = await freshAccount('flood-files', 1);
    const ip = address();
    const conv = await start(acc.siteKey, ip);
    expect(conv.status).toBe(201);
    const { conversationId, resumeToken } = conv.json;
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
      (ch) => ch.charCodeAt(0),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 2 * PER_ADDRESS_FILES + 2; i++) {
      const res = await exports.default.fetch(
        `http://baton.test/api/widget/conversations/${conversationId}/files?clientId=${crypto.randomUUID()}&name=f${i}.png`,
        {
          method: 'POST',
          body: png,
          headers: {
            ...bearer(resumeToken),
            'content-type': 'image/png',
            'cf-connecting-ip': ip,
            origin: 'https://shop.example',
          },
        },
      );
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses.slice(0, PER_ADDRESS_FILES).every((s) => s === 201)).toBe(true);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 201 || s === 429)).toBe(true);
    const stored = await env.MEDIA.list({ prefix: `files/${conversationId}/` });
    expect(stored.objects.length).toBe(statuses.filter((s) => s === 201).length);
  });
});
