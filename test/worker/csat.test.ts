// CSAT: the shopper of a conversation rates its closed ticket with the conversation's resume token.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { env } from 'cloudflare:workers';
import { sign } from 'hono/jwt';
import { call, db, insertTicket, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { freshStore } from './insights-helpers';
import { continuationTicket, switchEmailOn } from './email-helpers';
import { bearer, historyHttp, startConversation, sendHttp, ShopperSocket } from './widget-client';
import { accounts, events, tickets } from '../../worker/db/schema';
import { roomOf } from '../../worker/durable/namespaces';
import { csatResponses } from '../../worker/db/schema-insights';

describe('CSAT', () => {
  it('is refused before the ticket closes, stored once after, and recorded as an event', async () => {
    const store = await freshStore('csat');
    const conv = await startConversation({ siteKey: store.siteKey });
    await sendHttp(conv, 'Do you ship to Canada?');
    const ticket = await insertTicket(store.accountId, { conversationId: conv.conversationId, subject: 'Shipping' });
    const rate = (body: Record<string, unknown>) =>
      call<{ rating: { rating: number; comment: string | null } }>('POST', '/api/csat', {
        origin: 'https://shop.example',
        body: { conversationId: conv.conversationId, resumeToken: conv.resumeToken, ...body },
      });
    const status = () =>
      call<{ canRate: boolean; rating: number | null }>('GET', `/api/csat?conversationId=${conv.conversationId}`, {
        origin: 'https://shop.example',
        headers: { authorization: `Bearer ${conv.resumeToken}` },
      });

    expect((await status()).json).toEqual({ canRate: false, rating: null });
    const early = await rate({ rating: 5 });
    expect(early.status).toBe(409);
    expect(early.text).toContain('no_closed_ticket');

    const closed = await call('PATCH', `/api/tickets/${ticket.id}/status`, {
      cookie: store.cookie,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    expect((await status()).json).toEqual({ canRate: true, rating: null });

    expect((await rate({ rating: 6 })).status).toBe(400);
    expect((await rate({ rating: 4, resumeToken: 'rt_wrong' })).status).toBe(401);
    const first = await rate({ rating: 4, comment: 'Quick and kind' });
    expect(first.status).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(first.json.rating).toMatchObject({ rating: 4, comment: 'Quick and kind' });
    const retry = await rate({ rating: 4, comment: 'Quick and kind' });
    expect(retry.status).toBe(200);
    const changed = await rate({ rating: 1 });
    expect(changed.status).toBe(409);
    expect(changed.text).toContain('already_rated');
    expect((await status()).json).toEqual({ canRate: false, rating: 4 });

    const rows = await db().select().from(csatResponses).where(eq(csatResponses.accountId, store.accountId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ticketId: ticket.id, rating: 4, channel: 'web_chat' });
    const recorded = await db()
      .select()
      .from(events)
      .where(and(eq(events.accountId, store.accountId), eq(events.name, 'CSAT Submitted')));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.properties).toMatchObject({
      conversationId: conv.conversationId,
      ticketId: ticket.id,
      rating: 4,
      comment: 'Quick and kind',
      channel: 'web_chat',
    });

    // It shows up on the dashboard.
    const today = new Date().toISOString().slice(0, 10);
    const report = await call<{ totals: { csatResponses: number; csatAverage: number } }>(
      'GET',
      `/api/reports/performance?from=${today}&to=${today}`,
      { cookie: store.cookie },
    );
    expect(report.json.totals).toMatchObject({ csatResponses: 1, csatAverage: 4 });
  });

  it('closing a web-chat ticket posts one rating prompt; the shopper rates once through it', async () => {
    const acc = await freshAccount('csat-prompt', 1);
    await acc.online(acc.agents[0]!.id);
    const identityKey = (await db().query.accounts.findFirst({ where: eq(accounts.id, acc.accountId) }))!.identityKey;
    const sub = `cust-${crypto.randomUUID().slice(0, 8)}`;
    const identityToken = await sign(
      { sub, email: `${sub}@shopper.test`, exp: Math.floor(Date.now() / 1000) + 600 },
      identityKey,
      'HS256',
    );
    const conv = await startConversation({ siteKey: acc.siteKey, identityToken });
    await sendHttp(conv, 'Where is my parcel?');
    const escalated = await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    expect(escalated.status).toBe(200);
    const [ticket] = await db().select().from(tickets).where(eq(tickets.conversationId, conv.conversationId));
    expect(ticket).toMatchObject({ helpdesk: 'inbox', channel: 'web_chat' });
    const csatPrompts = async () => (await historyHttp(conv)).json.messages.filter((m) => m.prompt === 'csat');
    expect(await csatPrompts()).toEqual([]);

    // The shopper's open widget hears the prompt live.
    const ws = await ShopperSocket.open(conv);
    const cookie = await signIn(acc.owner.email);
    const close = () => call('PATCH', `/api/tickets/${ticket!.id}/status`, { cookie, body: { status: 'closed' } });
    expect((await close()).status).toBe(200);
    const live = await ws.next('message', (f) => f.message.prompt === 'csat');
    expect(live.message).toMatchObject({
      role: 'system',
      clientId: `csat:${ticket!.id}`,
      text: 'How did we do? Rate your conversation from 1 to 5.',
    });
    ws.close();

    // Closing again (a retried request, or reopen then close) asks no more.
    await close();
    expect((await roomOf(env, acc.accountId, conv.conversationId).ticketClosed(ticket!.id)).ok).toBe(true);
    expect(await csatPrompts()).toHaveLength(1);

    const rate = () =>
      call('POST', '/api/csat', {
        origin: 'https://shop.example',
        body: { conversationId: conv.conversationId, resumeToken: conv.resumeToken, rating: 4, comment: 'Kind' },
      });
    expect((await rate()).status).toBe(201);
    expect((await rate()).status).toBe(200);
    const rows = await db().select().from(csatResponses).where(eq(csatResponses.accountId, acc.accountId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ticketId: ticket!.id,
      rating: 4,
      comment: 'Kind',
      channel: 'web_chat',
      profileId: ticket!.profileId,
    });
  });

  it('an email continuation gets no rating prompt in web chat', async () => {
    const acc = await freshAccount('csat-email', 1);
    await switchEmailOn(acc.accountId, 'csat-email');
    const conv = await startConversation({ siteKey: acc.siteKey });
    await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/handoff-email`, {
      body: { clientId: crypto.randomUUID(), email: 'anon@buyer.test' },
      headers: bearer(conv.resumeToken),
    });
    expect(res.status).toBe(200);
    const ticket = await continuationTicket(conv.conversationId);
    const cookie = await signIn(acc.owner.email);
    expect(
      (await call('PATCH', `/api/tickets/${ticket!.id}/status`, { cookie, body: { status: 'closed' } })).status,
    ).toBe(200);
    expect((await historyHttp(conv)).json.messages.filter((m) => m.prompt === 'csat')).toEqual([]);
    // Nor in its email conversation: the shopper is not in a widget there.
    const email = await roomOf(env, acc.accountId, ticket!.conversationId!).transcript();
    expect(email.ok && email.value.messages.filter((m) => m.prompt === 'csat')).toEqual([]);
  });

  it('an unknown conversation is 404; the track API cannot forge a CSAT event', async () => {
    const store = await freshStore('csat-404');
    const res = await call('POST', '/api/csat', {
      body: { conversationId: crypto.randomUUID(), resumeToken: 'rt_x', rating: 3 },
    });
    expect(res.status).toBe(404);
    const forged = await call('POST', '/api/track', {
      origin: null,
      headers: { authorization: `Bearer ${store.apiKey}` },
      body: { id: 'x', event: 'CSAT Submitted', profile: { externalId: 'c' } },
    });
    expect(forged.status).toBe(400);
  });
});
