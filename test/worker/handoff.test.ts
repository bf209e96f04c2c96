import { describe, expect, it } from 'vitest';
import { env, exports } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { call, db, otherAccount, signIn } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { bearer, historyHttp, sendHttp, ShopperSocket, startConversation } from './widget-client';
import { accounts, conversations, events, tickets } from '../../worker/db/schema';
import { readSettings, writeSection } from '../../worker/settings/store';
import { channelHandoff, type ChannelHandoff, type RoutingRule } from '../../worker/settings/handoff';
import { roomOf } from '../../worker/durable/namespaces';
import type { StartConversationResponse } from '../../worker/protocol/widget';
import { continuationTicket, switchEmailOn } from './email-helpers';

async function identityKey(accountId: string) {
  return (await db().query.accounts.findFirst({ where: eq(accounts.id, accountId) }))!.identityKey;
}

async function shopperToken(accountId: string, sub = `cust-${crypto.randomUUID().slice(0, 8)}`, expInS = 600) {
  return sign(
    { sub, email: `${sub}@shopper.test`, name: 'Jo Shopper', exp: Math.floor(Date.now() / 1000) + expInS },
    await identityKey(accountId),
    'HS256',
  );
}

async function setWebChatHandoff(accountId: string, patch: Partial<ChannelHandoff>, routingRules: RoutingRule[] = []) {
  const settings = await readSettings(db(), accountId);
  const webChat = channelHandoff.parse({ ...settings.handoff.channels.web_chat, ...patch });
  await writeSection(db(), accountId, null, 'handoff', {
    channels: { ...settings.handoff.channels, web_chat: webChat },
    routingRules,
  });
}

async function escalate(conv: StartConversationResponse, clientId = crypto.randomUUID()) {
  return call<{ messages: Array<{ role: string; text: string; prompt: string | null; link: string | null }> }>(
    'POST',
    `/api/widget/conversations/${conv.conversationId}/escalate`,
    { body: { clientId }, headers: bearer(conv.resumeToken) },
  );
}

const ticketsOf = (conversationId: string) =>
  db().select().from(tickets).where(eq(tickets.conversationId, conversationId)).orderBy(tickets.createdAt);
const eventNames = async (conversationId: string) =>
  (await db().select().from(events).where(eq(events.conversationId, conversationId))).map((e) => e.name);

async function verifiedConversation(acc: FreshAccount) {
  return startConversation({ siteKey: acc.siteKey, identityToken: await shopperToken(acc.accountId) });
}

