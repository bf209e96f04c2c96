// The email channel end to end inside workerd: raw messages through the Worker's email() export, the
// conversation room, the real CHANNEL_QUEUE and its consumer (the send_email binding, which Miniflare
// accepts), replies threading back by the Message-ID Baton issued, the channel's "answered by the
// team" setting with Inbox round robin (no office-hours gate), and a web-chat "continue by email".
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import worker from '../../worker/index';
import { conversations, events, profiles, tickets } from '../../worker/db/schema';
import { roomOf } from '../../worker/durable/namespaces';
import { readSettings, writeSection } from '../../worker/settings/store';
import { settleAttempt } from '../../worker/channels/email/store';
import { call, db, signIn } from './helpers';
import { waitFor } from './helpdesk-helpers';
import { bearer, historyHttp, startConversation } from './widget-client';
import { continuationTicket, emailAccount, outboundOf, rawEmail, routedEmail } from './email-helpers';

async function deliver(from: string, to: string, raw: string) {
  const { message, rejected } = routedEmail(from, to, raw);
  await worker.email(message, env);
  return rejected;
}

async function transcript(accountId: string, conversationId: string) {
  const result = await roomOf(env, accountId, conversationId).transcript();
  if (!result.ok) throw new Error(result.code);
  return result.value.messages;
}

const sentRows = (accountId: string, conversationId: string, n: number) =>
  waitFor(
    () => outboundOf(accountId, conversationId),
    (rows) => rows.filter((r) => r.state === 'sent').length >= n,
  );

