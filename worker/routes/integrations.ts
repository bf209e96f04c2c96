// /api/integrations: connecting Zendesk and Gorgias, their health ("Test connection"), and the
// failed deliveries with Retry (customer-agent-settings.txt, Troubleshooting: "Handoff emails aren't
// sending" → not connected or expired → Reconnect, then test). Reads need settings.read, writes
// settings.edit. Credentials go in and never come back out.
import { Hono, type Context } from 'hono';
import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { auditLog, tickets } from '../db/schema';
import { newId } from '../ids';
import { HelpdeskError } from '../handoff/helpdesk-http';
import { SealedSecretError } from '../handoff/secret-box';
import {
  clientFor,
  clientForInput,
  deleteIntegration,
  gorgiasConfig,
  INTEGRATION_KINDS,
  listIntegrations,
  markHealth,
  readIntegration,
  saveIntegration,
  storedSecretOf,
  viewOf,
  zendeskConfig,
  type ConnectInput,
  type IntegrationKind,
} from '../handoff/integrations';
import { enqueueDelivery } from '../handoff/delivery';
import { HELPDESK_LABELS } from '../handoff/delivery-policy';
import { assertOutboundUrls } from '../platform/outbound-url';

const credential = z.string().trim().min(1).max(500);
/** The API token may be left out on a reconnect that only changes settings: the stored one is kept. */
const zendeskBody = zendeskConfig.extend({
  apiToken: credential.optional(),
  webhookSigningSecret: credential.nullable().optional(),
});
const gorgiasBody = gorgiasConfig.extend({ apiKey: credential.optional() });

const FAILED_LIST_LIMIT = 200;

export const integrationRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('settings.read'), async (c) => {
    const { accountId } = c.var.member;
    return c.json({
      integrations: await listIntegrations(c.var.db, accountId),
      zendeskWebhookUrl: webhookUrl(c, accountId),
    });
  })
  .get('/failed-deliveries', requirePermission('settings.read'), async (c) => {
    const { db, member } = c.var;
    const columns = {
      id: tickets.id,
      number: tickets.number,
      helpdesk: tickets.helpdesk,
      subject: tickets.subject,
      channel: tickets.channel,
      requesterEmail: tickets.requesterEmail,
      conversationId: tickets.conversationId,
      deliveryState: tickets.deliveryState,
      deliveryAttempts: tickets.deliveryAttempts,
      deliveryError: tickets.deliveryError,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
    };
    const helpdeskTicket = and(eq(tickets.accountId, member.accountId), ne(tickets.helpdesk, 'inbox'));
    const [failed, delayed] = await Promise.all([
      db
        .select(columns)
        .from(tickets)
        .where(and(helpdeskTicket, eq(tickets.deliveryState, 'failed')))
        .orderBy(desc(tickets.createdAt))
        .limit(FAILED_LIST_LIMIT),
      // Still being retried by the queue (the helpdesk did not answer yet): shown, not actionable.
      db
        .select(columns)
        .from(tickets)
        .where(and(helpdeskTicket, eq(tickets.deliveryState, 'pending'), gt(tickets.deliveryAttempts, 0)))
        .orderBy(desc(tickets.createdAt))
        .limit(FAILED_LIST_LIMIT),
    ]);
    return c.json({ tickets: failed, delayed });
  })
  .post('/failed-deliveries/:ticketId/retry', requirePermission('settings.edit'), async (c) => {
    const { db, member } = c.var;
    const id = z.uuid().safeParse(c.req.param('ticketId'));
    if (!id.success) throw notFound('Ticket');
    const ticket = await db.query.tickets.findFirst({
      where: and(eq(tickets.id, id.data), eq(tickets.accountId, member.accountId)),
    });
    if (!ticket || ticket.helpdesk === 'inbox') throw notFound('Ticket');
    if (ticket.deliveryState !== 'failed') {
      throw new ApiError(
        409,
        'not_failed',
        `This ticket is ${ticket.deliveryState === 'delivered' ? 'already delivered' : 'already being delivered'}`,
      );
    }
    const now = Date.now();
    const [updated] = await db
      .update(tickets)
      .set({ deliveryState: 'pending', deliveryError: null, updatedAt: now })
      .where(
        and(eq(tickets.id, ticket.id), eq(tickets.accountId, member.accountId), eq(tickets.deliveryState, 'failed')),
      )
      .returning({ id: tickets.id });
    if (!updated) throw new ApiError(409, 'not_failed', 'This ticket is already being delivered');
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: 'integrations.delivery.retry',
      changes: { ticketId: ticket.id, helpdesk: ticket.helpdesk, previousError: ticket.deliveryError },
      createdAt: now,
    });
    await enqueueDelivery(c.env, { accountId: member.accountId, ticketId: ticket.id });
    return c.json({ ticket: { id: ticket.id, deliveryState: 'pending' as const } }, 202);
  })
  .put('/:kind', requirePermission('settings.edit'), async (c) => {
    const kind = kindOf(c.req.param('kind'));
    const { db, member } = c.var;
    const existing = await readIntegration(db, member.accountId, kind);
    const input = await connectInput(c, kind, existing ? () => storedSecretOf(c.env, existing) : null);
    await testOrThrow(clientForInput(c.env, input).testConnection());
    const row = await saveIntegration(db, c.env, member.accountId, input);
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: `integrations.${kind}.connect`,
      changes: { before: existing ? viewOf(kind, existing) : null, after: viewOf(kind, row) },
      createdAt: Date.now(),
    });
    return c.json({ integration: viewOf(kind, row) });
  })
  .post('/:kind/test', requirePermission('settings.edit'), async (c) => {
    const kind = kindOf(c.req.param('kind'));
    const { db, member } = c.var;
    const row = await readIntegration(db, member.accountId, kind);
    if (!row) throw new ApiError(404, 'not_connected', `${HELPDESK_LABELS[kind]} is not connected yet`);
    let error: HelpdeskError | null = null;
    try {
      await (await clientFor(c.env, row)).testConnection();
    } catch (err) {
      if (err instanceof SealedSecretError)
        error = new HelpdeskError('auth', `The stored credentials cannot be read (${err.message}); reconnect`);
      else if (err instanceof HelpdeskError) error = err;
      else throw err;
    }
    // A refusal marks the integration expired; an outage is recorded without changing the status.
    const health =
      error === null
        ? { status: 'connected' as const, lastError: null }
        : { ...(error.kind === 'auth' ? { status: 'expired' as const } : {}), lastError: error.message };
    await markHealth(db, member.accountId, kind, health);
    const after = await readIntegration(db, member.accountId, kind);
    return c.json({ ok: error === null, error: error?.message ?? null, integration: viewOf(kind, after) });
  })
  .delete('/:kind', requirePermission('settings.edit'), async (c) => {
    const kind = kindOf(c.req.param('kind'));
    const { db, member } = c.var;
    if (!(await deleteIntegration(db, member.accountId, kind)))
      throw new ApiError(404, 'not_connected', `${HELPDESK_LABELS[kind]} is not connected`);
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: `integrations.${kind}.disconnect`,
      changes: {},
      createdAt: Date.now(),
    });
    return c.json({ integration: viewOf(kind, undefined) });
  });