describe('method × helpdesk', () => {
  it("don't hand off: shows the custom message, records Handoff Declined, creates no ticket", async () => {
    const acc = await freshAccount('decline', 1);
    await setWebChatHandoff(acc.accountId, { method: 'none', declineMessage: 'Email us at help@shop.test please.' });
    const conv = await verifiedConversation(acc);
    await sendHttp(conv, 'What is your return policy?');
    const res = await escalate(conv);
    expect(res.json.messages.at(-1)).toMatchObject({ role: 'agent', text: 'Email us at help@shop.test please.' });
    expect(await ticketsOf(conv.conversationId)).toEqual([]);
    expect((await historyHttp(conv)).json.status).toBe('open');
    const names = await eventNames(conv.conversationId);
    expect(names).toContain('Handoff Declined');
    expect(names).not.toContain('Conversation Escalated');
  });

  it('Inbox: the ticket lands in the Inbox, assigned by round robin, and the shopper stays on web chat', async () => {
    const acc = await freshAccount('inbox', 2);
    await acc.online(acc.agents[0]!.id);
    const conv = await verifiedConversation(acc);
    const res = await escalate(conv);
    const [ticket] = await ticketsOf(conv.conversationId);
    expect(ticket).toMatchObject({
      helpdesk: 'inbox',
      deliveryState: 'delivered',
      channel: 'web_chat',
      assigneeId: acc.agents[0]!.id,
      status: 'open',
    });
    expect(ticket!.requesterEmail).toMatch(/@shopper\.test$/);
    expect(ticket!.profileId).not.toBeNull();
    expect(res.json.messages.map((m) => m.text)).toEqual([
      "I'm handing you over to a person on our team.",
      'A teammate will reply here shortly.',
    ]);
    expect((await historyHttp(conv)).json.status).toBe('escalated');
    const escalated = (await db().select().from(events).where(eq(events.conversationId, conv.conversationId))).filter(
      (e) => e.name === 'Conversation Escalated',
    );
    expect(escalated).toHaveLength(1);
    expect(escalated[0]!.properties).toMatchObject({
      helpdesk: 'inbox',
      ticketId: ticket!.id,
      escalationReason: 'shopper requested',
    });
    // A teammate's reply reaches the shopper's open socket.
    const ws = await ShopperSocket.open(conv);
    const reply = await roomOf(env, acc.accountId, conv.conversationId).postHumanReply({
      ticketId: ticket!.id,
      clientId: crypto.randomUUID(),
      text: 'Hi, Maya here.',
      authorName: 'Maya',
    });
    expect(reply.ok).toBe(true);
    expect((await ws.next('message', (f) => f.message.role === 'human')).message.text).toBe('Hi, Maya here.');
    ws.close();
  });

  it('Zendesk: the ticket is pending delivery and web chat stays open', async () => {
    const acc = await freshAccount('zendesk', 1);
    await setWebChatHandoff(acc.accountId, { helpdesk: 'zendesk' });
    const conv = await verifiedConversation(acc);
    await escalate(conv);
    const [ticket] = await ticketsOf(conv.conversationId);
    expect(ticket).toMatchObject({ helpdesk: 'zendesk', assigneeId: null });
    expect(['pending', 'delivered', 'failed']).toContain(ticket!.deliveryState);
    expect((await historyHttp(conv)).json.status).toBe('escalated');
    expect((await sendHttp(conv, 'any news?')).status).toBe(200);
  });

  it('Gorgias: the conversation moves to email and web chat closes', async () => {
    const acc = await freshAccount('gorgias', 1);
    await setWebChatHandoff(acc.accountId, { helpdesk: 'gorgias' });
    const conv = await verifiedConversation(acc);
    const res = await escalate(conv);
    const [ticket] = await ticketsOf(conv.conversationId);
    expect(ticket).toMatchObject({ helpdesk: 'gorgias' });
    expect(res.json.messages.at(-1)!.text).toMatch(/reply to .*@shopper\.test by email/);
    expect((await historyHttp(conv)).json.status).toBe('closed');
    expect((await sendHttp(conv, 'hello?')).status).toBe(409);
  });
});

describe('destinations', () => {
  it('a team: round robin among that team’s Online members', async () => {
    const acc = await freshAccount('team-dest', 3);
    const teamId = await acc.team('Returns', [acc.agents[1]!.id, acc.agents[2]!.id]);
    for (const a of acc.agents) await acc.online(a.id);
    await setWebChatHandoff(acc.accountId, { destination: { kind: 'team', teamId } });
    const assignees = [];
    for (let i = 0; i < 2; i++) {
      const conv = await verifiedConversation(acc);
      await escalate(conv);
      const [t] = await ticketsOf(conv.conversationId);
      expect(t!.teamId).toBe(teamId);
      assignees.push(t!.assigneeId);
    }
    expect(new Set(assignees)).toEqual(new Set([acc.agents[1]!.id, acc.agents[2]!.id]));
  });

  it('a specific user', async () => {
    const acc = await freshAccount('user-dest', 2);
    await setWebChatHandoff(acc.accountId, { destination: { kind: 'user', userId: acc.agents[1]!.id } });
    const conv = await verifiedConversation(acc);
    await escalate(conv);
    expect((await ticketsOf(conv.conversationId))[0]!.assigneeId).toBe(acc.agents[1]!.id);
  });

  it('a routing rule on a conversation tag wins over the default destination', async () => {
    const acc = await freshAccount('rule-dest', 2);
    const teamId = await acc.team('Returns desk', [acc.agents[1]!.id]);
    await acc.online(acc.agents[1]!.id);
    await setWebChatHandoff(acc.accountId, { destination: { kind: 'user', userId: acc.agents[0]!.id } }, [
      {
        id: 'r1',
        name: 'Returns to the returns desk',
        enabled: true,
        when: { tagsAny: ['returns'] },
        route: { kind: 'team', teamId },
      },
    ]);
    const conv = await verifiedConversation(acc);
    await sendHttp(conv, 'What is your return policy?'); // tags the conversation "returns"
    await escalate(conv);
    const [t] = await ticketsOf(conv.conversationId);
    expect(t).toMatchObject({ teamId, assigneeId: acc.agents[1]!.id });
    expect(t!.routingSnapshot).toMatchObject({ because: 'routing rule "Returns to the returns desk"' });
  });
});

