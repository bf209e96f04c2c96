// The per-member unread marker: opening a ticket records when this member last saw it; a row is
// unread while the conversation's last shopper message is newer (worker/tickets/list.ts). The mark
// only moves forward, so a late write (a message seen while open, delivered after a later open) never
// makes older messages unread again.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { ticketReads } from '../db/schema-inbox';

type TicketRef = { accountId: string; id: string };

function readMark(db: Database, ticket: TicketRef, userId: string, at: number) {
  return db
    .insert(ticketReads)
    .values({ accountId: ticket.accountId, ticketId: ticket.id, userId, readAt: at })
    .onConflictDoUpdate({
      target: [ticketReads.ticketId, ticketReads.userId],
      set: { readAt: sql`MAX(${ticketReads.readAt}, ${at})` },
    });
}

export async function markRead(db: Database, ticket: TicketRef, userId: string, at = Date.now()): Promise<void> {
  await readMark(db, ticket, userId, at);
}

/** Members who had the ticket open when a shopper message arrived have read it (one batch). */
export async function markReadByAll(db: Database, ticket: TicketRef, userIds: string[], at: number): Promise<void> {
  const [first, ...rest] = userIds.map((userId) => readMark(db, ticket, userId, at));
  if (first) await db.batch([first, ...rest]);
}
