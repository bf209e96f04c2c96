// What Baton knows about one phone number on one channel: whether it opted out (SMS STOP — an opted-out
// number is never sent anything until it texts START), when it last wrote (WhatsApp only lets a
// business send free text within 24 hours of the customer's last message), and the conversation its
// next message joins. Every read and write is scoped by account.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { channelContacts, type PhoneChannel } from '../db/schema-channels';

export type ContactRow = typeof channelContacts.$inferSelect;

/** WhatsApp's customer-service window: free-form messages only within 24 h of the customer's last one. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export async function readContact(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
  phone: string,
): Promise<ContactRow | undefined> {
  const rows = await db
    .select()
    .from(channelContacts)
    .where(
      and(
        eq(channelContacts.accountId, accountId),
        eq(channelContacts.channel, channel),
        eq(channelContacts.phone, phone),
      ),
    )
    .limit(1);
  return rows[0];
}

/** A message from the number arrived (sent at `at`): the window opens from the newest one. */
export function recordInbound(db: Database, accountId: string, channel: PhoneChannel, phone: string, at: number) {
  const now = Date.now();
  return db
    .insert(channelContacts)
    .values({ accountId, channel, phone, lastInboundAt: at, updatedAt: now })
    .onConflictDoUpdate({
      target: [channelContacts.accountId, channelContacts.channel, channelContacts.phone],
      set: { lastInboundAt: sql`max(coalesce(${channelContacts.lastInboundAt}, 0), ${at})`, updatedAt: now },
    });
}

/** STOP (true) or START (false). */
export function setOptedOut(db: Database, accountId: string, channel: PhoneChannel, phone: string, optedOut: boolean) {
  const now = Date.now();
  const optedOutAt = optedOut ? now : null;
  return db
    .insert(channelContacts)
    .values({ accountId, channel, phone, optedOutAt, updatedAt: now })
    .onConflictDoUpdate({
      target: [channelContacts.accountId, channelContacts.channel, channelContacts.phone],
      set: { optedOutAt, updatedAt: now },
    });
}

/** The conversation this number's next message joins. */
export function setContactConversation(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
  phone: string,
  conversationId: string,
) {
  const now = Date.now();
  return db
    .insert(channelContacts)
    .values({ accountId, channel, phone, conversationId, updatedAt: now })
    .onConflictDoUpdate({
      target: [channelContacts.accountId, channelContacts.channel, channelContacts.phone],
      set: { conversationId, updatedAt: now },
    });
}

export function withinWhatsAppWindow(contact: ContactRow | undefined, now = Date.now()): boolean {
  return contact?.lastInboundAt != null && now - contact.lastInboundAt < WHATSAPP_WINDOW_MS;
}