describe('owner behaviour on a re-escalation', () => {
  async function reEscalate(behaviour: ChannelHandoff['ownerBehaviour']) {
    const acc = await freshAccount(`owner-${behaviour.replace('_', '-')}`, 2);
    await setWebChatHandoff(acc.accountId, { destination: { kind: 'user', userId: acc.agents[0]!.id } });
    const conv = await verifiedConversation(acc);
    await escalate(conv);
    const [first] = await ticketsOf(conv.conversationId);
    expect(first!.assigneeId).toBe(acc.agents[0]!.id);
    // The team closes the ticket in the inbox: the conversation is the Customer Agent's again.
    const cookie = await signIn(acc.owner.email);
    expect(
      (await call('PATCH', `/api/tickets/${first!.id}/status`, { cookie, body: { status: 'closed' } })).status,
    ).toBe(200);
    expect((await historyHttp(conv)).json.status).toBe('open');
    // The default destination changes; the owner behaviour decides whether it applies.
    await setWebChatHandoff(acc.accountId, {
      destination: { kind: 'user', userId: acc.agents[1]!.id },
      ownerBehaviour: behaviour,
    });
    await escalate(conv);
    const all = await ticketsOf(conv.conversationId);
    expect(all).toHaveLength(2);
    return { acc, second: all[1]! };
  }

  it('keep the owner', async () => {
    const { acc, second } = await reEscalate('keep_alert');
    expect(second.assigneeId).toBe(acc.agents[0]!.id);
  });

  it('reassign fully', async () => {
    const { acc, second } = await reEscalate('reassign');
    expect(second.assigneeId).toBe(acc.agents[1]!.id);
  });

  it('unassign into the queue', async () => {
    const { second } = await reEscalate('unassign');
    expect(second.assigneeId).toBeNull();
  });
});

it('a settings change does not move a conversation that was already escalated', async () => {
  const acc = await freshAccount('snapshot', 2);
  await setWebChatHandoff(acc.accountId, { destination: { kind: 'user', userId: acc.agents[0]!.id } });
  const conv = await verifiedConversation(acc);
  await escalate(conv);
  await setWebChatHandoff(acc.accountId, { method: 'none', destination: { kind: 'user', userId: acc.agents[1]!.id } });
  await sendHttp(conv, 'are you there?');
  await escalate(conv);
  const all = await ticketsOf(conv.conversationId);
  expect(all).toHaveLength(1);
  expect(all[0]).toMatchObject({ assigneeId: acc.agents[0]!.id });
  expect(all[0]!.routingSnapshot).toMatchObject({
    settings: { method: 'ticket', destination: { kind: 'user', userId: acc.agents[0]!.id } },
  });
  expect((await historyHttp(conv)).json.status).toBe('escalated');
});

