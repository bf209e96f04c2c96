// Turns the Dispatcher's outbox items into D1 statements. Each is idempotent (the log row's id is
// fixed when the decision is made), so replaying an item after a failed batch changes nothing twice.
import { and, eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { assignmentLog, tickets, users } from '../db/schema';
import type { OutboxItem } from './types';

export function statementsFor(db: Database, item: OutboxItem): BatchItem<'sqlite'>[] {
  if (item.kind === 'presence') {
    return [
      db
        .update(users)
        .set({ presence: item.presence })
        .where(and(eq(users.id, item.userId), eq(users.accountId, item.accountId))),
    ];
  }
  const w = item.write;
  return [
    db
      .update(tickets)
      .set({ assigneeId: w.assigneeId, ...(w.setsTeam ? { teamId: w.teamId } : {}), updatedAt: w.at })
      .where(and(eq(tickets.id, w.ticketId), eq(tickets.accountId, w.accountId))),
    db
      .insert(assignmentLog)
      .values({
        id: w.logId,
        accountId: w.accountId,
        ticketId: w.ticketId,
        assigneeId: w.assigneeId,
        previousAssigneeId: w.previousAssigneeId,
        teamId: w.teamId,
        actorId: w.actorId,
        method: w.method,
        reason: w.reason,
        createdAt: w.at,
      })
      .onConflictDoNothing(),
  ];
}
