// Ticket views and the ticket page (opening it marks it read for the member: the rows' unread marker). Assignment (ticket-assignment.ts) and the work on a ticket
// (ticket-work.ts: replies, notes, tasks) are mounted here too, so /api/tickets is one sub-app.
import { ticketCannedRoutes } from './canned-replies';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody, queryParams } from '../http/validate';
import { TICKET_STATUSES } from '../db/schema';
import { requirePermission } from '../auth/session';
import { listQuery, listTickets } from '../tickets/list';
import { ticketDetail } from '../tickets/detail';
import { findTicket } from '../tickets/find';
import { setTicketStatus } from '../tickets/status';
import { setTicketTags, ticketTags } from '../tickets/tags';
import { markRead } from '../tickets/reads';
import { ticketAssignmentRoutes } from './ticket-assignment';
import { ticketWorkRoutes } from './ticket-work';
import { ticketFileRoutes } from './ticket-files';

const statusBody = z.object({ status: z.enum(TICKET_STATUSES) });
const tagsBody = z.object({ tags: ticketTags });

export const ticketRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('conversations.read'), async (c) => {
    const q = queryParams(c, listQuery);
    const { db, member } = c.var;
    return c.json(await listTickets(db, member.accountId, member.userId, q));
  })
  .route('/', ticketAssignmentRoutes)
  .route('/', ticketWorkRoutes)
  .route('/', ticketCannedRoutes)
  .route('/', ticketFileRoutes)
  .get('/:id', requirePermission('conversations.read'), async (c) => {
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const [detail] = await Promise.all([ticketDetail(c.env, db, ticket), markRead(db, ticket, member.userId)]);
    return c.json(detail);
  })
  .put('/:id/tags', requirePermission('tickets.reply'), async (c) => {
    const { tags } = await jsonBody(c, tagsBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    return c.json({ ticket: await setTicketTags(c.env, db, ticket, tags) });
  })
  .patch('/:id/status', requirePermission('tickets.reply'), async (c) => {
    const { status } = await jsonBody(c, statusBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const updated = await setTicketStatus(c.env, db, ticket, status);
    return c.json({ ticket: updated });
  });