describe('email channel', () => {
  it('a new email starts an email conversation with an unverified contact; the agent answers by email; the reply threads back', async () => {
    const acc = await emailAccount('e2e');
    const shopper = `ann-${crypto.randomUUID().slice(0, 6)}@example.net`;
    expect(
      await deliver(
        shopper,
        acc.inbound,
        rawEmail({ from: `Ann <${shopper}>`, to: acc.inbound, subject: 'Return policy', text: 'How do returns work?' }),
      ),
    ).toEqual([]);
    const [conv] = await db()
      .select()
      .from(conversations)
      .where(and(eq(conversations.accountId, acc.accountId), eq(conversations.channel, 'email')));
    expect(conv).toBeDefined();
    const [profile] = await db().select().from(profiles).where(eq(profiles.id, conv!.profileId!));
    expect(profile).toMatchObject({ email: shopper, externalId: null });

    const [sent] = await sentRows(acc.accountId, conv!.id, 1);
    const messages = await transcript(acc.accountId, conv!.id);
    expect(messages.map((m) => m.role)).toEqual(['shopper', 'agent']);
    expect(sent).toMatchObject({
      seq: messages[1]!.seq,
      address: shopper,
      subject: 'Re: Return policy',
      deliveryId: `${conv!.id}:${messages[1]!.seq}`,
    });

    await deliver(
      shopper,
      acc.inbound,
      rawEmail({
        from: shopper,
        to: acc.inbound,
        subject: 'Re: Return policy',
        inReplyTo: sent!.messageId,
        text: 'Thanks!\n\nOn Thu, Shop wrote:\n> old',
      }),
    );
    await waitFor(
      () => transcript(acc.accountId, conv!.id),
      (m) => m.filter((x) => x.role === 'shopper').length === 2,
    );
    expect((await transcript(acc.accountId, conv!.id)).filter((m) => m.role === 'shopper').map((m) => m.text)).toEqual([
      'How do returns work?',
      'Thanks!',
    ]);
    const started = await db()
      .select()
      .from(events)
      .where(and(eq(events.accountId, acc.accountId), eq(events.conversationId, conv!.id)));
    expect(started.map((e) => e.channel)).toContain('email');
    expect(
      await db()
        .select()
        .from(conversations)
        .where(and(eq(conversations.accountId, acc.accountId), eq(conversations.channel, 'email'))),
    ).toHaveLength(1);

    // Reports filter by channel: the email conversation's events are under email, not web chat.
    const cookie = await signIn(acc.owner.email);
    const byChannel = (channel: string) =>
      call<{ events: Array<{ conversationId: string; channel: string }> }>(
        'GET',
        `/api/metrics/events?name=${encodeURIComponent('Started Conversation')}&channel=${channel}`,
        { cookie },
      );
    expect((await byChannel('email')).json.events).toEqual([
      expect.objectContaining({ conversationId: conv!.id, channel: 'email' }),
    ]);
    expect((await byChannel('web_chat')).json.events.filter((e) => e.conversationId === conv!.id)).toEqual([]);
  });

  it('mail for no account is rejected back to the sender', async () => {
    expect(await deliver('x@example.net', 'nobody@nowhere.test', rawEmail({ to: 'nobody@nowhere.test' }))).toEqual([
      'No such recipient',
    ]);
  });

  it('answered by the team: an Inbox ticket by round robin to whoever is Online, even outside office hours; the teammate reply goes out by email', async () => {
    const acc = await emailAccount('team');
    const settings = await readSettings(db(), acc.accountId);
    await writeSection(db(), acc.accountId, null, 'channels', {
      ...settings.channels,
      email: { ...settings.channels.email, answeredBy: 'team' },
    });
    // Office hours that are never open: email does not wait for them.
    await writeSection(db(), acc.accountId, null, 'officeHours', {
      ...settings.officeHours,
      enabled: true,
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    await acc.online(acc.agents[1]!.id);
    const shopper = `bo-${crypto.randomUUID().slice(0, 6)}@example.net`;
    await deliver(
      shopper,
      acc.inbound,
      rawEmail({ from: shopper, to: acc.inbound, subject: 'Damaged parcel', text: 'The box arrived crushed.' }),
    );
    const [ticket] = await waitFor(
      () => db().select().from(tickets).where(eq(tickets.accountId, acc.accountId)),
      (rows) => rows.length === 1,
    );
    expect(ticket).toMatchObject({
      channel: 'email',
      helpdesk: 'inbox',
      subject: 'Damaged parcel',
      requesterEmail: shopper,
      assigneeId: acc.agents[1]!.id,
    });
    const messages = await transcript(acc.accountId, ticket!.conversationId!);
    expect(messages.map((m) => m.role)).toEqual(['shopper', 'system', 'system']);
    // The two handoff notices went out as one email.
    const [ack] = await sentRows(acc.accountId, ticket!.conversationId!, 1);
    expect(ack!.seq).toBe(messages[2]!.seq);

    const cookie = await signIn(acc.agents[1]!.email);
    // The inbox views filter by channel.
    const emailView = await call<{ tickets: Array<{ id: string }> }>('GET', '/api/tickets?view=all&channel=email', {
      cookie,
    });
    expect(emailView.json.tickets.map((t) => t.id)).toEqual([ticket!.id]);
    expect(
      (await call<{ tickets: unknown[] }>('GET', '/api/tickets?view=all&channel=web_chat', { cookie })).json.tickets,
    ).toEqual([]);
    const reply = await call('POST', `/api/tickets/${ticket!.id}/replies`, {
      cookie,
      body: { clientId: crypto.randomUUID(), text: 'So sorry! A new one is on its way.' },
    });
    expect(reply.status).toBe(201);
    const rows = await sentRows(acc.accountId, ticket!.conversationId!, 2);
    expect(rows.map((r) => r.seq)).toEqual([messages[2]!.seq, messages[2]!.seq + 1]);

    // A delivery that failed for good (say the provider refused it): Retry queues it again until it is sent.
    await settleAttempt(
      db(),
      acc.accountId,
      rows[1]!.deliveryId!,
      'failed',
      { reason: 'HTTP 400: refused' },
      Date.now(),
    );
    expect((await call('POST', `/api/email/messages/${rows[0]!.id}/retry`, { cookie })).status).toBe(409);
    const view = await call<{ emails: Array<{ id: string; state: string }> }>(
      'GET',
      `/api/email/conversations/${ticket!.conversationId}`,
      { cookie },
    );
    expect(view.json.emails.find((e) => e.id === rows[1]!.id)).toMatchObject({ state: 'failed' });
    expect((await call('POST', `/api/email/messages/${rows[1]!.id}/retry`, { cookie })).status).toBe(200);
    await sentRows(acc.accountId, ticket!.conversationId!, 2);
    expect((await call('POST', `/api/email/messages/${rows[1]!.id}/retry`, { cookie })).status).toBe(409);
  });
});

describe('web chat: continue by email', () => {
  it('the ticket is an email ticket of its own conversation; teammate replies go out by email, never into the chat; the shopper’s reply lands on the ticket', async () => {
    const acc = await emailAccount('continue', 1);
    await acc.online(acc.agents[0]!.id);
    const conv = await startConversation({ siteKey: acc.siteKey });
    await call('POST', `/api/widget/conversations/${conv.conversationId}/messages`, {
      body: { clientId: crypto.randomUUID(), text: 'My order never arrived' },
      headers: bearer(conv.resumeToken),
    });
    await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    const shopper = `anon-${crypto.randomUUID().slice(0, 6)}@buyer.test`;
    const chose = await call<{ messages: Array<{ text: string }> }>(
      'POST',
      `/api/widget/conversations/${conv.conversationId}/handoff-email`,
      {
        body: { clientId: crypto.randomUUID(), email: shopper },
        headers: bearer(conv.resumeToken),
      },
    );
    expect(chose.status).toBe(200);
    expect(chose.json.messages.at(-1)!.text).toBe(`Our team will reply to ${shopper} by email.`);
    const ticket = await continuationTicket(conv.conversationId);
    expect(ticket).toMatchObject({
      channel: 'email',
      requesterEmail: shopper,
      assigneeId: acc.agents[0]!.id,
      routingSnapshot: { origin: { channel: 'web_chat' } },
    });
    expect(ticket!.conversationId).not.toBe(conv.conversationId);
    const emailConv = ticket!.conversationId!;
    expect((await transcript(acc.accountId, emailConv))[0]!.text).toContain('Shopper: My order never arrived');

    const cookie = await signIn(acc.owner.email);
    const reply = (text: string) =>
      call('POST', `/api/tickets/${ticket!.id}/replies`, { cookie, body: { clientId: crypto.randomUUID(), text } });
    const setStatus = (status: string) =>
      call('PATCH', `/api/tickets/${ticket!.id}/status`, { cookie, body: { status } });
    expect((await reply('We are on it.')).status).toBe(201);
    const [first] = await sentRows(acc.accountId, emailConv, 1);
    expect(first).toMatchObject({ address: shopper, subject: 'Re: My order never arrived' });

    // The shopper answers the email (to the store address, threading by In-Reply-To): same ticket.
    await deliver(
      shopper,
      acc.inbound,
      rawEmail({
        from: shopper,
        to: acc.inbound,
        subject: 'Re: My order never arrived',
        inReplyTo: first!.messageId,
        text: 'Order #1001, thanks',
      }),
    );
    expect((await transcript(acc.accountId, emailConv)).filter((m) => m.role === 'shopper').map((m) => m.text)).toEqual(
      ['Order #1001, thanks'],
    );

    // Closed and reopened: replies still go by email, and none ever enters the anonymous chat.
    expect((await setStatus('closed')).status).toBe(200);
    expect((await setStatus('open')).status).toBe(200);
    expect((await reply('Refund issued.')).status).toBe(201);
    await sentRows(acc.accountId, emailConv, 2);
    const chat = await historyHttp(conv);
    expect(chat.json.messages.filter((m) => m.role === 'human')).toEqual([]);
    expect(chat.json.messages.map((m) => m.text).join('\n')).not.toContain('We are on it.');
  });
});
