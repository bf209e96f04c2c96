// Ticket views and the ticket page. Assignment (ticket-assignment.ts) and the work on a ticket
// (ticket-work.ts: replies, notes, tasks) are mounted here too, so /api/tickets is one sub-app.
import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody, queryParams } from '../http/validate';
import { TICKET_STATUSES, tickets } from '../db/schema';
import { requirePermission } from '../auth/session';
import { listQuery, listTickets } from '../tickets/list';
import { ticketDetail } from '../tickets/detail';
import { findTicket, summaryOf } from '../tickets/find';
import { roomOf, dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import { ticketAssignmentRoutes } from './ticket-assignment';
import { ticketWorkRoutes } from './ticket-work';

const statusBody = z.object({ status: z.enum(TICKET_STATUSES) });

export const ticketRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('conversations.read'), async (c) => {
    const q = queryParams(c, listQuery);
    const { db, member } = c.var;
    return c.json(await listTickets(db, member.accountId, member.userId, q));
  })
  .route('/', ticketAssignmentRoutes)
  .route('/', ticketWorkRoutes)
  .get('/:id', requirePermission('conversations.read'), async (c) => {
    const ticket = await findTicket(c.var.db, c.var.member.accountId, c.req.param('id'));
    return c.json(await ticketDetail(c.env, c.var.db, ticket));
  })
  .patch('/:id/status', requirePermission('tickets.reply'), async (c) => {
    const { status } = await jsonBody(c, statusBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const now = Date.now();
    const closedAt = status === 'closed' ? (ticket.closedAt ?? now) : null;
    await db.update(tickets).set({ status, closedAt, updatedAt: now })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, member.accountId)));
    const updated = { ...ticket, status, closedAt, updatedAt: now };
    await retrying(() => dispatcherOf(c.env, member.accountId).ticketUpdated({ accountId: member.accountId, ticket: summaryOf(updated) }));
    // Closing hands the conversation back to the Customer Agent; a later escalation is a re-escalation.
    if (status === 'closed' && ticket.conversationId) {
      await roomOf(c.env, member.accountId, ticket.conversationId).ticketClosed(ticket.id);
    }
    return c.json({ ticket: updated });
  });
