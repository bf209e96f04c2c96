import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { call, db, demoAccount, otherAccount } from './helpers';
import {
  bearer,
  historyHttp,
  sendHttp,
  ShopperSocket,
  startConversation,
  startIdentifiedConversation,
} from './widget-client';
import { conversations, events, profiles } from '../../worker/db/schema';
import { writeSection } from '../../worker/settings/store';
import { readSettings } from '../../worker/settings/store';
import { roomOf } from '../../worker/durable/namespaces';
import { MAX_MESSAGE_CHARS, MAX_MESSAGES_PER_MINUTE } from '../../worker/protocol/limits';

const eventsOf = (conversationId: string) =>
  db().select().from(events).where(eq(events.conversationId, conversationId)).orderBy(events.occurredAt);

describe('starting a conversation', () => {
  it('needs a known site key: 401 with a clear message', async () => {
    const res = await call('POST', '/api/widget/conversations', {
      body: { siteKey: 'pk_nope' },
      origin: 'https://shop.example',
    });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error: { code: 'unknown_site_key', message: expect.stringContaining('site key') },
    });
  });

  it('refuses an origin the merchant did not list (403), accepts a listed one', async () => {
    const other = await otherAccount('origins');
    const settings = await readSettings(db(), other.accountId);
    await writeSection(db(), other.accountId, null, 'general', {
      ...settings.general,
      allowedOrigins: ['https://good.example'],
    });
    const bad = await call('POST', '/api/widget/conversations', {
      body: { siteKey: other.siteKey },
      origin: 'https://evil.example',
    });
    expect(bad.status).toBe(403);
    expect(bad.json).toMatchObject({ error: { code: 'origin_not_allowed' } });
    const good = await call('POST', '/api/widget/conversations', {
      body: { siteKey: other.siteKey },
      origin: 'https://good.example',
    });
    expect(good.status).toBe(201);
    expect(good.headers.get('access-control-allow-origin')).toBe('https://good.example');
  });

  it('returns a random conversation id, a resume token and the display config; indexes it in D1', async () => {
    const conv = await startConversation();
    expect(conv.conversationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(conv.resumeToken).toMatch(/^rt_[0-9a-f]{48}$/);
    expect(conv.config).toMatchObject({
      agentName: expect.any(String),
      greeting: expect.any(String),
      brandColor: expect.stringMatching(/^#/),
    });
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row).toMatchObject({ channel: 'web_chat', status: 'open', profileId: null });
  });
});

