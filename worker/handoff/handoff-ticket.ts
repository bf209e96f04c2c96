// Gathers what a helpdesk ticket carries from where it lives: the ticket row (D1), the transcript
// (the conversation's Durable Object) and the shopper's profile (D1).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { profiles, type tickets } from '../db/schema';
import { roomOf } from '../durable/namespaces';
import type { WireMessage } from '../protocol/widget';
import { transcriptLines, type HandoffTicket } from './transcript';

export type TicketRow = typeof tickets.$inferSelect;

/** The ticket cannot be sent as it is (retrying would not change that). */
export class UndeliverableTicket extends Error {}

export interface LoadedHandoff {
  ticket: HandoffTicket;
  /** The last message the transcript included: later shopper messages become comments. */
  throughSeq: number;
}

export async function loadHandoffTicket(env: Env, db: Database, row: TicketRow): Promise<LoadedHandoff> {
  const profile = row.profileId
    ? await db.query.profiles.findFirst({
        where: and(eq(profiles.id, row.profileId), eq(profiles.accountId, row.accountId)),
      })
    : undefined;
  const email = row.requesterEmail ?? profile?.email ?? null;
  if (!email)
    throw new UndeliverableTicket('The shopper left no email address, so the helpdesk has no one to reply to');
  const messages = row.conversationId ? await transcriptOf(env, row.accountId, row.conversationId) : [];
  return {
    ticket: {
      ticketId: row.id,
      number: row.number,
      subject: row.subject,
      channel: row.channel,
      requester: { email, name: profile?.name ?? null },
      profileId: row.profileId,
      conversationId: row.conversationId,
      tags: row.tags,
      lines: transcriptLines(messages),
    },
    throughSeq: messages.at(-1)?.seq ?? 0,
  };
}

export async function transcriptOf(env: Env, accountId: string, conversationId: string): Promise<WireMessage[]> {
  const result = await roomOf(env, accountId, conversationId).transcript();
  // A ticket whose conversation never started still goes out, with the header and no lines.
  return result.ok ? result.value.messages : [];
}
