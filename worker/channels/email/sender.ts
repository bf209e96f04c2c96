// The email channel's ChannelSender (worker/conversation/contract.ts): delivers one OutboundDelivery
// as an email through the configured sender (the send_email binding, or the HTTP email API at
// EMAIL_API_URL: the same client assignment alerts use). Each attempt is recorded on the delivery's
// email_messages row (pending → sent / retrying / failed), which is also where the Message-ID Baton
// issued is kept for threading replies. A delivery already sent is not sent again. Mail goes out from
// the store's inbound address once it is verified, else from the platform's EMAIL_FROM.
import { eq } from 'drizzle-orm';
import { openDb, type Database } from '../../db/client';
import { accounts } from '../../db/schema';
import type { ChannelSender, DeliveryResult, OutboundDelivery } from '../../conversation/contract';
import { emailFrom, emailSender, messageIdOf, type EmailEnv } from '../../notifications/email';
import { readSettings } from '../../settings/store';
import { composeEmail, type ThreadFacts } from './compose';
import { claimView } from './address-claim';
import { accountReplyKey, replyLocalPart } from './reply-address';
import { findThread, outboundByDelivery, settleAttempt, startAttempt, threadMessageIds, type ThreadRow } from './store';

export type EmailSenderEnv = EmailEnv & { DB: D1Database };

async function factsOf(db: Database, env: EmailSenderEnv, thread: ThreadRow): Promise<ThreadFacts> {
  const settings = await readSettings(db, thread.accountId);
  const [account] = await db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, thread.accountId))
    .limit(1);
  // The store's own address only once its claim is verified (address-claim.ts): never an unproven one.
  const claim = await claimView(db, thread.accountId);
  const inbound = settings.channels.email.inboundAddress?.toLowerCase() ?? null;
  const from = inbound && claim?.state === 'verified' && claim.address === inbound ? inbound : emailFrom(env);
  const domain = from.split('@')[1] ?? 'baton.invalid';
  const ids = await threadMessageIds(db, thread.accountId, thread.conversationId);
  return {
    subject: thread.subject,
    from,
    fromName: settings.channels.email.fromName ?? account?.name ?? settings.general.agentName,
    replyTo: `${await replyLocalPart(await accountReplyKey(db, thread.accountId), thread.conversationId)}@${domain}`,
    lastInbound: ids.lastInbound,
    references: ids.all,
  };
}

export async function deliverEmail(env: EmailSenderEnv, delivery: OutboundDelivery): Promise<DeliveryResult> {
  const db = openDb(env.DB);
  const done = await outboundByDelivery(db, delivery.accountId, delivery.deliveryId);
  if (done?.state === 'sent') return { kind: 'sent', providerId: done.providerId };
  const thread = await findThread(db, delivery.accountId, delivery.conversationId);
  if (!thread) return { kind: 'failed', error: 'This conversation has no email thread (no address to write to).' };
  const mail = await composeEmail({ ...delivery, to: thread.address }, await factsOf(db, env, thread));
  const now = Date.now();
  await startAttempt(
    db,
    {
      accountId: delivery.accountId,
      conversationId: delivery.conversationId,
      deliveryId: delivery.deliveryId,
      seq: delivery.seq,
      messageId: messageIdOf(mail),
      address: thread.address,
      subject: mail.subject,
    },
    now,
  );
  const sender = emailSender(env);
  const result: DeliveryResult = !sender
    ? { kind: 'failed', error: 'No email sender is configured (the EMAIL send_email binding or EMAIL_API_URL).' }
    : await sender
        .send(mail)
        .then((r) =>
          r.ok
            ? { kind: 'sent' as const, providerId: null }
            : r.retry
              ? { kind: 'retry' as const, error: r.error }
              : { kind: 'failed' as const, error: r.error },
        );
  const state = result.kind === 'sent' ? 'sent' : result.kind === 'retry' ? 'retrying' : 'failed';
  await settleAttempt(
    db,
    delivery.accountId,
    delivery.deliveryId,
    state,
    { reason: result.kind === 'sent' ? null : result.error },
    Date.now(),
  );
  return result;
}

/** The queue gave up on a delivery: its row says failed (the inbox offers Retry). */
export async function giveUpEmail(
  env: EmailSenderEnv,
  delivery: Pick<OutboundDelivery, 'accountId' | 'deliveryId'>,
  error: string,
): Promise<void> {
  const db = openDb(env.DB);
  const row = await outboundByDelivery(db, delivery.accountId, delivery.deliveryId);
  if (row && row.state !== 'sent')
    await settleAttempt(db, delivery.accountId, delivery.deliveryId, 'failed', { reason: error }, Date.now());
}

export const emailChannelSender: ChannelSender = { channel: 'email', deliver: deliverEmail, giveUp: giveUpEmail };