describe('web chat: only an authenticated shopper reaches a human', () => {
  it('refuses every anonymous path: button, frame, typed request, forged fields, bad tokens', async () => {
    const acc = await freshAccount('anon', 1);
    await acc.online(acc.agents[0]!.id);
    const settings = await readSettings(db(), acc.accountId);
    await writeSection(db(), acc.accountId, null, 'general', {
      ...settings.general,
      signInUrl: 'https://shop.test/account/login',
    });
    const conv = await startConversation({ siteKey: acc.siteKey });

    const viaApi = await escalate(conv);
    expect(viaApi.json.messages.at(-1)).toMatchObject({
      role: 'system',
      prompt: 'handoff_identity',
      link: 'https://shop.test/account/login',
    });

    const ws = await ShopperSocket.open(conv);
    ws.send({ type: 'escalate', clientId: crypto.randomUUID() });
    await ws.next('message', (f) => f.message.prompt === 'handoff_identity');
    ws.send({
      type: 'escalate',
      clientId: crypto.randomUUID(),
      profileId: acc.owner.id,
      verified: true,
      role: 'human',
    });
    await ws.next('message', (f) => f.message.prompt === 'handoff_identity');
    ws.send({ type: 'message', clientId: crypto.randomUUID(), text: 'talk to a real person please' });
    await ws.next('message', (f) => f.message.prompt === 'handoff_identity');
    ws.close();

    const other = await otherAccount('anon-paths');
    const now = Math.floor(Date.now() / 1000);
    const badTokens = [
      await sign({ sub: 'x', email: 'x@x.test', exp: now - 5 }, await identityKey(acc.accountId), 'HS256'), // expired
      await sign({ sub: 'x', email: 'x@x.test', exp: now + 600 }, 'forged-key', 'HS256'), // forged
      await sign({ sub: 'x', email: 'x@x.test', exp: now + 600 }, await identityKey(other.accountId), 'HS256'), // another account's
      await sign({ sub: 'x', email: 'x@x.test', exp: now + 10 * 24 * 3600 }, await identityKey(acc.accountId), 'HS256'), // too long-lived
    ];
    for (const identityToken of badTokens) {
      const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/identify`, {
        body: { identityToken },
        headers: bearer(conv.resumeToken),
      });
      expect(res.status).toBe(401);
      const start = await call('POST', '/api/widget/conversations', {
        body: { siteKey: acc.siteKey, identityToken },
        origin: 'https://shop.example',
      });
      expect(start.status).toBe(401);
    }
    // The body of a start request cannot claim a profile either.
    const forgedStart = await call<StartConversationResponse>('POST', '/api/widget/conversations', {
      body: { siteKey: acc.siteKey, profileId: acc.owner.id },
      origin: 'https://shop.example',
    });
    expect((await escalate(forgedStart.json)).json.messages.at(-1)).toMatchObject({ prompt: 'handoff_identity' });
    // A shopper's resume token cannot post a teammate's reply: no widget route does that, and the
    // team API wants a team member's session.
    for (const path of [
      `/api/widget/conversations/${conv.conversationId}/reply`,
      `/api/tickets/${crypto.randomUUID()}/reply`,
    ]) {
      const hijack = await exports.default.fetch(`http://baton.test${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://baton.test', ...bearer(conv.resumeToken) },
        body: '{"text":"hi"}',
      });
      expect([401, 404]).toContain(hijack.status);
    }
    expect((await historyHttp(conv)).json.messages.filter((m) => m.role === 'human')).toEqual([]);

    expect(await ticketsOf(conv.conversationId)).toEqual([]);
    expect(await ticketsOf(forgedStart.json.conversationId)).toEqual([]);
    expect((await historyHttp(conv)).json.status).toBe('open');
    expect(await eventNames(conv.conversationId)).not.toContain('Conversation Escalated');
  });

  it('after signing in (identify), the same conversation is handed to the Inbox on web chat', async () => {
    const acc = await freshAccount('signin', 1);
    await acc.online(acc.agents[0]!.id);
    const conv = await startConversation({ siteKey: acc.siteKey });
    await escalate(conv);
    expect(await ticketsOf(conv.conversationId)).toEqual([]);
    const token = await shopperToken(acc.accountId, 'cust-signin');
    const res = await call<{ messages: Array<{ text: string }> }>(
      'POST',
      `/api/widget/conversations/${conv.conversationId}/identify`,
      {
        body: { identityToken: token },
        headers: bearer(conv.resumeToken),
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.messages.map((m) => m.text)).toContain('A teammate will reply here shortly.');
    expect((await historyHttp(conv)).json).toMatchObject({ status: 'escalated', byEmail: false });
    const [ticket] = await ticketsOf(conv.conversationId);
    expect(ticket).toMatchObject({
      helpdesk: 'inbox',
      requesterEmail: 'cust-signin@shopper.test',
      assigneeId: acc.agents[0]!.id,
    });
    expect((await historyHttp(conv)).json.status).toBe('escalated');
  });

  it('giving an email creates a ticket with that requester; the conversation continues by email', async () => {
    const acc = await freshAccount('email', 1);
    await switchEmailOn(acc.accountId, 'handoff-email');
    const conv = await startConversation({ siteKey: acc.siteKey });
    await escalate(conv);
    const bad = await call('POST', `/api/widget/conversations/${conv.conversationId}/handoff-email`, {
      body: { clientId: crypto.randomUUID(), email: 'not-an-email' },
      headers: bearer(conv.resumeToken),
    });
    expect(bad.status).toBe(400);
    expect(await ticketsOf(conv.conversationId)).toEqual([]);

    const res = await call<{ messages: Array<{ text: string }> }>(
      'POST',
      `/api/widget/conversations/${conv.conversationId}/handoff-email`,
      {
        body: { clientId: crypto.randomUUID(), email: 'anon@buyer.test' },
        headers: bearer(conv.resumeToken),
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.messages.at(-1)!.text).toBe('Our team will reply to anon@buyer.test by email.');
    // The room says so with every history: a reload or another device shows "by email", not a reply box.
    expect((await historyHttp(conv)).json).toMatchObject({ status: 'escalated', byEmail: true });
    // An email ticket on its own email conversation (origin: this web chat).
    expect(await ticketsOf(conv.conversationId)).toEqual([]);
    const ticket = await continuationTicket(conv.conversationId);
    expect(ticket).toMatchObject({ requesterEmail: 'anon@buyer.test', helpdesk: 'inbox', channel: 'email' });
    expect(ticket!.profileId).not.toBeNull();
    expect(ticket!.routingSnapshot).toMatchObject({ continuation: 'email' });
    // No human replies arrive in web chat for it (they go to the email conversation).
    const reply = await roomOf(env, acc.accountId, conv.conversationId).postHumanReply({
      ticketId: ticket!.id,
      clientId: crypto.randomUUID(),
      text: 'hi',
      authorName: 'X',
    });
    expect(reply).toMatchObject({ ok: false, code: 'email_continuation' });
    const row = await db().query.conversations.findFirst({ where: and(eq(conversations.id, conv.conversationId)) });
    expect(row?.profileId).toBe(ticket!.profileId);
  });
});

