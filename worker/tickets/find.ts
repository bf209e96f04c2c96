import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { tickets } from '../db/schema';
import { notFound } from '../http/errors';

export type TicketRecord = typeof tickets.$inferSelect;

/** A ticket of this account, or 404: a malformed id and another account's id look the same. */
export async function findTicket(db: Database, accountId: string, rawId: string): Promise<TicketRecord> {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw notFound('Ticket');
  const ticket = await db.query.tickets.findFirst({
    where: and(eq(tickets.id, id.data), eq(tickets.accountId, accountId)),
  });
  if (!ticket) throw notFound('Ticket');
  return ticket;
}

export function summaryOf(t: TicketRecord) {
  return {
    id: t.id,
    number: t.number,
    channel: t.channel,
    status: t.status,
    subject: t.subject,
    requesterEmail: t.requesterEmail,
    assigneeId: t.assigneeId,
    teamId: t.teamId,
    tags: t.tags,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}
