// The email channel's sender (worker/channels/email/sender.ts) against the email API stand-in
// (test/support/notification-standins.ts): threading headers, the signed Reply-To a reply comes back
// through, retries keeping one Message-ID, and the MIME the send_email binding gets.
import { describe, expect, inject, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { receiveEmail, type ConversationPort } from '../../worker/channels/email/inbound';
import { deliverEmail } from '../../worker/channels/email/sender';
import { emailMessages } from '../../worker/channels/email/schema';
import { mimeMessage } from '../../worker/notifications/email';
import type { OutboundDelivery } from '../../worker/conversation/contract';
import type { ReceivedEmail } from '../support/notification-standins';
import { db } from './helpers';
import { bytes, emailAccount, rawEmail } from './email-helpers';

const standin = inject('notificationStandinUrl');
const senderEnv = { ...env, EMAIL_API_URL: `${standin}/email` };
const port: ConversationPort = { post: async () => undefined };

async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  return (
    (await (await fetch(`${standin}/__emails?to=${encodeURIComponent(address)}`)).json()) as { emails: ReceivedEmail[] }
  ).emails;
}

async function mode(m: 'ok' | '500') {
  await fetch(`${standin}/__mode`, { method: 'POST', body: JSON.stringify({ scope: 'email', mode: m }) });
}

async function startThread(tag: string) {
  const acc = await emailAccount(tag);
  const shopper = `${tag}-${crypto.randomUUID().slice(0, 6)}@example.net`;
  const firstId = `${crypto.randomUUID()}@mail.example.net`;
  const out = await receiveEmail(
    env,
    {
      from: shopper,
      to: acc.inbound,
      raw: bytes(rawEmail({ from: shopper, to: acc.inbound, subject: 'Größe M?', messageId: firstId })),
    },
    port,
  );
  if (out.kind !== 'accepted') throw new Error('not accepted');
  const delivery = (seq: number, role: OutboundDelivery['role'] = 'human'): OutboundDelivery => ({
    deliveryId: `${out.conversationId}:${seq}`,
    accountId: acc.accountId,
    conversationId: out.conversationId,
    channel: 'email',
    to: shopper,
    seq,
    role,
    authorName: role === 'human' ? 'Dana' : 'Baton',
    text: 'Yes, size M is in stock.',
  });
  return { acc, shopper, firstId, conversationId: out.conversationId, delivery };
}

