// An SMS or WhatsApp customer's message, verified and parsed by its channel's webhook, joins the
// conversation of its phone number (a new one when the number has none, or its last was closed):
//   - The contact is a phone-only profile, found again by phone number. It is unverified (anyone can
//     spoof a sender number), so the conversation carries it as its contact, never as a verified
//     shopper: no order lookups by profile, no identity for the handoff.
//   - The message is stored once per provider message id (clientId), so a redelivered webhook is a no-op.
//   - The room (ConversationRoom.receive) answers; every message it stores for the participant (the
//     Customer Agent's reply, a handoff notice, a teammate's reply) goes back to the number through
//     CHANNEL_QUEUE and the channel's sender (sms/sender.ts, whatsapp/sender.ts).
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, profiles } from '../db/schema';
import { channelContacts, type PhoneChannel } from '../db/schema-channels';
import type { InboundMessage, Participant } from '../conversation/contract';
import { roomOf } from '../durable/namespaces';
import { readSettingsVersion } from '../settings/store';
import { newId } from '../ids';
import { readContact, setContactConversation } from './contacts';

export interface PhoneMessageIn {
  accountId: string;
  channel: PhoneChannel;
  /** E.164 */
  phone: string;
  /** The name the provider reports (WhatsApp profile name); unverified. */
  name: string | null;
  message: InboundMessage;
}

export async function receivePhoneMessage(env: Env, db: Database, input: PhoneMessageIn): Promise<void> {
  const conversationId = (await currentConversation(db, input)) ?? (await startConversation(env, db, input));
  // The settings version rides with the message, as on web chat: a save reaches the next message's answer.
  const result = await roomOf(env, input.accountId, conversationId).receive(
    participantOf(input),
    input.message,
    await readSettingsVersion(db, input.accountId),
  );
  // Too many messages in a minute: not stored; the customer can send it again.
  if (!result.ok) console.warn(`${input.channel} message not stored: ${result.message}`);
}

function participantOf(input: PhoneMessageIn): Participant {
  return input.channel === 'sms' ? { channel: 'sms', phone: input.phone } : { channel: 'whatsapp', phone: input.phone };
}

/** The number's conversation, unless there is none or it was closed (then a new one starts). */
async function currentConversation(db: Database, input: PhoneMessageIn): Promise<string | null> {
  const contact = await readContact(db, input.accountId, input.channel, input.phone);
  if (!contact?.conversationId) return null;
  const row = await db.query.conversations.findFirst({
    where: and(eq(conversations.accountId, input.accountId), eq(conversations.id, contact.conversationId)),
    columns: { id: true, status: true },
  });
  return row && row.status !== 'closed' ? row.id : null;
}

async function startConversation(env: Env, db: Database, input: PhoneMessageIn): Promise<string> {
  const profileId = await phoneProfile(db, input.accountId, input.phone, input.name);
  const conversationId = newId();
  const now = Date.now();
  await db.insert(conversations).values({
    id: conversationId,
    accountId: input.accountId,
    channel: input.channel,
    status: 'open',
    profileId,
    startedAt: now,
    lastActivityAt: now,
  });
  await roomOf(env, input.accountId, conversationId).start({
    accountId: input.accountId,
    conversationId,
    channel: input.channel,
    participant: participantOf(input),
    // The phone profile is unverified: the contact (events and tickets carry it), never the verified shopper.
    profileId: null,
    contactProfileId: profileId,
    isTest: false,
    language: null,
  });
  await setContactConversation(db, input.accountId, input.channel, input.phone, conversationId);
  return conversationId;
}

/** The phone-only profile of this number (unverified), created on first contact. */
async function phoneProfile(db: Database, accountId: string, phone: string, name: string | null): Promise<string> {
  const existing = await db.query.profiles.findFirst({
    where: and(eq(profiles.accountId, accountId), eq(profiles.phone, phone), isNull(profiles.externalId)),
    columns: { id: true },
  });
  if (existing) return existing.id;
  const id = newId();
  const now = Date.now();
  await db
    .insert(profiles)
    .values({ id, accountId, externalId: null, email: null, name, phone, createdAt: now, updatedAt: now });
  return id;
}

/** The phone number a phone conversation talks to (for the inbox), or null. */
export async function phoneOfConversation(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
  conversationId: string,
): Promise<string | null> {
  const rows = await db
    .select({ phone: channelContacts.phone })
    .from(channelContacts)
    .where(
      and(
        eq(channelContacts.accountId, accountId),
        eq(channelContacts.channel, channel),
        eq(channelContacts.conversationId, conversationId),
      ),
    )
    .limit(1);
  return rows[0]?.phone ?? null;
}
