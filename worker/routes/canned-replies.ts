// Canned replies and macros: managing them (/api/canned-replies) and filling one for a ticket
// (/api/tickets/:id/canned-replies/:cannedId); a macro's status and tags go with its reply
// (POST /api/tickets/:id/replies with macroId, worker/routes/ticket-work.ts). Anyone who replies may keep personal ones; account-wide
// ones are edited by Managers and up (worker/canned/store.ts). zod at the edge; ids of another account
// or another member's personal reply answer 404.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { cannedInput, cannedPatch } from '../canned/schema';
import { createCanned, deleteCanned, findCanned, listCanned, publicCanned, updateCanned } from '../canned/store';
import { renderCanned } from '../canned/apply';
import { findTicket } from '../tickets/find';

export const cannedReplyRoutes = new Hono<AppEnv>()
  .use(requirePermission('tickets.reply'))
  .get('/', async (c) => c.json({ cannedReplies: (await listCanned(c.var.db, c.var.member)).map(publicCanned) }))
  .post('/', async (c) => {
    const input = await jsonBody(c, cannedInput);
    return c.json({ cannedReply: publicCanned(await createCanned(c.var.db, c.var.member, input)) }, 201);
  })
  .patch('/:id', async (c) => {
    const patch = await jsonBody(c, cannedPatch);
    return c.json({ cannedReply: publicCanned(await updateCanned(c.var.db, c.var.member, c.req.param('id'), patch)) });
  })
  .delete('/:id', async (c) => {
    await deleteCanned(c.var.db, c.var.member, c.req.param('id'));
    return c.json({ deleted: true });
  });

/** Mounted under /api/tickets. */
export const ticketCannedRoutes = new Hono<AppEnv>()
  /** The reply's text for this ticket, variables filled (the inbox puts it in the reply box). */
  .get('/:id/canned-replies/:cannedId', requirePermission('tickets.reply'), async (c) => {
    const { db, member } = c.var;
    const [ticket, row] = await Promise.all([
      findTicket(db, member.accountId, c.req.param('id')),
      findCanned(db, member, c.req.param('cannedId')),
    ]);
    return c.json({
      text: await renderCanned(db, member, ticket, row),
      macro: { setStatus: row.setStatus, addTags: row.addTags },
    });
  });
