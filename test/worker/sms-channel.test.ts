// The SMS channel end to end against the Twilio stand-in: connecting (the Test is real: a wrong token
// is refused), a conversation from the first text to the agent's answer, a request for a person, the
// Inbox ticket assigned round robin to the teammate who is Online, and their reply delivered through
// Twilio with its delivery state from signed status callbacks; STOP/START/HELP; and webhooks that are
// unsigned, forged or replayed refused with 403 and nothing stored.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { events, profiles } from '../../worker/db/schema';
import { channelConnections, channelContacts } from '../../worker/db/schema-channels';
import { OPTED_OUT_ERROR } from '../../worker/channels/sms/sender';
import { call, db, ORIGIN, signIn } from './helpers';
import { waitFor } from './helpdesk-helpers';
import {
  atLeast,
  conversationsOf,
  deliveriesOf,
  postHook,
  receiptsOf,
  smsStore,
  STORE_NUMBER,
  ticketsOf,
  transcript,
  twilio,
} from './phone-helpers';

const CUSTOMER = '+15557654321';

describe('SMS through Twilio', () => {
  it('connects only with credentials Twilio accepts, stores them sealed and shows the webhook URL', async () => {
    const store = await smsStore('connect');
    const bad = await call('PUT', '/api/settings/channels/sms/connection', {
      cookie: store.ownerCookie,
      body: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'wrong-token' },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Twilio did not accept these credentials');
    const view = await call<{
      sms: { status: string; webhookUrl: string; config: { accountSid: string }; secretHints: Record<string, string> };
    }>('GET', '/api/settings/channels/connections', { cookie: store.ownerCookie });
    expect(view.status).toBe(200);
    expect(view.json.sms.status).toBe('connected');
    expect(view.json.sms.config.accountSid).toBe(store.accountSid); // the failed attempt changed nothing
    expect(view.json.sms.webhookUrl).toBe(`${ORIGIN}/api/channels/sms/twilio/${store.acc.accountId}`);
    expect(view.text).not.toContain(twilio.authToken);
    expect(view.json.sms.secretHints).toEqual({ authToken: `••••${twilio.authToken.slice(-4)}` });
    const [row] = await db()
      .select()
      .from(channelConnections)
      .where(eq(channelConnections.accountId, store.acc.accountId));
    expect(row!.secret.startsWith('v1:')).toBe(true);
    expect(row!.secret).not.toContain(twilio.authToken);
    const test = await call<{ ok: boolean }>('POST', '/api/settings/channels/sms/test', { cookie: store.ownerCookie });
    expect(test.json.ok).toBe(true);
  });

  it("a conversation: first text → agent answer → a person → the teammate's reply, delivered and tracked", async () => {
    const store = await smsStore('flow');
    const agent = store.acc.agents[0]!;
    await store.acc.online(agent.id);

    const first = await store.inbound(CUSTOMER, 'What is your return policy?');
    const answered = await postHook(first);
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('<Response>');
    const [conversation] = await conversationsOf(store.acc.accountId);
    expect(conversation!.channel).toBe('sms');
    const profile = await db().query.profiles.findFirst({
      where: and(eq(profiles.accountId, store.acc.accountId), eq(profiles.phone, CUSTOMER)),
    });
    expect(profile?.id).toBe(conversation!.profileId);
    expect(profile?.externalId).toBeNull(); // unverified

    // The agent's answer reaches the phone from the store's number.
    const sent = await atLeast(store.sent, 1);
    const messages = await transcript(store.acc.accountId, conversation!.id);
    const agentAnswer = messages.find((m) => m.role === 'agent');
    expect(agentAnswer).toBeDefined();
    expect(sent[0]).toMatchObject({ to: CUSTOMER, from: STORE_NUMBER });
    expect(sent[0]!.body).toContain(agentAnswer!.text.slice(0, 40));
    expect(sent[0]!.statusCallback).toBe(`${ORIGIN}/api/channels/sms/twilio/${store.acc.accountId}/status`);

    // Twilio's signed status callbacks move it to delivered.
    const callbacks = (await atLeast(store.webhooks, 3)).filter((h) => h.url.endsWith('/status'));
    for (const hook of callbacks) expect((await postHook(hook)).status).toBe(204);
    const [delivered] = await deliveriesOf(store.acc.accountId, conversation!.id);
    expect(delivered).toMatchObject({ seq: agentAnswer!.seq, state: 'delivered', providerId: sent[0]!.sid });
    // A late "sent" replayed never moves it back (and a replay is refused anyway).
    expect((await postHook(callbacks[0]!)).status).toBe(403);

    // The customer asks for a person: an Inbox ticket on channel sms, assigned to the Online teammate.
    expect((await postHook(await store.inbound(CUSTOMER, 'I want to talk to a real person'))).status).toBe(200);
    const [ticket] = await waitFor(
      () => ticketsOf(store.acc.accountId),
      (t) => t.length === 1,
    );
    expect(ticket).toMatchObject({
      channel: 'sms',
      helpdesk: 'inbox',
      conversationId: conversation!.id,
      assigneeId: agent.id,
      profileId: profile!.id,
    });
    // Events from the phone conversation carry the number's (unverified) profile.
    const conversationEvents = await waitFor(
      () =>
        db()
          .select()
          .from(events)
          .where(and(eq(events.accountId, store.acc.accountId), eq(events.conversationId, conversation!.id))),
      (rows) => rows.some((e) => e.name === 'Conversation Escalated'),
    );
    expect(conversationEvents.length).toBeGreaterThan(1);
    for (const e of conversationEvents)
      expect({ name: e.name, profileId: e.profileId, channel: e.channel }).toEqual({
        name: e.name,
        profileId: profile!.id,
        channel: 'sms',
      });
    const afterHandoff = await atLeast(store.sent, 2);

    // The teammate replies in the inbox; the reply goes out through Twilio, long text in several parts.
    const agentCookie = await signIn(agent.email);
    const reply = `Hi, this is ${agent.name}. ${'We will sort out your return today. '.repeat(50)}`.trim();
    const posted = await call('POST', `/api/tickets/${ticket!.id}/replies`, {
      cookie: agentCookie,
      body: { clientId: crypto.randomUUID(), text: reply },
    });
    expect(posted.status).toBe(201);
    const all = await atLeast(store.sent, afterHandoff.length + 2);
    const parts = all.slice(afterHandoff.length).map((m) => m.body);
    expect(parts.length).toBe(2); // 1,850 GSM-7 characters: more than 10 segments, so two messages
    expect(parts.join(' ')).toBe(reply);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1600);

    // The inbox reads each sent message's delivery state for the ticket.
    const states = await call<{ phone: string; deliveries: Array<{ seq: number; state: string }> }>(
      'GET',
      `/api/tickets/${ticket!.id}/phone-deliveries`,
      { cookie: agentCookie },
    );
    expect(states.status).toBe(200);
    expect(states.json.phone).toBe(CUSTOMER);
    expect(states.json.deliveries.find((d) => d.seq === agentAnswer!.seq)?.state).toBe('delivered');
  });

  it('STOP opts the number out (nothing is sent, not even HELP), START opts it back in', async () => {
    const store = await smsStore('stop');
    expect((await postHook(await store.inbound(CUSTOMER, 'STOP'))).status).toBe(200);
    const [row] = await db()
      .select()
      .from(channelContacts)
      .where(and(eq(channelContacts.accountId, store.acc.accountId), eq(channelContacts.phone, CUSTOMER)));
    expect(row!.optedOutAt).not.toBeNull();
    expect(await conversationsOf(store.acc.accountId)).toHaveLength(0); // keywords never reach the agent

    const help = await postHook(await store.inbound(CUSTOMER, 'HELP'));
    expect(help.text).not.toContain('<Message>');
    // A question while opted out is stored, but the answer is refused before Twilio.
    expect((await postHook(await store.inbound(CUSTOMER, 'Do you ship to Canada?'))).status).toBe(200);
    const [conversation] = await conversationsOf(store.acc.accountId);
    const [refused] = await waitFor(
      () => deliveriesOf(store.acc.accountId, conversation!.id),
      (d) => d.length > 0,
    );
    expect(refused).toMatchObject({ state: 'failed', error: OPTED_OUT_ERROR, providerId: null });
    expect(await store.sent()).toHaveLength(0);

    expect((await postHook(await store.inbound(CUSTOMER, 'START'))).status).toBe(200);
    const helpAgain = await postHook(await store.inbound(CUSTOMER, 'help'));
    expect(helpAgain.text).toContain('<Message>');
    expect(helpAgain.text).toContain('Reply STOP to opt out');
  });

  it('refuses unsigned, forged and replayed webhooks with 403 and stores nothing', async () => {
    const store = await smsStore('forged');
    const hook = await store.inbound(CUSTOMER, 'Where is my order?');
    const unsigned = await postHook(hook, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(403);
    const tampered = await postHook(hook, { body: hook.body.replace('Where', 'Send+refund+to') });
    expect(tampered.status).toBe(403);
    const wrongSig = await postHook(hook, {
      headers: { ...hook.headers, 'x-twilio-signature': 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' },
    });
    expect(wrongSig.status).toBe(403);
    // Signed for another account's URL: the signature covers the URL, so it does not verify here.
    const other = await smsStore('forged-other');
    const elsewhere = await postHook(hook, { url: `${ORIGIN}/api/channels/sms/twilio/${other.acc.accountId}` });
    expect(elsewhere.status).toBe(403);
    expect(await conversationsOf(store.acc.accountId)).toHaveLength(0);
    expect(await conversationsOf(other.acc.accountId)).toHaveLength(0);
    expect(await receiptsOf(store.acc.accountId)).toHaveLength(0);

    expect((await postHook(hook)).status).toBe(200);
    const replay = await postHook(hook);
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('replayed');
    const [conversation] = await conversationsOf(store.acc.accountId);
    const shopperMessages = (await transcript(store.acc.accountId, conversation!.id)).filter(
      (m) => m.role === 'shopper',
    );
    expect(shopperMessages).toHaveLength(1);
    expect(await receiptsOf(store.acc.accountId)).toHaveLength(1);

    // An account without a Twilio connection has nothing to verify against.
    const unknown = await postHook(hook, { url: `${ORIGIN}/api/channels/sms/twilio/${crypto.randomUUID()}` });
    expect(unknown.status).toBe(404);
  });
});
