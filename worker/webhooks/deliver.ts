// One delivery attempt: load the delivery, its subscription and event, POST the signed JSON, record the
// outcome on the delivery row (the merchant's log), and tell the queue whether to retry.
// Any 2xx is delivered; anything else (an error status, a timeout, a refused connection) is retried
// with exponential backoff, since a receiver's outage is exactly what retries are for.
import { and, eq, sql } from 'drizzle-orm';
import { openDb, type Database } from '../db/client';
import { webhookDeliveries, webhookSubscriptions } from '../db/schema-insights';
import type { SecretsEnv } from '../handoff/secret-box';
import { backoffSeconds, DONE, type Outcome } from '../handoff/delivery-policy';
import { payloadOf } from './payload';
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, signedHeaders } from './sign';
import { signingSecret } from './subscriptions';
import type { WebhookJob } from './outbox';
import { fetchOutbound, OutboundError, type OutboundEnv } from '../platform/outbound-url';

export const DELIVERY_TIMEOUT_MS = 10_000;

export type DeliverEnv = SecretsEnv & OutboundEnv & { DB: D1Database };

export async function deliverWebhook(env: DeliverEnv, job: WebhookJob, attempt: number): Promise<Outcome> {
  const db = openDb(env.DB);
  const [found] = await db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(and(eq(webhookDeliveries.accountId, job.accountId), eq(webhookDeliveries.id, job.deliveryId)))
    .limit(1);
  // Deleted with its subscription, or already delivered (a duplicate queue message): nothing to do.
  if (!found || found.delivery.state !== 'pending') return DONE;
  const { delivery, subscription } = found;
  if (!subscription.active) {
    await record(db, job, {
      state: 'failed',
      lastError: 'The subscription is paused; Resend after turning it back on.',
    });
    return DONE;
  }
  const payload = await payloadOf(db, job.accountId, delivery.eventId);
  if (!payload) {
    await record(db, job, { state: 'failed', lastError: 'The event no longer exists.' });
    return DONE;
  }

  const body = JSON.stringify(payload);
  let signature: Record<string, string>;
  try {
    signature = await signedHeaders(
      await signingSecret(env, subscription),
      delivery.id,
      body,
      Math.floor(Date.now() / 1000),
    );
  } catch (err) {
    await record(db, job, {
      state: 'failed',
      lastError: `The signing secret cannot be used (${message(err)}); rotate it.`,
    });
    return DONE;
  }
  let status: number | null = null;
  let retryAfter: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetchOutbound(env, subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Baton-Webhooks/1',
        ...signature,
        [EVENT_ID_HEADER]: payload.id,
        [DELIVERY_ID_HEADER]: delivery.id,
      },
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
    });
    status = res.status;
    retryAfter = Number(res.headers.get('retry-after')) || null;
    if (!res.ok) error = `HTTP ${res.status}: ${(await res.text().catch(() => '')).slice(0, 200)}`;
    else await res.body?.cancel();
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    // A URL the policy refuses will be refused on every retry: fail it now (editing the URL and Resend fixes it).
    if (err.kind === 'refused') {
      await record(db, job, { state: 'failed', lastError: err.message, attempted: true });
      return DONE;
    }
    error = err.message;
  }
  if (error === null) {
    await record(db, job, {
      state: 'delivered',
      lastStatus: status,
      lastError: null,
      deliveredAt: Date.now(),
      attempted: true,
    });
    return DONE;
  }
  await record(db, job, { lastStatus: status, lastError: error, attempted: true });
  return { kind: 'retry', delaySeconds: backoffSeconds(attempt, retryAfter) };
}

/** The dead-letter consumer's verdict: the queue gave up on this delivery. */
export async function giveUpWebhook(env: DeliverEnv, job: WebhookJob): Promise<Outcome> {
  const db = openDb(env.DB);
  await db
    .update(webhookDeliveries)
    .set({
      state: 'failed',
      lastError: sql`coalesce(${webhookDeliveries.lastError}, 'Not delivered') || ' (gave up after every retry; Resend to try again)'`,
    })
    .where(
      and(
        eq(webhookDeliveries.accountId, job.accountId),
        eq(webhookDeliveries.id, job.deliveryId),
        eq(webhookDeliveries.state, 'pending'),
      ),
    );
  return DONE;
}

interface Change {
  state?: 'delivered' | 'failed';
  lastStatus?: number | null;
  lastError?: string | null;
  deliveredAt?: number;
  attempted?: boolean;
}

function record(db: Database, job: WebhookJob, change: Change) {
  const { attempted, ...fields } = change;
  return db
    .update(webhookDeliveries)
    .set({
      ...fields,
      // Every attempt refreshes queued_at, so the sweep never mistakes a row in backoff for a lost one.
      queuedAt: Date.now(),
      ...(attempted ? { attempts: sql`${webhookDeliveries.attempts} + 1` } : {}),
    })
    .where(
      and(
        eq(webhookDeliveries.accountId, job.accountId),
        eq(webhookDeliveries.id, job.deliveryId),
        eq(webhookDeliveries.state, 'pending'),
      ),
    );
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
