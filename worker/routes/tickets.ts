import { Hono } from 'hono';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { assignmentLog, tickets, users } from '../db/schema';
import { requirePermission } from '../auth/session';
import { newId } from '../ids';

const assignBody = z.object({ assigneeId: z.uuid().nullable() });

export const ticketRoutes = new Hono<AppEnv>()
  .get('/:id', requirePermission('conversations.read'), async (c) => {
    const ticket = await findTicket(c.var.db, c.var.member.accountId, c.req.param('id'));
    const history = await c.var.db
      .select()
      .from(assignmentLog)
      .where(and(eq(assignmentLog.accountId, ticket.accountId), eq(assignmentLog.ticketId, ticket.id)))
      .orderBy(desc(assignmentLog.createdAt));
    return c.json({ ticket, assignmentHistory: history });
  })
  .patch('/:id/assignee', requirePermission('tickets.assign'), async (c) => {
    const { assigneeId } = await jsonBody(c, assignBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    if (assigneeId) {
      const assignee = await db.query.users.findFirst({
        where: and(eq(users.id, assigneeId), eq(users.accountId, member.accountId), isNull(users.removedAt)),
      });
      if (!assignee) throw new ApiError(400, 'invalid_assignee', 'assigneeId is not a team member of this account');
    }
    const now = Date.now();
    const method = assigneeId === null ? 'unassign' : assigneeId === member.userId ? 'self' : 'manual';
    await db.batch([
      db.update(tickets).set({ assigneeId, updatedAt: now })
        .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, member.accountId))),
      db.insert(assignmentLog).values({
        id: newId(), accountId: member.accountId, ticketId: ticket.id, assigneeId,
        previousAssigneeId: ticket.assigneeId, actorId: member.userId, method,
        reason: assigneeId === null ? `unassigned by ${member.name}` : `assigned by ${member.name}`,
        createdAt: now,
      }),
    ]);
    return c.json({ ticket: { ...ticket, assigneeId, updatedAt: now } });
  });

async function findTicket(db: AppEnv['Variables']['db'], accountId: string, rawId: string) {
  const id = z.uuid().safeParse(rawId);
  // A malformed id and an id from another account look the same: 404.
  if (!id.success) throw notFound('Ticket');
  const ticket = await db.query.tickets.findFirst({ where: and(eq(tickets.id, id.data), eq(tickets.accountId, accountId)) });
  if (!ticket) throw notFound('Ticket');
  return ticket;
}