describe('email sender', () => {
  it('sends a threaded reply from the account address with a signed Reply-To, and the reply to it threads back', async () => {
    const t = await startThread('send');
    expect(await deliverEmail(senderEnv, t.delivery(2))).toEqual({ kind: 'sent', providerId: null });
    const [mail] = await emailsTo(t.shopper);
    expect(mail).toMatchObject({
      from: t.acc.inbound,
      fromName: 'Shop Support',
      subject: 'Re: Größe M?',
      text: 'Yes, size M is in stock.\n\n— Dana, Shop Support',
      replyTo: expect.stringMatching(
        new RegExp(`^reply\\+[a-z2-7]{42}@${t.acc.inbound.split('@')[1]!.replace(/\./g, '\\.')}$`),
      ),
    });
    expect(mail!.headers).toMatchObject({ 'In-Reply-To': `<${t.firstId}>`, References: `<${t.firstId}>` });
    expect(mail!.headers!['Auto-Submitted']).toBeUndefined();
    const sentId = mail!.headers!['Message-ID']!.slice(1, -1);
    const [row] = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.accountId, t.acc.accountId), eq(emailMessages.deliveryId, `${t.conversationId}:2`)));
    expect(row).toMatchObject({ state: 'sent', messageId: sentId, attempts: 1, direction: 'out', address: t.shopper });

    // The shopper answers through Reply-To, and (another time) to the store address with In-Reply-To.
    const viaReplyTo = await receiveEmail(
      env,
      {
        from: t.shopper,
        to: mail!.replyTo!,
        raw: bytes(rawEmail({ from: t.shopper, to: mail!.replyTo!, text: 'Great' })),
      },
      port,
    );
    expect(viaReplyTo).toMatchObject({ kind: 'accepted', conversationId: t.conversationId });
    const viaHeader = await receiveEmail(
      env,
      {
        from: t.shopper,
        to: t.acc.inbound,
        raw: bytes(rawEmail({ from: t.shopper, to: t.acc.inbound, inReplyTo: sentId, text: 'Ordered' })),
      },
      port,
    );
    expect(viaHeader).toMatchObject({ kind: 'accepted', conversationId: t.conversationId });

    // The agent's next answer is marked automatic and references the whole thread.
    await deliverEmail(senderEnv, t.delivery(4, 'agent'));
    const second = (await emailsTo(t.shopper))[1]!;
    expect(second.headers!['Auto-Submitted']).toBe('auto-replied');
    expect(second.text).toBe('Yes, size M is in stock.');
    expect(second.headers!.References!.split(' ')).toHaveLength(4);
  });

  it('retries with the same Message-ID, never sends a delivered message twice, and fails without a sender', async () => {
    const t = await startThread('retry');
    await mode('500');
    try {
      expect(await deliverEmail(senderEnv, t.delivery(2))).toMatchObject({ kind: 'retry' });
      const [row] = await db()
        .select()
        .from(emailMessages)
        .where(
          and(eq(emailMessages.accountId, t.acc.accountId), eq(emailMessages.deliveryId, `${t.conversationId}:2`)),
        );
      expect(row).toMatchObject({ state: 'retrying', attempts: 1, reason: expect.stringContaining('HTTP 503') });
    } finally {
      await mode('ok');
    }
    expect(await deliverEmail(senderEnv, t.delivery(2))).toMatchObject({ kind: 'sent' });
    expect(await deliverEmail(senderEnv, t.delivery(2))).toMatchObject({ kind: 'sent' });
    const mails = await emailsTo(t.shopper);
    expect(mails).toHaveLength(1);
    const [row] = await db()
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.accountId, t.acc.accountId), eq(emailMessages.deliveryId, `${t.conversationId}:2`)));
    expect(row).toMatchObject({
      state: 'sent',
      attempts: 2,
      messageId: mails[0]!.headers!['Message-ID']!.slice(1, -1),
    });

    const noSender = { ...env, EMAIL: undefined, EMAIL_API_URL: undefined };
    expect(await deliverEmail(noSender, t.delivery(3))).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('No email sender'),
    });
  });

  it('writes RFC 2047 headers for the binding: encoded name and subject, threading headers, no header injection', () => {
    const raw = mimeMessage(
      {
        from: 'support@shop.test',
        fromName: 'Läden & Co',
        to: 'ann@example.net',
        subject: 'Re: Größe M? Ünïcödé über alles, noch länger als fünfundvierzig Bytes',
        text: 'Hi',
        messageId: 'baton.abc',
        replyTo: 'reply+x@shop.test',
        inReplyTo: 'a@b',
        references: ['a@b', 'c@d'],
        autoSubmitted: null,
      },
      new Date('2026-12-03T09:00:00Z'),
    );
    const head = raw.split('\r\n\r\n')[0]!;
    expect(head).toContain('From: =?UTF-8?B?');
    expect(head).toContain(' <support@shop.test>');
    expect(head).toContain('Reply-To: <reply+x@shop.test>');
    expect(head).toContain('Message-ID: <baton.abc@shop.test>');
    expect(head).toContain('In-Reply-To: <a@b>');
    expect(head).toContain('References: <a@b>\r\n <c@d>');
    expect(head).not.toContain('Auto-Submitted');
    const subjectWords = /Subject: ([\s\S]*?)\r\nMessage-ID/.exec(head)![1]!.split('\r\n ');
    expect(subjectWords.length).toBeGreaterThan(1);
    for (const word of subjectWords) expect(word.length).toBeLessThanOrEqual(75);
    const decoded = subjectWords
      .map((w) =>
        new TextDecoder().decode(Uint8Array.from(atob(/=\?UTF-8\?B\?(.*)\?=/.exec(w)![1]!), (c) => c.charCodeAt(0))),
      )
      .join('');
    expect(decoded).toBe('Re: Größe M? Ünïcödé über alles, noch länger als fünfundvierzig Bytes');
    expect(
      mimeMessage({
        from: 'a@b.test',
        fromName: 'Shop, "Best"',
        to: 'c@d.test',
        subject: 's',
        text: 't',
        messageId: 'm',
      }),
    ).toContain('From: "Shop, \\"Best\\"" <a@b.test>');
  });
});

