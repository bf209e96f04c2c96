// Everything the ticket page shows, in one response: the ticket, its transcript (from the
// conversation's Durable Object), assignment history, notes, tasks and how many tickets this
// customer has opened, the first-response SLA state now (worker/tickets/sla.ts), and the messages of its
// conversation that no channel sender could deliver (with the reason).
import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { assignmentLog, tickets } from '../db/schema';
import { ticketNotes, ticketTasks } from '../db/schema-inbox';
import type { WireMessage } from '../protocol/widget';
import { roomOf } from '../durable/namespaces';
import { undeliveredOf } from '../channels/dead-letters';
import type { TicketRecord } from './find';
import { slaState } from './sla';

export async function ticketDetail(env: Env, db: Database, ticket: TicketRecord) {
  const scope = (table: typeof ticketNotes | typeof ticketTasks | typeof assignmentLog) =>
    and(eq(table.accountId, ticket.accountId), eq(table.ticketId, ticket.id));
  const sameCustomer = ticket.profileId
    ? eq(tickets.profileId, ticket.profileId)
    : ticket.requesterEmail
      ? eq(tickets.requesterEmail, ticket.requesterEmail)
      : eq(tickets.id, ticket.id);
  const [[history, notes, tasks, customer], transcript, undelivered] = await Promise.all([
    db.batch([
      db.select().from(assignmentLog).where(scope(assignmentLog)).orderBy(desc(assignmentLog.createdAt)),
      db.select().from(ticketNotes).where(scope(ticketNotes)).orderBy(asc(ticketNotes.createdAt)),
      db.select().from(ticketTasks).where(scope(ticketTasks)).orderBy(asc(ticketTasks.dueAt)),
      db
        .select({ n: count() })
        .from(tickets)
        .where(and(eq(tickets.accountId, ticket.accountId), sameCustomer)),
    ]),
    transcriptOf(env, ticket),
    ticket.conversationId ? undeliveredOf(db, ticket.accountId, ticket.conversationId) : [],
  ]);
  return {
    ticket,
    transcript,
    assignmentHistory: history,
    notes,
    tasks,
    customerTicketCount: customer[0]?.n ?? 1,
    sla: slaState(ticket, Date.now()),
    undelivered,
  };
}

async function transcriptOf(env: Env, ticket: TicketRecord): Promise<WireMessage[]> {
  if (!ticket.conversationId) return [];
  const result = await roomOf(env, ticket.accountId, ticket.conversationId).transcript();
  // A ticket whose conversation object was never started (imported, or email-only) has no transcript.
  return result.ok ? result.value.messages : [];
}
