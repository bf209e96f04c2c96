// Setting a ticket's status (the Status control, the row menu, macros, the demo seed): the D1 row,
// the Dispatcher's live update, and on close the hand-back of the conversation to the Customer Agent
// (which also asks the shopper for a rating once per ticket).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tickets, type TicketStatus } from '../db/schema';
import { dispatcherOf, roomOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import { summaryOf, type TicketRecord } from './find';

export async function setTicketStatus(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  status: TicketStatus,
): Promise<TicketRecord> {
  const now = Date.now();
  const closedAt = status === 'closed' ? (ticket.closedAt ?? now) : null;
  await db
    .update(tickets)
    .set({ status, closedAt, updatedAt: now })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, ticket.accountId)));
  const updated = { ...ticket, status, closedAt, updatedAt: now };
  await retrying(() =>
    dispatcherOf(env, ticket.accountId).ticketUpdated({ accountId: ticket.accountId, ticket: summaryOf(updated) }),
  );
  // Closing hands the conversation back to the Customer Agent; a later escalation is a re-escalation.
  if (status === 'closed' && ticket.conversationId) {
    await roomOf(env, ticket.accountId, ticket.conversationId).ticketClosed(ticket.id);
  }
  return updated;
}
