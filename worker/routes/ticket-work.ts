// Working a ticket: replying to the shopper (Agent and up; with a macro, its status and tags in the same
// request), internal notes and follow-up tasks.
import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { users } from '../db/schema';
import { ticketNotes, ticketTasks } from '../db/schema-inbox';
import { requirePermission } from '../auth/session';
import { MAX_MESSAGE_CHARS } from '../protocol/limits';
import { findTicket } from '../tickets/find';
import { replyToTicket } from '../tickets/reply';
import { findCanned } from '../canned/store';
import { replyWithMacro } from '../canned/apply';
import { newId } from '../ids';

const replyBody = z.object({
  clientId: z.uuid({ message: 'clientId must be a UUID the inbox generates once per reply' }),
  text: z.string().trim().min(1, 'text is empty').max(MAX_MESSAGE_CHARS),
  /**
   * The last message seq on screen when this draft began: if another teammate replied after it, the
   * reply is refused with 409 replied_meanwhile (the inbox asks, then sends again without it).
   */
  unlessRepliedAfter: z.number().int().min(0).nullable().optional(),
  /** The canned reply or macro this text came from: a macro's status and tags are set with the reply. */
  macroId: z.uuid({ message: 'macroId must be the id of a canned reply you can use' }).optional(),
});
const noteBody = z.object({ body: z.string().trim().min(1, 'body is empty').max(5000) });
const taskBody = z.object({
  title: z.string().trim().min(1).max(200),
  dueAt: z.number().int().min(0),
  assigneeId: z.uuid().nullable().optional(),
});
const taskPatch = z.object({ done: z.boolean() });

export const ticketWorkRoutes = new Hono<AppEnv>()
  .post('/:id/replies', requirePermission('tickets.reply'), async (c) => {
    const { clientId, text, unlessRepliedAfter, macroId } = await jsonBody(c, replyBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const reply = { clientId, text, authorName: member.name, authorId: member.userId, unlessRepliedAfter };
    if (!macroId) return c.json({ message: await replyToTicket(c.env, db, ticket, reply) }, 201);
    const macro = await findCanned(db, member, macroId);
    // waitUntil: should the inbox tab close mid-request, the reply and its macro's changes still finish.
    const work = replyWithMacro(c.env, db, ticket, macro, reply);
    c.executionCtx.waitUntil(work.catch(() => undefined));
    const { message, ticket: updated } = await work;
    return c.json({ message, ticket: updated }, 201);
  })
  .post('/:id/notes', requirePermission('tickets.reply'), async (c) => {
    const { body } = await jsonBody(c, noteBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const note = {
      id: newId(),
      accountId: member.accountId,
      ticketId: ticket.id,
      authorId: member.userId,
      body,
      createdAt: Date.now(),
    };
    await db.insert(ticketNotes).values(note);
    return c.json({ note }, 201);
  })
  .post('/:id/tasks', requirePermission('tickets.reply'), async (c) => {
    const input = await jsonBody(c, taskBody);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    if (input.assigneeId) {
      const assignee = await db.query.users.findFirst({
        where: and(eq(users.id, input.assigneeId), eq(users.accountId, member.accountId), isNull(users.removedAt)),
      });
      if (!assignee) throw new ApiError(400, 'invalid_assignee', 'assigneeId is not a team member of this account');
    }
    const task = {
      id: newId(),
      accountId: member.accountId,
      ticketId: ticket.id,
      title: input.title,
      dueAt: input.dueAt,
      assigneeId: input.assigneeId ?? member.userId,
      createdBy: member.userId,
      createdAt: Date.now(),
      doneAt: null,
    };
    await db.insert(ticketTasks).values(task);
    return c.json({ task }, 201);
  })
  .patch('/:id/tasks/:taskId', requirePermission('tickets.reply'), async (c) => {
    const { done } = await jsonBody(c, taskPatch);
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    const taskId = z.uuid().safeParse(c.req.param('taskId'));
    if (!taskId.success) throw notFound('Task');
    const where = and(
      eq(ticketTasks.id, taskId.data),
      eq(ticketTasks.accountId, member.accountId),
      eq(ticketTasks.ticketId, ticket.id),
    );
    const [task] = await db
      .update(ticketTasks)
      .set({ doneAt: done ? Date.now() : null })
      .where(where)
      .returning();
    if (!task) throw notFound('Task');
    return c.json({ task });
  });