describe('messages over WebSocket', () => {
  it('stores before acknowledging, answers, and resumes with exactly the missing messages', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    ws.send({ type: 'resume', lastSeq: 0 });
    expect((await ws.next('history')).messages).toEqual([]);

    const clientId = crypto.randomUUID();
    ws.send({ type: 'message', clientId, text: 'do you ship to Canada?' });
    const ack = await ws.next('ack');
    expect(ack).toEqual({ type: 'ack', clientId, seq: 1 });
    // The ack means it is stored: the HTTP history (a different path into the object) has it.
    const stored = await historyHttp(conv);
    expect(stored.json.messages[0]).toMatchObject({
      seq: 1,
      role: 'shopper',
      text: 'do you ship to Canada?',
      clientId,
    });
    const reply = await ws.next('message', (f) => f.message.role === 'agent');
    expect(reply.message.seq).toBe(2);
    expect(reply.message.text).toMatch(/Canada/);
    ws.close();

    // Another message arrives while the shopper is away (HTTP path), then they reconnect from seq 2.
    await sendHttp(conv, 'thanks!');
    const back = await ShopperSocket.open(conv);
    back.send({ type: 'resume', lastSeq: 2 });
    const history = await back.next('history');
    expect(history.messages.map((m) => m.seq)).toEqual([3, 4]);
    expect(history.messages[0]).toMatchObject({ role: 'shopper', text: 'thanks!' });
    back.close();
  });

  it('stores a message sent three times with one client id once', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    const clientId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) ws.send({ type: 'message', clientId, text: 'hello there' });
    const acks = [await ws.next('ack'), await ws.next('ack'), await ws.next('ack')];
    expect(new Set(acks.map((a) => a.seq))).toEqual(new Set([1]));
    const viaHttp = await sendHttp(conv, 'hello there', clientId);
    expect(viaHttp.json.ack.seq).toBe(1);
    const all = (await historyHttp(conv)).json.messages;
    expect(all.filter((m) => m.role === 'shopper')).toHaveLength(1);
    expect(all.filter((m) => m.role === 'agent')).toHaveLength(1);
    ws.close();
  });

  it('loses nothing acknowledged when the Durable Object restarts', async () => {
    const conv = await startConversation();
    const a = await sendHttp(conv, 'What is your return policy?');
    const b = await sendHttp(conv, 'hello');
    expect(a.status).toBe(200);
    expect(b.json.ack.seq).toBeGreaterThan(a.json.ack.seq);
    const before = (await historyHttp(conv)).json.messages;
    const account = await demoAccount();
    const stub = roomOf(env, account.id, conv.conversationId);
    await runInDurableObject(stub, (_instance, state) => {
      try {
        state.abort('simulated restart');
      } catch {
        // abort() throws inside the aborted object; that is the restart.
      }
    }).catch(() => undefined);
    const after = (await historyHttp(conv)).json.messages;
    expect(after).toEqual(before);
    const c = await sendHttp(conv, 'hello again');
    expect(c.json.ack.seq).toBe(before.length + 1);
  });

  it('refuses bad frames and oversized messages with an error frame and stores nothing', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    ws.send('not json');
    expect(await ws.next('error')).toMatchObject({ code: 'bad_frame' });
    ws.send({ type: 'shout', text: 'hi' });
    expect(await ws.next('error')).toMatchObject({ code: 'invalid_frame' });
    ws.send({ type: 'message', clientId: 'not-a-uuid', text: 'hi' });
    expect(await ws.next('error')).toMatchObject({
      code: 'invalid_frame',
      message: expect.stringContaining('clientId'),
    });
    const longId = crypto.randomUUID();
    ws.send({ type: 'message', clientId: longId, text: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
    expect(await ws.next('error')).toMatchObject({
      code: 'invalid_frame',
      clientId: longId,
      message: expect.stringContaining('text'),
    });
    ws.send(JSON.stringify({ type: 'message', clientId: crypto.randomUUID(), text: 'y'.repeat(20_000) }));
    expect(await ws.next('error')).toMatchObject({ code: 'frame_too_large' });
    expect((await historyHttp(conv)).json.messages).toEqual([]);

    const http = await call('POST', `/api/widget/conversations/${conv.conversationId}/messages`, {
      body: { clientId: crypto.randomUUID(), text: '' },
      headers: bearer(conv.resumeToken),
    });
    expect(http.status).toBe(400);
    expect(http.json).toMatchObject({ error: { details: [expect.objectContaining({ field: 'text' })] } });
    expect((await historyHttp(conv)).json.messages).toEqual([]);
    ws.close();
  });

  it('limits frames per second per socket', async () => {
    const conv = await startConversation();
    const ws = await ShopperSocket.open(conv);
    for (let i = 0; i < 15; i++) ws.send({ type: 'resume', lastSeq: 0 });
    expect(await ws.next('error')).toMatchObject({ code: 'rate_limited' });
    ws.close();
  });

  it('limits shopper messages per conversation per minute', async () => {
    const conv = await startConversation();
    for (let i = 0; i < MAX_MESSAGES_PER_MINUTE; i++) expect((await sendHttp(conv, `hello ${i}`)).status).toBe(200);
    const refused = await sendHttp(conv, 'one too many');
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('refuses a wrong resume token, and a conversation id from another account is 404', async () => {
    const conv = await startConversation();
    const wrong = await call('GET', `/api/widget/conversations/${conv.conversationId}/messages`, {
      headers: bearer('rt_wrong'),
    });
    expect(wrong.status).toBe(401);
    const socket = await ShopperSocket.open(conv, 'rt_wrong').catch((e: { status: number }) => e);
    expect(socket).toMatchObject({ status: 401 });
    const missing = await call('GET', `/api/widget/conversations/${crypto.randomUUID()}/messages`, {
      headers: bearer(conv.resumeToken),
    });
    expect(missing.status).toBe(404);
  });
});

describe('resolution and events', () => {
  it('resolves on "yes" and writes Started Conversation and Conversation Resolved once each', async () => {
    const conv = await startConversation();
    const first = await sendHttp(conv, 'do you ship to Canada?');
    const answer = first.json.messages.find((m) => m.role === 'agent');
    expect(answer?.prompt).toBe('confirm_resolution');
    const feedbackId = crypto.randomUUID();
    for (let i = 0; i < 2; i++) {
      const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/feedback`, {
        body: { clientId: feedbackId, resolved: true },
        headers: bearer(conv.resumeToken),
      });
      expect(res.status).toBe(200);
    }
    expect((await historyHttp(conv)).json.status).toBe('resolved');
    const evs = await eventsOf(conv.conversationId);
    expect(evs.map((e) => e.name)).toEqual(['Started Conversation', 'Conversation Resolved']);
    expect(evs[0]!.properties).toEqual({
      conversationId: conv.conversationId,
      channel: 'web_chat',
      profile: null,
      firstMessage: 'do you ship to Canada?',
    });
    expect(evs[1]!.properties).toMatchObject({
      conversationId: conv.conversationId,
      channel: 'web_chat',
      skill: 'answer',
      tags: expect.arrayContaining(['shipping']),
      resolutionTimeSeconds: expect.any(Number),
      profile: null,
    });
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row).toMatchObject({ status: 'resolved', skill: 'answer' });
  });

  it('resolves by the idle alarm when the shopper goes quiet after an answer', async () => {
    const conv = await startConversation();
    await sendHttp(conv, 'What is your return policy?');
    const account = await demoAccount();
    const stub = roomOf(env, account.id, conv.conversationId);
    // Pretend the last shopper message was long ago, then fire the alarm the object scheduled.
    await runInDurableObject(stub, async (_instance, state) => {
      expect(await state.storage.getAlarm()).not.toBeNull();
      const row = state.storage.sql.exec<{ data: string }>('SELECT data FROM meta').one();
      const meta = JSON.parse(row.data) as { lastShopperAt: number };
      meta.lastShopperAt -= 24 * 60 * 60 * 1000;
      state.storage.sql.exec('UPDATE meta SET data = ?', JSON.stringify(meta));
    });
    const { runDurableObjectAlarm } = await import('cloudflare:test');
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await historyHttp(conv)).json.status).toBe('resolved');
    const evs = await eventsOf(conv.conversationId);
    expect(evs.filter((e) => e.name === 'Conversation Resolved')).toHaveLength(1);
    expect(evs.find((e) => e.name === 'Conversation Resolved')!.properties).toMatchObject({ resolvedBy: 'idle' });
  });

  it('does not resolve by idle time a conversation that was escalated', async () => {
    const conv = await startIdentifiedConversation();
    await sendHttp(conv, 'What is your return policy?');
    await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    const account = await demoAccount();
    const { runDurableObjectAlarm } = await import('cloudflare:test');
    await runDurableObjectAlarm(roomOf(env, account.id, conv.conversationId));
    expect((await historyHttp(conv)).json.status).toBe('escalated');
    const names = (await eventsOf(conv.conversationId)).map((e) => e.name);
    expect(names).not.toContain('Conversation Resolved');
  });

  it('writes Conversation Escalated once per escalation with reason, skill and tags', async () => {
    const conv = await startIdentifiedConversation();
    await sendHttp(conv, 'What is your return policy?');
    const clientId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) {
      await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
        body: { clientId },
        headers: bearer(conv.resumeToken),
      });
    }
    const escalated = (await eventsOf(conv.conversationId)).filter((e) => e.name === 'Conversation Escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.properties).toMatchObject({
      conversationId: conv.conversationId,
      channel: 'web_chat',
      escalationReason: 'shopper requested',
      skill: 'answer',
      tags: expect.arrayContaining(['returns']),
      profile: escalated[0]!.profileId,
    });
    expect(escalated[0]!.profileId).not.toBeNull();
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row).toMatchObject({ status: 'escalated', escalationReason: 'shopper requested' });
  });

  it('escalates on a typed request for a human, with the rule recorded', async () => {
    const conv = await startIdentifiedConversation();
    const res = await sendHttp(conv, 'Can I talk to a real agent?');
    expect(res.json.messages.at(-1)).toMatchObject({ role: 'system' });
    const ev = (await eventsOf(conv.conversationId)).find((e) => e.name === 'Conversation Escalated');
    expect(ev?.properties).toMatchObject({ escalationReason: 'shopper requested', rule: 'human_request' });
  });

  it('writes Received Product Recommendation with product ids and SKUs', async () => {
    const conv = await startConversation();
    const res = await sendHttp(conv, 'I need running shoes under $100');
    const cards = res.json.messages.find((m) => m.role === 'agent')!.cards;
    expect(cards.length).toBeGreaterThan(0);
    const ev = (await eventsOf(conv.conversationId)).find((e) => e.name === 'Received Product Recommendation');
    expect(ev?.properties).toMatchObject({
      productIds: cards.map((c) => c.id),
      skus: cards.map((c) => c.sku),
      channel: 'web_chat',
    });
  });

  it('links an anonymous conversation and its events to the profile when the shopper identifies', async () => {
    const account = await demoAccount();
    const conv = await startConversation();
    await sendHttp(conv, 'hello');
    const token = await sign(
      { sub: 'cust-42', email: 'jo@example.com', name: 'Jo', exp: Math.floor(Date.now() / 1000) + 600 },
      account.identityKey,
      'HS256',
    );
    const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/identify`, {
      body: { identityToken: token },
      headers: bearer(conv.resumeToken),
    });
    expect(res.status).toBe(200);
    const profile = await db().query.profiles.findFirst({
      where: and(eq(profiles.accountId, account.id), eq(profiles.externalId, 'cust-42')),
    });
    expect(profile).toMatchObject({ email: 'jo@example.com', name: 'Jo' });
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row?.profileId).toBe(profile!.id);
    const started = (await eventsOf(conv.conversationId)).find((e) => e.name === 'Started Conversation');
    expect(started).toMatchObject({
      profileId: profile!.id,
      properties: expect.objectContaining({ profile: profile!.id }),
    });
  });

  it('refuses identity tokens that are expired, forged or minted for another account', async () => {
    const account = await demoAccount();
    const other = await otherAccount('tokens');
    const otherKey = (await db().query.accounts.findFirst({ where: (a, { eq: e }) => e(a.id, other.accountId) }))!
      .identityKey;
    const conv = await startConversation();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      await sign({ sub: 'x', exp: now - 10 }, account.identityKey, 'HS256'),
      await sign({ sub: 'x', exp: now + 600 }, 'not-the-key', 'HS256'),
      await sign({ sub: 'x', exp: now + 600 }, otherKey, 'HS256'),
      'not.a.jwt',
    ];
    for (const identityToken of cases) {
      const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/identify`, {
        body: { identityToken },
        headers: bearer(conv.resumeToken),
      });
      expect(res.status).toBe(401);
    }
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row?.profileId).toBeNull();
  });
});
