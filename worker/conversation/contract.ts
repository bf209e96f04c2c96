// The seam between channels and the conversation engine (see README "Channels" and DESIGN.md's
// architecture direction). Guarantees this contract gives every channel:
// - A channel adapter validates its provider's input, finds the account and identifies the
//   participant; the room never sees a provider's wire format.
// - Every inbound message carries a `clientId` stable for that provider message (Twilio MessageSid,
//   WhatsApp message id, a hash of the email Message-ID): a redelivered webhook is stored once.
// - Every outbound message the room stores for a non-web-chat conversation becomes one
//   `OutboundDelivery` effect in the room's outbox, handed to the channel's sender through the
//   CHANNEL_QUEUE with retries; `deliveryId` is fixed when decided, so a retry never sends twice to
//   a provider that honours idempotency keys and never records a second delivery row.
// Web chat's "sender" is the room's own sockets (and the history a reconnect reads), so it has no queue.
import { z } from 'zod';
import type { Channel } from '../db/schema';

/** Who is on the other side of a conversation, as the channel identified them. */
export const participant = z.discriminatedUnion('channel', [
  /** Web chat: the SHA-256 hash of the conversation's resume token. */
  z.object({ channel: z.literal('web_chat'), resumeTokenHash: z.string().min(1) }),
  /** Email: the sender's address, lower-cased. Unverified: an email address never authenticates. */
  z.object({ channel: z.literal('email'), address: z.email().max(254) }),
  /** SMS and WhatsApp: the phone number in E.164 form. Unverified. */
  z.object({ channel: z.literal('sms'), phone: z.string().regex(/^\+[1-9]\d{6,14}$/) }),
  z.object({ channel: z.literal('whatsapp'), phone: z.string().regex(/^\+[1-9]\d{6,14}$/) }),
]);
export type Participant = z.infer<typeof participant>;

/** A file a participant sent, already stored in R2 by the channel adapter. */
export const inboundAttachment = z.object({
  key: z.string().min(1).max(512),
  name: z.string().max(255),
  contentType: z.string().max(255),
  size: z.number().int().min(0),
});
export type InboundAttachment = z.infer<typeof inboundAttachment>;

/** A participant's message, validated and identified by its channel's adapter. */
export const inboundMessage = z.object({
  clientId: z.string().min(1).max(200),
  text: z.string().max(20_000),
  attachments: z.array(inboundAttachment).max(20).default([]),
  /** Provider-specific facts the inbox may show (email subject, Message-ID, SPF/DKIM results…). */
  meta: z.record(z.string(), z.string().max(2000)).default({}),
  /**
   * Email: the message reached the participant's thread (its signed reply address) from another
   * sender. It is stored under that sender's address, marked, and not answered by the Customer Agent;
   * nothing is sent to that sender, and replies still go to the participant only.
   */
  otherSender: z.email().max(254).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessage>;

export type ChannelWithSender = Exclude<Channel, 'web_chat'>;

/** One message a channel's sender must deliver (the queue body of CHANNEL_QUEUE). */
export const outboundDelivery = z.object({
  /** `${conversationId}:${seq}`: fixed when the room decides to send, the idempotency key. */
  deliveryId: z.string().min(1).max(200),
  accountId: z.string().min(1),
  conversationId: z.string().min(1),
  channel: z.enum(['email', 'sms', 'whatsapp']),
  /** The participant's address or phone number. */
  to: z.string().min(1).max(254),
  seq: z.number().int().min(1),
  role: z.enum(['agent', 'human', 'system']),
  authorName: z.string().nullable(),
  /** Plain text. Product picks and article links are already rendered into it as text with URLs. */
  text: z.string(),
  /**
   * WhatsApp only: send this approved template (its body with `params` filled in is `text`), the one
   * kind of message WhatsApp accepts outside its 24-hour customer-service window.
   */
  template: z
    .object({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      params: z.array(z.string().min(1).max(1024)).max(20),
    })
    .optional(),
});
export type WhatsAppTemplateRef = NonNullable<z.infer<typeof outboundDelivery>['template']>;
export type OutboundDelivery = z.infer<typeof outboundDelivery>;

export type DeliveryResult =
  | { kind: 'sent'; providerId: string | null }
  /** Worth another try (network error, 429, 5xx): the queue retries with backoff. */
  | { kind: 'retry'; error: string }
  /** Will never succeed (opted out, outside the WhatsApp window, bad address): recorded as failed. */
  | { kind: 'failed'; error: string };

/** Each channel folder (worker/channels/<channel>/) exports one sender. */
export interface ChannelSender {
  readonly channel: ChannelWithSender;
  deliver(env: Env, delivery: OutboundDelivery): Promise<DeliveryResult>;
  /** The queue gave up on a delivery (its retries ran out): record it as failed. */
  giveUp?(env: Env, delivery: OutboundDelivery, error: string): Promise<void>;
}
