// /api/webhooks: calls from helpdesks, authenticated by their signatures (no cookie, no CSRF check:
// they come from Zendesk's servers). POST /zendesk/:accountId takes an agent's reply on a Baton
// ticket and posts it into the conversation, which reaches the shopper's widget live.
//
// Answers: 401 for a missing, stale or wrong signature; 400 for a body that is not the documented
// shape; 200 with `status: "ignored"` for requests that are valid but have nothing to post (internal
// note, a ticket Baton did not create, the shopper's own comment, a conversation that moved to email),
// so Zendesk does not retry them or pause the webhook.
import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { parseWith, textBody } from '../http/validate';
import { tickets } from '../db/schema';
import { helpdeskLinks } from '../db/schema-integrations';
import { roomOf } from '../durable/namespaces';
import { readIntegration, webhookSecretOf } from '../handoff/integrations';
import { SealedSecretError } from '../handoff/secret-box';
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyZendeskSignature,
  zendeskReplyPayload,
} from '../handoff/zendesk-webhook';

const ignored = (reason: string) => ({ status: 'ignored' as const, reason });

export const webhookRoutes = new Hono<AppEnv>().post('/zendesk/:accountId', async (c) => {
  const accountId = c.req.param('accountId');
  const { db } = c.var;
  const body = await textBody(c);

  const integration = accountId.length <= 100 ? await readIntegration(db, accountId, 'zendesk') : undefined;
  let secret: string | null = null;
  try {
    secret = integration ? await webhookSecretOf(c.env, integration) : null;
  } catch (err) {
    if (!(err instanceof SealedSecretError)) throw err;
  }
  if (!secret)
    throw new ApiError(401, 'webhook_not_configured', 'No Zendesk webhook signing secret is stored for this account');
  const check = await verifyZendeskSignature(
    secret,
    c.req.header(SIGNATURE_HEADER),
    c.req.header(TIMESTAMP_HEADER),
    body,
  );
  if (!check.ok) throw new ApiError(401, check.code, check.message);

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The request body is not valid JSON');
  }
  const reply = parseWith(zendeskReplyPayload, json, 'invalid_request');
  if (!reply.public) return c.json(ignored('internal note'));

  const [link] = await db
    .select()
    .from(helpdeskLinks)
    .where(
      and(
        eq(helpdeskLinks.accountId, accountId),
        eq(helpdeskLinks.kind, 'zendesk'),
        eq(helpdeskLinks.remoteId, reply.ticket_id),
      ),
    )
    .limit(1);
  if (!link) return c.json(ignored('not a Baton ticket'));
  if (reply.author_id && reply.author_id === link.remoteRequesterId)
    return c.json(ignored("the shopper's own message"));
  const ticket = await db.query.tickets.findFirst({
    where: and(eq(tickets.id, link.ticketId), eq(tickets.accountId, accountId)),
  });
  if (!ticket?.conversationId) return c.json(ignored('the ticket has no conversation'));

  const posted = await roomOf(c.env, accountId, ticket.conversationId).postHumanReply({
    ticketId: ticket.id,
    clientId: `zendesk:${reply.comment_id}`, // a retried webhook is stored once
    text: reply.body,
    authorName: reply.author_name,
  });
  if (!posted.ok) return c.json(ignored(posted.message));
  const now = Date.now();
  await db
    .update(tickets)
    .set({ firstResponseAt: now, updatedAt: now })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, accountId), isNull(tickets.firstResponseAt)));
  return c.json({ status: 'posted' as const, seq: posted.value.seq });
});
