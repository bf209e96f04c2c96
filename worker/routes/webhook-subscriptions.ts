// Outgoing webhooks for merchants (Owner/Admin/Manager: `webhooks.manage`): subscriptions, the delivery
// log and Resend. Mounted at /api/webhook-subscriptions (/api/webhooks receives helpdesk webhooks).
import { Hono } from 'hono';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody, queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { WEBHOOK_DELIVERY_STATES, webhookDeliveries } from '../db/schema-insights';
import {
  createSubscription,
  createSubscriptionBody,
  deleteSubscription,
  findSubscription,
  listSubscriptions,
  rotateSecret,
  updateSubscription,
  updateSubscriptionBody,
  viewOf,
} from '../webhooks/subscriptions';
import { resendDelivery } from '../webhooks/queue';
import { assertOutboundUrls } from '../platform/outbound-url';

export const deliveryLogQuery = z.object({
  state: z.enum(WEBHOOK_DELIVERY_STATES).optional(),
  /** `${createdAt}:${id}` of the last row seen. */
  cursor: z
    .string()
    .regex(/^\d{1,16}:[\w-]{1,100}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const webhookSubscriptionRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('webhooks.manage'))
  .get('/', async (c) => c.json({ subscriptions: await listSubscriptions(c.var.db, c.var.member.accountId) }))
  .post('/', async (c) => {
    const body = await jsonBody(c, createSubscriptionBody);
    assertOutboundUrls(c.env, { url: body.url });
    // The secret is in this response only; later it can be rotated, never read back.
    return c.json(await createSubscription(c.var.db, c.env, c.var.member.accountId, c.var.member.userId, body), 201);
  })
  .get('/:id', async (c) =>
    c.json({ subscription: viewOf(await findSubscription(c.var.db, c.var.member.accountId, c.req.param('id'))) }),
  )
  .patch('/:id', async (c) => {
    const body = await jsonBody(c, updateSubscriptionBody);
    assertOutboundUrls(c.env, { url: body.url });
    return c.json({
      subscription: await updateSubscription(c.var.db, c.var.member.accountId, c.req.param('id'), body),
    });
  })
  .delete('/:id', async (c) => {
    await deleteSubscription(c.var.db, c.var.member.accountId, c.req.param('id'));
    return c.json({ deleted: true });
  })
  .post('/:id/rotate-secret', async (c) =>
    c.json({ secret: await rotateSecret(c.var.db, c.env, c.var.member.accountId, c.req.param('id')) }),
  )
  .get('/:id/deliveries', async (c) => {
    const q = queryParams(c, deliveryLogQuery);
    const { db, member } = c.var;
    const subscription = await findSubscription(db, member.accountId, c.req.param('id'));
    const [at, id] = q.cursor ? q.cursor.split(':') : [];
    const rows = await db
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.accountId, member.accountId),
          eq(webhookDeliveries.subscriptionId, subscription.id),
          q.state ? eq(webhookDeliveries.state, q.state) : undefined,
          at && id
            ? or(
                lt(webhookDeliveries.createdAt, Number(at)),
                and(eq(webhookDeliveries.createdAt, Number(at)), lt(webhookDeliveries.id, id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return c.json({ deliveries: page, next: rows.length > q.limit && last ? `${last.createdAt}:${last.id}` : null });
  })
  .post('/deliveries/:deliveryId/resend', async (c) => {
    await resendDelivery(c.var.db, c.env, c.var.member.accountId, c.req.param('deliveryId'));
    return c.json({ resent: true });
  });
