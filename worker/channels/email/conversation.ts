// The email channel's side of the conversation room (the ConversationPort of inbound.ts), and the
// start of a "continue by email" conversation. The room knows the participant ({channel: 'email',
// address}); its answers reach them through the email sender. An email conversation has no resume
// token, so nothing can be posted into it through the widget API.
import { conversations } from '../../db/schema';
import { openDb, type Database } from '../../db/client';
import { roomOf } from '../../durable/namespaces';
import { readSettingsVersion } from '../../settings/store';
import { sha256Hex } from '../../ids';
import { formatLine, transcriptLines } from '../../handoff/transcript';
import type { WireMessage } from '../../protocol/widget';
import type { ConversationPort } from './inbound';
import { createThread } from './store';

/** Starts the conversation for a new email, then hands the message to it (the room answers or hands off). */
export const roomPort: ConversationPort = {
  async post(env, input) {
    const db = openDb(env.DB);
    const room = roomOf(env, input.accountId, input.conversationId);
    if (input.started) {
      const now = Date.now();
      await db
        .insert(conversations)
        .values({
          id: input.conversationId,
          accountId: input.accountId,
          channel: 'email',
          status: 'open',
          profileId: input.profileId,
          startedAt: now,
          lastActivityAt: now,
        })
        .onConflictDoNothing();
      await room.start({
        accountId: input.accountId,
        conversationId: input.conversationId,
        channel: 'email',
        participant: input.participant,
        profileId: null,
        isTest: false,
        language: null,
        contactProfileId: input.profileId,
        subject: input.message.meta.subject ?? null,
      });
    }
    // The settings version rides with the message, as on web chat: a save reaches the next email's answer.
    const result = await room.receive(input.participant, input.message, await readSettingsVersion(db, input.accountId));
    // A closed conversation (its ticket went to Gorgias, which answers by email itself) takes no more mail.
    if (!result.ok) console.warn(`email not posted to conversation ${input.conversationId}: ${result.code}`);
  },
};

export interface EmailContinuation {
  accountId: string;
  ticketId: string;
  email: string;
  profileId: string | null;
  subject: string;
  /** The web chat so far, kept as the new conversation's first (never emailed) notice. */
  history: readonly WireMessage[];
}

/**
 * A web-chat shopper chose "continue by email": the ticket gets its own email conversation, already
 * with the team. Teammate replies go there and out by email; they never enter the web chat, whose
 * shopper is anonymous. The shopper's email replies thread back into it by the signed Reply-To.
 */
export async function startEmailContinuation(env: Env, db: Database, c: EmailContinuation): Promise<string> {
  // Derived from the ticket id, which the room fixes before a handoff: a retried handoff (after a D1
  // failure or a restart) finds the same conversation, and every step below is idempotent.
  const conversationId = await continuationId(c.ticketId);
  const now = Date.now();
  const address = c.email.toLowerCase();
  await db
    .insert(conversations)
    .values({
      id: conversationId,
      accountId: c.accountId,
      channel: 'email',
      status: 'escalated',
      profileId: c.profileId,
      startedAt: now,
      lastActivityAt: now,
      escalatedAt: now,
    })
    .onConflictDoNothing();
  await createThread(
    db,
    { conversationId, accountId: c.accountId, address, subject: c.subject, origin: 'web_chat' },
    now,
  );
  const room = roomOf(env, c.accountId, conversationId);
  await room.start({
    accountId: c.accountId,
    conversationId,
    channel: 'email',
    participant: { channel: 'email', address },
    profileId: null,
    isTest: false,
    language: null,
    contactProfileId: c.profileId,
    subject: c.subject,
    handedOff: { ticketId: c.ticketId, helpdesk: 'inbox' },
  });
  const lines = transcriptLines(c.history.filter((m) => m.role !== 'system')).map(formatLine);
  await room.postSystemNotice({
    clientId: 'origin:web_chat',
    text: ['Continued by email from a web chat. The chat so far:', ...lines].join('\n').slice(0, 20_000),
  });
  return conversationId;
}

/** A UUID (version 4 layout) from SHA-256 of the ticket id: as unguessable as the ticket id itself. */
async function continuationId(ticketId: string): Promise<string> {
  const hex = await sha256Hex(`email-continuation:${ticketId}`);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