/** A delivery-status report (RFC 3464) for `originalId`, as a receiving server sends it to the store. */
function statusReport(
  to: string,
  originalId: string,
  action: 'failed' | 'delayed',
  status: string,
  diagnostic: string,
) {
  const boundary = 'dsn-boundary-1';
  return rawEmail({
    from: 'Mail Delivery Subsystem <mailer-daemon@mx.example.net>',
    to,
    subject: 'Delivery Status Notification',
    mime: {
      contentType: `multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      body: [
        `--${boundary}`,
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '',
        `--${boundary}`,
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.net',
        '',
        'Final-Recipient: rfc822; gone@example.net',
        `Action: ${action}`,
        `Status: ${status}`,
        `Diagnostic-Code: smtp; ${diagnostic}`,
        '',
        `--${boundary}`,
        'Content-Type: text/rfc822-headers',
        '',
        `From: Shop Support <${to}>`,
        'To: gone@example.net',
        'Subject: Re: Größe M?',
        `Message-ID:`,
        ` <${originalId}>`,
        '',
        `--${boundary}--`,
        '',
      ].join('\n'),
    },
  });
}

describe('bounces', () => {
  it('a permanent failure report marks the reply it quotes failed with the reason; a delay changes nothing; Retry sends again', async () => {
    const t = await startThread('bounce');
    await deliverEmail(senderEnv, t.delivery(2));
    const sentId = (await emailsTo(t.shopper))[0]!.headers!['Message-ID']!.slice(1, -1);
    const row = async () =>
      (
        await db()
          .select()
          .from(emailMessages)
          .where(
            and(eq(emailMessages.accountId, t.acc.accountId), eq(emailMessages.deliveryId, `${t.conversationId}:2`)),
          )
      )[0]!;

    const delayed = statusReport(t.acc.inbound, sentId, 'delayed', '4.4.7', '451 4.4.7 try again later');
    expect(await receiveEmail(env, { from: '', to: t.acc.inbound, raw: bytes(delayed) }, port)).toMatchObject({
      kind: 'dropped',
      state: 'bounce',
    });
    expect(await row()).toMatchObject({ state: 'sent', reason: null });

    // A report quoting another store's (or no) Baton message changes nothing here either.
    const unrelated = statusReport(
      t.acc.inbound,
      `${crypto.randomUUID()}@elsewhere.example`,
      'failed',
      '5.1.1',
      '550 5.1.1 no such user',
    );
    await receiveEmail(env, { from: '', to: t.acc.inbound, raw: bytes(unrelated) }, port);
    expect(await row()).toMatchObject({ state: 'sent' });

    const failed = statusReport(
      t.acc.inbound,
      sentId,
      'failed',
      '5.1.1',
      '550 5.1.1 The email account that you tried to reach does not exist',
    );
    const outcome = await receiveEmail(env, { from: '', to: t.acc.inbound, raw: bytes(failed) }, port);
    expect(outcome).toMatchObject({ kind: 'dropped', state: 'bounce', reason: expect.stringContaining('550 5.1.1') });
    expect(await row()).toMatchObject({
      state: 'failed',
      reason: 'Bounced by gone@example.net: 550 5.1.1 The email account that you tried to reach does not exist',
    });
    // The bounce itself is recorded on the conversation it is about (the inbox's email list shows it).
    const [bounceRow] = await db()
      .select()
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.accountId, t.acc.accountId),
          eq(emailMessages.direction, 'in'),
          eq(emailMessages.state, 'bounce'),
          eq(emailMessages.conversationId, t.conversationId),
        ),
      );
    expect(bounceRow).toBeDefined();

    // Retry (the same delivery again) sends it, since it no longer counts as sent.
    expect(await deliverEmail(senderEnv, t.delivery(2))).toMatchObject({ kind: 'sent' });
    expect(await emailsTo(t.shopper)).toHaveLength(2);
  });
});