function kindOf(raw: string): IntegrationKind {
  const kind = z.enum(INTEGRATION_KINDS).safeParse(raw);
  if (!kind.success) throw notFound('Integration');
  return kind.data;
}

async function connectInput(
  c: Context<AppEnv>,
  kind: IntegrationKind,
  stored: (() => Promise<string>) | null,
): Promise<ConnectInput> {
  const secretOr = async (given: string | undefined, field: string) => {
    if (given) return given;
    const required = new ApiError(400, 'invalid_request', 'The request failed validation', [
      { field, message: 'Required to connect' },
    ]);
    if (!stored) throw required;
    try {
      return await stored();
    } catch (err) {
      if (err instanceof SealedSecretError) throw required; // the stored one cannot be read: ask for it again
      throw err;
    }
  };
  if (kind === 'zendesk') {
    const { apiToken, webhookSigningSecret, ...config } = await jsonBody(c, zendeskBody);
    assertOutboundUrls(c.env, { baseUrl: config.baseUrl });
    return { kind, config, secret: await secretOr(apiToken, 'apiToken'), webhookSigningSecret };
  }
  const { apiKey, ...config } = await jsonBody(c, gorgiasBody);
  assertOutboundUrls(c.env, { baseUrl: config.baseUrl });
  return { kind, config, secret: await secretOr(apiKey, 'apiKey') };
}

/** "Test connection" on the connect form: credentials that do not work are not saved. */
async function testOrThrow(test: Promise<void>): Promise<void> {
  try {
    await test;
  } catch (err) {
    if (!(err instanceof HelpdeskError)) throw err;
    if (err.kind === 'auth') throw new ApiError(422, 'helpdesk_auth_failed', err.message);
    if (err.kind === 'retryable')
      throw new ApiError(502, 'helpdesk_unreachable', `${err.message}. Nothing was saved; try again.`);
    throw new ApiError(422, 'helpdesk_rejected', err.message);
  }
}

/** Where a merchant points their Zendesk webhook (README, "Connecting Zendesk or Gorgias"). */
function webhookUrl(c: Context<AppEnv>, accountId: string): string {
  return `${new URL(c.req.url).origin}/api/webhooks/zendesk/${accountId}`;
}
