// CSAT: after a conversation's ticket closes, its shopper rates the help 1–5 with an optional comment.
// One rating per ticket: the same answer sent again (a retry) is accepted once, a different one is 409.
// The rating and its "CSAT Submitted" event are written in one batch.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, events, tickets } from '../db/schema';
import { csatResponses } from '../db/schema-insights';
import { CSAT_EVENT } from '../events/names';
import { ApiError } from '../http/errors';
import { newId } from '../ids';

export interface CsatInput {
  accountId: string;
  conversationId: string;
  rating: number;
  comment: string | null;
}

/** The conversation's most recently closed ticket: the one a rating is about. */
export async function closedTicketOf(db: Database, accountId: string, conversationId: string) {
  const [ticket] = await db
    .select({
      id: tickets.id,
      channel: tickets.channel,
      profileId: tickets.profileId,
      assigneeId: tickets.assigneeId,
      closedAt: tickets.closedAt,
    })
    .from(tickets)
    .where(
      and(eq(tickets.accountId, accountId), eq(tickets.conversationId, conversationId), eq(tickets.status, 'closed')),
    )
    .orderBy(desc(tickets.closedAt))
    .limit(1);
  return ticket ?? null;
}

export async function submitCsat(db: Database, input: CsatInput) {
  const ticket = await closedTicketOf(db, input.accountId, input.conversationId);
  if (!ticket)
    throw new ApiError(
      409,
      'no_closed_ticket',
      'Ratings are asked for once a teammate has closed the conversation’s ticket',
    );
  const [existing] = await db
    .select()
    .from(csatResponses)
    .where(and(eq(csatResponses.accountId, input.accountId), eq(csatResponses.ticketId, ticket.id)))
    .limit(1);
  if (existing) {
    if (existing.rating === input.rating && existing.comment === input.comment)
      return { rating: existing, duplicate: true };
    throw new ApiError(409, 'already_rated', 'This conversation has already been rated');
  }
  const [conv] = await db
    .select({ profileId: conversations.profileId })
    .from(conversations)
    .where(and(eq(conversations.accountId, input.accountId), eq(conversations.id, input.conversationId)))
    .limit(1);
  const now = Date.now();
  const profileId = ticket.profileId ?? conv?.profileId ?? null;
  const row = {
    id: newId(),
    accountId: input.accountId,
    conversationId: input.conversationId,
    ticketId: ticket.id,
    profileId,
    channel: ticket.channel,
    assigneeId: ticket.assigneeId,
    rating: input.rating,
    comment: input.comment,
    createdAt: now,
  };
  await db.batch([
    // A racing duplicate loses on the (account, ticket) unique key and writes neither row.
    db.insert(csatResponses).values(row).onConflictDoNothing(),
    // The event only if this rating row went in (columns in the events table's order).
    db
      .insert(events)
      .select(sql`
      SELECT ${newId()}, ${input.accountId}, ${CSAT_EVENT}, ${profileId}, ${input.conversationId}, ${ticket.channel},
             ${JSON.stringify({ conversationId: input.conversationId, channel: ticket.channel, ticketId: ticket.id, rating: input.rating, comment: input.comment, profile: profileId })},
             ${now}, ${`csat:${ticket.id}`}
      WHERE EXISTS (SELECT 1 FROM csat_responses WHERE id = ${row.id})`)
      .onConflictDoNothing(),
  ]);
  const [stored] = await db
    .select()
    .from(csatResponses)
    .where(and(eq(csatResponses.accountId, input.accountId), eq(csatResponses.ticketId, ticket.id)))
    .limit(1);
  if (!stored) throw new Error('the CSAT rating was not stored');
  if (stored.id === row.id) return { rating: stored, duplicate: false };
  // Lost a race to another submission: the same answer is a retry, another answer a conflict.
  if (stored.rating === input.rating && stored.comment === input.comment) return { rating: stored, duplicate: true };
  throw new ApiError(409, 'already_rated', 'This conversation has already been rated');
}