describe('what the shopper is told to expect is true', () => {
  it('the chosen teammate is Offline: no "shortly", they reply when back', async () => {
    const acc = await freshAccount('expect-offline', 2);
    await acc.online(acc.agents[0]!.id);
    await setWebChatHandoff(acc.accountId, { destination: { kind: 'user', userId: acc.agents[1]!.id } });
    const res = await escalate(await verifiedConversation(acc));
    const said = res.json.messages.at(-1)!.text;
    expect(said).toBe('The teammate who will help you isn’t online right now; they’ll reply here when they’re back.');
  });

  it('round robin with nobody Online says so', async () => {
    const acc = await freshAccount('expect-nobody', 2);
    const res = await escalate(await verifiedConversation(acc));
    expect(res.json.messages.at(-1)!.text).toBe(
      'No one on our team is online right now; a teammate will reply here when they’re back.',
    );
  });

  it('a helpdesk that is not connected: the request is saved, the reply comes once it is back', async () => {
    const acc = await freshAccount('expect-zendesk-down', 1);
    await setWebChatHandoff(acc.accountId, { helpdesk: 'zendesk' });
    const res = await escalate(await verifiedConversation(acc));
    expect(res.json.messages.at(-1)!.text).toBe(
      'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.',
    );
    expect(res.json.messages.map((m) => m.text).join(' ')).not.toMatch(/shortly/);
  });
});
