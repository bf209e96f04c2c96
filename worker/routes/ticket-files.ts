// A teammate attaches a file from the inbox (Agent and up): the same checks as a shopper's file (type
// by its first bytes, at most 5 MB; see channels/web-chat/files.ts), stored in R2 under the ticket's
// conversation, then posted as the teammate's reply whose `link` is the file's unguessable URL (the
// widget shows a thumbnail or a download link; other channels get the URL as text). Idempotent by
// clientId; when the conversation refuses the reply (moved to email, closed) the file is removed again.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { findTicket } from '../tickets/find';
import { replyToTicket } from '../tickets/reply';
import { storeUploadedFile } from '../channels/web-chat/files';

export const ticketFileQuery = z.object({
  clientId: z.uuid({ message: 'clientId must be a UUID the inbox generates once per file' }),
  name: z.string().trim().min(1, 'name is empty').max(200),
});

export const ticketFileRoutes = new Hono<AppEnv>().post('/:id/files', requirePermission('tickets.reply'), async (c) => {
  const { clientId, name } = queryParams(c, ticketFileQuery);
  const { db, member } = c.var;
  const ticket = await findTicket(db, member.accountId, c.req.param('id'));
  if (!ticket.conversationId)
    throw new ApiError(409, 'no_conversation', 'This ticket has no chat conversation to attach a file to');
  const file = await storeUploadedFile(c, ticket.conversationId, name);
  try {
    const message = await replyToTicket(c.env, db, ticket, {
      clientId,
      text: `📎 ${name}`,
      authorName: member.name,
      authorId: member.userId,
      link: file.url,
    });
    return c.json({ message }, 201);
  } catch (err) {
    await c.env.MEDIA.delete(file.key);
    throw err;
  }
});
