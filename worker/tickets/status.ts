// Setting a ticket's status (the Status control, the row menu, macros, the demo seed): the D1 row,
// the Dispatcher's live update, and on close the hand-back of the conversation to the Customer Agent
// (which also asks the shopper for a rating once per ticket). A macro sent with a reply writes the same
// fields in the reply's own batch (worker/canned/apply.ts), then announces through `ticketChanged`.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tickets, type TicketStatus } from '../db/schema';
import { dispatcherOf, roomOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import { summaryOf, type TicketRecord } from './find';

/** The row fields a change to `status` sets: a ticket keeps the time it was first closed. */
export function statusFields(ticket: TicketRecord, status: TicketStatus, now: number) {
  return { status, closedAt: status === 'closed' ? (ticket.closedAt ?? now) : null };
}

/** After a ticket's row changed: every open inbox is told; `closed` hands the conversation back. */
export async function ticketChanged(env: Env, updated: TicketRecord, closed: boolean): Promise<void> {
  await retrying(() =>
    dispatcherOf(env, updated.accountId).ticketUpdated({ accountId: updated.accountId, ticket: summaryOf(updated) }),
  );
  // Closing hands the conversation back to the Customer Agent; a later escalation is a re-escalation.
  if (closed && updated.conversationId) {
    await roomOf(env, updated.accountId, updated.conversationId).ticketClosed(updated.id);
  }
}

export async function setTicketStatus(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  status: TicketStatus,
): Promise<TicketRecord> {
  const now = Date.now();
  const fields = statusFields(ticket, status, now);
  await db
    .update(tickets)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, ticket.accountId)));
  const updated = { ...ticket, ...fields, updatedAt: now };
  await ticketChanged(env, updated, status === 'closed');
  return updated;
}
