// What the SMS and WhatsApp senders share: sending a reply as one or more provider messages, each
// recorded in channel_deliveries, and every provider failure turned into the contract's verdict.
//   - A part already accepted (it has a provider id) or already refused is never sent again: a retried
//     delivery picks up where the last attempt stopped, and a long reply is never sent twice.
//   - Refused credentials mark the connection expired (Settings → Channels shows it) and fail the
//     message; a number the provider reports as unsubscribed is recorded as opted out.
//   - Timeouts, 429 and 5xx are retried by the queue; any other refusal is final.
import type { Database } from '../db/client';
import type { PhoneChannel } from '../db/schema-channels';
import type { DeliveryResult, OutboundDelivery } from '../conversation/contract';
import { markConnection } from './connections';
import { setOptedOut } from './contacts';
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
  return { accountId: delivery.accountId, deliveryId: delivery.deliveryId, channel, conversationId: delivery.conversationId, seq: delivery.seq, recipient: delivery.to };
}

/** Refuses a message before it reaches the provider (opted out, outside the window, not connected). */
export async function refuse(db: Database, delivery: OutboundDelivery, channel: PhoneChannel, error: string): Promise<DeliveryResult> {
  await recordPart(db, deliveryKey(delivery, channel), 0, { providerId: null, state: 'failed', error });
  return { kind: 'failed', error };
}

export async function deliverParts(db: Database, delivery: OutboundDelivery, parts: string[], sender: PartSender): Promise<DeliveryResult> {
  const key = deliveryKey(delivery, sender.channel);
  const done = new Map((await sentParts(db, delivery.accountId, delivery.deliveryId)).map((row) => [row.part, row]));
  let firstId: string | null = null;
  for (const [part, text] of parts.entries()) {
    const previous = done.get(part);
    if (previous?.state === 'failed') return { kind: 'failed', error: previous.error ?? 'The provider refused this message' };
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
      if (err.kind === 'auth') await markConnection(db, delivery.accountId, sender.channel, { status: 'expired', lastError: err.message });
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
export async function giveUpParts(db: Database, delivery: OutboundDelivery, channel: PhoneChannel, error: string): Promise<void> {
  const accepted = (await sentParts(db, delivery.accountId, delivery.deliveryId)).filter((row) => row.providerId !== null).length;
  await recordPart(db, deliveryKey(delivery, channel), accepted, { providerId: null, state: 'failed', error });
}
