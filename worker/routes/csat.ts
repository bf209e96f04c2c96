// CSAT from the shopper's side (cross-origin, like the widget API): the conversation's resume token
// proves the caller is its shopper; the conversation's Durable Object is the only one that can check it.
//   GET  /api/csat?conversationId=…   (Authorization: Bearer <resume token>) → may this shopper rate now?
//   POST /api/csat { conversationId, resumeToken, rating, comment? }
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody, queryParams } from '../http/validate';
import { conversations } from '../db/schema';
import { csatResponses } from '../db/schema-insights';
import { valueOrHttpError } from '../platform/results';
import { roomOf } from '../durable/namespaces';
import { sha256Hex } from '../ids';
import { closedTicketOf, submitCsat } from '../csat/submit';
import { sweepSoon } from '../webhooks/outbox';

const csatBody = z.object({
  conversationId: z.uuid(),
  resumeToken: z.string().min(1).max(200),
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
const statusQuery = z.object({ conversationId: z.uuid() });

export const csatRoutes = new Hono<AppEnv>()
  .use('*', cors({ origin: (origin) => origin, allowHeaders: ['content-type', 'authorization'], maxAge: 600 }))
  .get('/', async (c) => {
    const { conversationId } = queryParams(c, statusQuery);
    const token = /^Bearer (\S{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token)
      throw new ApiError(401, 'missing_token', 'Send the conversation resume token as Authorization: Bearer <token>');
    const accountId = await provenShopper(c, conversationId, token);
    const ticket = await closedTicketOf(c.var.db, accountId, conversationId);
    const [rated] = ticket
      ? await c.var.db
          .select({ rating: csatResponses.rating })
          .from(csatResponses)
          .where(and(eq(csatResponses.accountId, accountId), eq(csatResponses.ticketId, ticket.id)))
          .limit(1)
      : [];
    return c.json({ canRate: Boolean(ticket) && !rated, rating: rated?.rating ?? null });
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, csatBody);
    const accountId = await provenShopper(c, body.conversationId, body.resumeToken);
    const result = await submitCsat(c.var.db, {
      accountId,
      conversationId: body.conversationId,
      rating: body.rating,
      comment: body.comment || null,
    });
    if (!result.duplicate) c.executionCtx.waitUntil(sweepSoon(c.env, accountId));
    const { rating, comment, createdAt } = result.rating;
    return c.json({ rating: { rating, comment, createdAt } }, result.duplicate ? 200 : 201);
  });

/** The conversation's account, once its Durable Object has accepted the resume token. */
async function provenShopper(c: Context<AppEnv>, conversationId: string, token: string): Promise<string> {
  const [row] = await c.var.db
    .select({ accountId: conversations.accountId })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .limit(1);
  if (!row) throw notFound('Conversation');
  valueOrHttpError(
    await roomOf(c.env, row.accountId, conversationId).history(await sha256Hex(token), Number.MAX_SAFE_INTEGER),
  );
  return row.accountId;
}
