// What the SMS and WhatsApp senders share: sending a reply as one or more provider messages, each
// recorded in channel_deliveries, and every provider failure turned into the contract's verdict.
//   - A part already accepted (it has a provider id) or already refused is never sent again: a retried
//     delivery picks up where the last attempt stopped, and a long reply is never sent twice.
//   - Refused credentials mark the connection expired (Settings → Channels shows it) and fail the
//     message; a number the provider reports as unsubscribed is recorded as opted out.
//   - Timeouts, 429 and 5xx are retried by the queue; any other refusal is final.
// `phoneSender` is the skeleton both senders are: read the connection, settings and contact; refuse
// what may not go out (before the provider is called); open the sealed credential; send the parts.
import { openDb, type Database } from '../db/client';
import type { PhoneChannel } from '../db/schema-channels';
import type { ChannelSender, DeliveryResult, OutboundDelivery } from '../conversation/contract';
import type { AccountSettings } from '../settings/schema';
import { readSettings } from '../settings/store';
import { SealedSecretError } from '../handoff/secret-box';
import { apiSecretOf, markConnection, readConnection, type ChannelEnv, type ConnectionRow } from './connections';
import { readContact, setOptedOut, type ContactRow } from './contacts';
import { recordPart, sentParts, type DeliveryKey } from './deliveries';
import { ProviderError } from './provider-http';

export interface PartSender {
  channel: PhoneChannel;
  /** Sends one part; resolves with the provider's message id. Throws ProviderError. */
  send(text: string): Promise<string>;
  /** The provider's error code for "this recipient opted out" (Twilio 21610), if it has one. */
  unsubscribedCode?: number;
}

export function deliveryKey(delivery: OutboundDelivery, channel: PhoneChannel): DeliveryKey {
  return {
    accountId: delivery.accountId,
    deliveryId: delivery.deliveryId,
    channel,
    conversationId: delivery.conversationId,
    seq: delivery.seq,
    recipient: delivery.to,
  };
}

/** Refuses a message before it reaches the provider (opted out, outside the window, not connected). */
export async function refuse(
  db: Database,
  delivery: OutboundDelivery,
  channel: PhoneChannel,
  error: string,
): Promise<DeliveryResult> {
  await recordPart(db, deliveryKey(delivery, channel), 0, { providerId: null, state: 'failed', error });
  return { kind: 'failed', error };
}

export async function deliverParts(
  db: Database,
  delivery: OutboundDelivery,
  parts: string[],
  sender: PartSender,
): Promise<DeliveryResult> {
  const key = deliveryKey(delivery, sender.channel);
  const done = new Map((await sentParts(db, delivery.accountId, delivery.deliveryId)).map((row) => [row.part, row]));
  let firstId: string | null = null;
  for (const [part, text] of parts.entries()) {
    const previous = done.get(part);
    if (previous?.state === 'failed')
      return { kind: 'failed', error: previous.error ?? 'The provider refused this message' };
    if (previous?.providerId) {
      firstId ??= previous.providerId;
      continue;
    }
    try {
      const providerId = await sender.send(text);
      firstId ??= providerId;
      await recordPart(db, key, part, { providerId, state: 'queued', error: null });
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      if (err.kind === 'retryable') return { kind: 'retry', error: err.message };
      if (err.kind === 'auth')
        await markConnection(db, delivery.accountId, sender.channel, { status: 'expired', lastError: err.message });
      if (sender.unsubscribedCode !== undefined && err.code === sender.unsubscribedCode) {
        await setOptedOut(db, delivery.accountId, sender.channel, delivery.to, true);
      }
      await recordPart(db, key, part, { providerId: null, state: 'failed', error: err.message });
      return { kind: 'failed', error: err.message };
    }
  }
  return { kind: 'sent', providerId: firstId };
}

/** The queue gave up (its retries ran out): the first part not accepted is recorded as failed. */
export async function giveUpParts(
  db: Database,
  delivery: OutboundDelivery,
  channel: PhoneChannel,
  error: string,
): Promise<void> {
  const accepted = (await sentParts(db, delivery.accountId, delivery.deliveryId)).filter(
    (row) => row.providerId !== null,
  ).length;
  await recordPart(db, deliveryKey(delivery, channel), accepted, { providerId: null, state: 'failed', error });
}

export interface PhoneSenderPlan {
  /** Why this message may not go to the contact at all (opted out, outside the window), or null. */
  refusal(delivery: OutboundDelivery, contact: ContactRow | undefined): string | null;
  /** The sender number / phone number id from the settings; null when not set. */
  from(settings: AccountSettings): string | null;
  notConnected: string;
  /** The message when the stored credential cannot be opened (`reason` says why). */
  unreadableSecret(reason: string): string;
  /** The texts to send, one provider message each. */
  parts(delivery: OutboundDelivery): string[];
  /** The provider call for one part, from the opened credential. */
  partSender(
    env: ChannelEnv,
    connection: ConnectionRow,
    secret: string,
    from: string,
    delivery: OutboundDelivery,
  ): PartSender;
}

export function phoneSender(channel: PhoneChannel, plan: PhoneSenderPlan): ChannelSender {
  return {
    channel,
    async deliver(env: ChannelEnv, delivery: OutboundDelivery): Promise<DeliveryResult> {
      const db = openDb(env.DB);
      const [connection, settings, contact] = await Promise.all([
        readConnection(db, delivery.accountId, channel),
        readSettings(db, delivery.accountId),
        readContact(db, delivery.accountId, channel, delivery.to),
      ]);
      const refusal = plan.refusal(delivery, contact);
      if (refusal) return refuse(db, delivery, channel, refusal);
      const from = plan.from(settings);
      if (!connection || !from) return refuse(db, delivery, channel, plan.notConnected);
      let secret: string;
      try {
        secret = await apiSecretOf(env, connection);
      } catch (err) {
        if (err instanceof SealedSecretError) return refuse(db, delivery, channel, plan.unreadableSecret(err.message));
        throw err;
      }
      return deliverParts(db, delivery, plan.parts(delivery), plan.partSender(env, connection, secret, from, delivery));
    },
    async giveUp(env: Env, delivery: OutboundDelivery, error: string): Promise<void> {
      await giveUpParts(openDb(env.DB), delivery, channel, error);
    },
  };
}
