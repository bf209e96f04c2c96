// Attacks on the email channel (issue 13, follow-ups of issue 12), each refused:
// - claiming another store's inbound address: first claim no longer wins; a claim is pending (routes
//   no mail) until Baton's verification message comes back through the email handler at that address;
// - "continue by email" on a store whose Email channel is off (Baton would email from EMAIL_FROM);
// - a different sender writing through a thread's signed reply address, posting as its participant.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { and, count, eq } from 'drizzle-orm';
import worker from '../../worker/index';
import { conversations, tickets } from '../../worker/db/schema';
import { roomOf } from '../../worker/durable/namespaces';
import { renewToken } from '../../worker/channels/email/address-claim';
import { accountReplyKey, replyLocalPart } from '../../worker/channels/email/reply-address';
import { SIGN_IN_PROMPT } from '../../worker/handoff/decide';
import type { WidgetConfig } from '../../worker/protocol/widget';
import { call, db, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { waitFor } from './helpdesk-helpers';
import { bearer, startConversation } from './widget-client';
import { emailAccount, outboundOf, rawEmail, routedEmail, switchEmailOn } from './email-helpers';

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

const emailConversations = async (accountId: string) =>
  (
    await db()
      .select({ n: count() })
      .from(conversations)
      .where(and(eq(conversations.accountId, accountId), eq(conversations.channel, 'email')))
  )[0]!.n;

function putChannels(cookie: string, inboundAddress: string) {
  return call<{
    emailAddress: { address: string; state: string } | null;
    verification: { sent: boolean } | null;
    error?: { code: string };
  }>('PUT', '/api/settings/channels', {
    cookie,
    body: { email: { enabled: true, inboundAddress, fromName: null, answeredBy: 'agent' } },
  });
}

describe('claiming an inbound email address needs proof (issue 12 follow-up)', () => {
  it('a claim routes no mail until the verification message arrives at that address; then it does, and no other store can take it', async () => {
    const owner = await freshAccount('claim-owner', 1);
    const squatter = await freshAccount('claim-squatter', 1);
    const address = `support@claim-${crypto.randomUUID().slice(0, 8)}.shop.test`;
    const ownerCookie = await signIn(owner.owner.email);
    const squatterCookie = await signIn(squatter.owner.email);

    // The squatter claims the address first: pending, and mail to it reaches nobody.
    const first = await putChannels(squatterCookie, address);
    expect(first.status).toBe(200);
    expect(first.json.emailAddress).toMatchObject({ address, state: 'pending' });
    expect(first.json.verification).toMatchObject({ sent: true });
    const mail = rawEmail({ from: 'ann@example.net', to: address, text: 'Where is my order?' });
    expect(await deliver('ann@example.net', address, mail)).toEqual(['No such recipient']);
    expect(await emailConversations(squatter.accountId)).toBe(0);

    // A pending claim does not squat: the real owner may claim it too.
    const second = await putChannels(ownerCookie, address);
    expect(second.status).toBe(200);
    expect(second.json.emailAddress).toMatchObject({ address, state: 'pending' });

    // A token sent to another address, or a made-up one, verifies nothing.
    const ownerToken = (await renewToken(db(), owner.accountId))!;
    const elsewhere = `other@claim-${crypto.randomUUID().slice(0, 8)}.shop.test`;
    const verification = (to: string, token: string) =>
      rawEmail({ from: 'alerts@baton.example', to, subject: 'Verify', text: `baton-verify:${token}` });
    expect(await deliver('alerts@baton.example', elsewhere, verification(elsewhere, ownerToken))).toEqual([
      'No such recipient',
    ]);
    await deliver('alerts@baton.example', address, verification(address, `bv_${'0'.repeat(48)}`));
    expect((await call('GET', '/api/settings/channels/email/verification', { cookie: ownerCookie })).json).toEqual({
      emailAddress: expect.objectContaining({ state: 'pending' }),
    });

    // Baton's message arrives at the address (its routing reaches Baton): the owner's claim is verified.
    expect(await deliver('alerts@baton.example', address, verification(address, ownerToken))).toEqual([]);
    expect((await call('GET', '/api/settings/channels/email/verification', { cookie: ownerCookie })).json).toEqual({
      emailAddress: { address, state: 'verified', sentAt: expect.any(Number) },
    });
    expect(await deliver('ann@example.net', address, mail)).toEqual([]);
    expect(await emailConversations(owner.accountId)).toBe(1);
    expect(await emailConversations(squatter.accountId)).toBe(0);

    // Now the address is taken: the squatter's token no longer verifies, and a new claim is refused.
    const squatterToken = (await renewToken(db(), squatter.accountId))!;
    await deliver('alerts@baton.example', address, verification(address, squatterToken));
    expect(
      (await call('GET', '/api/settings/channels/email/verification', { cookie: squatterCookie })).json,
    ).toMatchObject({ emailAddress: { state: 'pending' } });
    const again = await putChannels(squatterCookie, address);
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe('inbound_address_taken');

    // Sending the verification again is limited (no mail cannon at someone's address).
    const resend = await call<{ error?: { code: string } }>('POST', '/api/settings/channels/email/verification', {
      cookie: squatterCookie,
    });
    expect(resend.status).toBe(429);
  });
});

describe('"continue by email" needs the Email channel (issue 12 follow-up)', () => {
  it('off: the widget config does not offer it, the handoff asks only to sign in, and handoff-email is a 409 with no ticket; on: it works', async () => {
    const acc = await freshAccount('no-email-handoff', 1);
    const config = async () =>
      (await call<{ config: WidgetConfig }>('GET', `/api/widget/config?siteKey=${acc.siteKey}`)).json.config;
    expect((await config()).emailHandoff).toBe(false);
    const conv = await startConversation({ siteKey: acc.siteKey });
    const escalated = await call<{ messages: Array<{ text: string; prompt: string | null }> }>(
      'POST',
      `/api/widget/conversations/${conv.conversationId}/escalate`,
      { body: { clientId: crypto.randomUUID() }, headers: bearer(conv.resumeToken) },
    );
    expect(escalated.json.messages.at(-1)).toMatchObject({ text: SIGN_IN_PROMPT, prompt: 'handoff_identity' });
    const handoff = () =>
      call<{ error?: { code: string; message: string } }>(
        'POST',
        `/api/widget/conversations/${conv.conversationId}/handoff-email`,
        { body: { clientId: crypto.randomUUID(), email: 'anon@buyer.test' }, headers: bearer(conv.resumeToken) },
      );
    const refused = await handoff();
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({
      code: 'email_channel_off',
      message: expect.stringContaining('sign in'),
    });
    const ticketCount = async () =>
      (await db().select({ n: count() }).from(tickets).where(eq(tickets.accountId, acc.accountId)))[0]!.n;
    expect(await ticketCount()).toBe(0);

    await switchEmailOn(acc.accountId, 'email-handoff-on');
    expect((await config()).emailHandoff).toBe(true);
    expect((await handoff()).status).toBe(200);
    expect(await ticketCount()).toBe(1);
  });
});

describe('a different sender through a signed reply address (issue 12 follow-up)', () => {
  it('is stored under its real sender and marked, not as the participant; the Customer Agent does not answer it and nobody is emailed', async () => {
    const acc = await emailAccount('other-sender', 1);
    const participant = `kim-${crypto.randomUUID().slice(0, 6)}@example.net`;
    await deliver(
      participant,
      acc.inbound,
      rawEmail({ from: participant, to: acc.inbound, text: 'Do you ship to Canada?' }),
    );
    const [conv] = await db()
      .select()
      .from(conversations)
      .where(and(eq(conversations.accountId, acc.accountId), eq(conversations.channel, 'email')));
    const before = await transcript(acc.accountId, conv!.id);
    expect(before.map((m) => m.role)).toEqual(['shopper', 'agent']);

    const replyAddress = `${await replyLocalPart(await accountReplyKey(db(), acc.accountId), conv!.id)}@${acc.inbound.split('@')[1]}`;
    const intruder = 'mallory@elsewhere.test';
    expect(
      await deliver(
        intruder,
        replyAddress,
        rawEmail({ from: intruder, to: replyAddress, text: 'Please change the delivery address to 1 Evil Road' }),
      ),
    ).toEqual([]);
    const after = await transcript(acc.accountId, conv!.id);
    expect(after.map((m) => m.role)).toEqual(['shopper', 'agent', 'shopper']);
    const stored = after.at(-1)!;
    expect(stored.authorName).toBe(intruder);
    expect(stored.text).toContain(`Sent by ${intruder}, not by this conversation's participant`);
    expect(stored.text).toContain('Please change the delivery address to 1 Evil Road');

    // The participant's own reply through the same address is theirs, unmarked, and answered.
    await deliver(participant, replyAddress, rawEmail({ from: participant, to: replyAddress, text: 'And to Mexico?' }));
    const last = await transcript(acc.accountId, conv!.id);
    expect(last.map((m) => m.role)).toEqual(['shopper', 'agent', 'shopper', 'shopper', 'agent']);
    expect(last[3]).toMatchObject({ authorName: null, text: 'And to Mexico?' });
    // Emails went out for the two answers only, both to the participant: none to the other sender.
    const sent = await waitFor(
      () => outboundOf(acc.accountId, conv!.id),
      (rows) => rows.length >= 2,
    );
    expect(sent.map((r) => [r.seq, r.address])).toEqual([
      [last[1]!.seq, participant],
      [last[4]!.seq, participant],
    ]);
  });
});
