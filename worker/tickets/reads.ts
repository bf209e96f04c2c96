// The per-member unread marker: opening a ticket records when this member last saw it; a row is
// unread while the conversation's last shopper message is newer (worker/tickets/list.ts).
import type { Database } from '../db/client';
import { ticketReads } from '../db/schema-inbox';
import type { TicketRecord } from './find';

export async function markRead(db: Database, ticket: TicketRecord, userId: string, at = Date.now()): Promise<void> {
  await db
    .insert(ticketReads)
    .values({ accountId: ticket.accountId, ticketId: ticket.id, userId, readAt: at })
    .onConflictDoUpdate({ target: [ticketReads.ticketId, ticketReads.userId], set: { readAt: at } });
}
