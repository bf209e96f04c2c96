// Outgoing webhooks: subscriptions, signed deliveries through the real queue to a local receiver that
// verifies them with the official `standardwebhooks` library (and the deprecated Baton-Signature), secrets
// made before Standard Webhooks, an outage followed by recovery (consumer driven attempt by attempt), the
// dead-letter queue, Resend and the delivery log.
import { describe, expect, inject, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import worker from '../../worker/index';
import { BATCH_METADATA, call, db, signIn } from './helpers';
import { testEnv } from './test-env';
import { freshStore, insertEvents, insertProfile, memberEmail, track, type Store } from './insights-helpers';
import { sendHttp, startConversation } from './widget-client';
import { waitFor } from './helpdesk-helpers';
import { webhookDeliveries, webhookSubscriptions } from '../../worker/db/schema-insights';
import { sweepOutbox, type WebhookJob } from '../../worker/webhooks/outbox';
import { handleWebhookBatch, WEBHOOK_DLQ_NAME, WEBHOOK_QUEUE_NAME } from '../../worker/webhooks/queue';
import type { WebhookPayload } from '../../worker/webhooks/payload';
import type { ReceivedRequest, ReceiverMode } from '../support/webhook-receiver';
import { seal } from '../../worker/handoff/secret-box';

const receiverUrl = inject('webhookReceiverUrl');

class Receiver {
  readonly scope = `s-${crypto.randomUUID().slice(0, 8)}`;
  get url() {
    return `${receiverUrl}/hook/${this.scope}`;
  }
  async post(path: string, body: unknown) {
    const res = await fetch(`${receiverUrl}${path}`, {
      method: 'POST',
      body: JSON.stringify({ scope: this.scope, ...(body as object) }),
    });
    if (!res.ok) throw new Error(`receiver ${path}: ${res.status}`);
  }
  secret = (secret: string) => this.post('/__secret', { secret });
  mode = (mode: ReceiverMode) => this.post('/__mode', { mode });
  async received(): Promise<{ requests: ReceivedRequest[]; accepted: Record<string, number> }> {
    return (await fetch(`${receiverUrl}/__received?scope=${this.scope}`)).json();
  }
}

interface Subscription {
  id: string;
  url: string;
  eventNames: string[];
  active: boolean;
}

async function subscribe(store: Store, receiver: Receiver, events: string[]) {
  const res = await call<{ subscription: Subscription; secret: string }>('POST', '/api/webhook-subscriptions', {
    cookie: store.cookie,
    body: { url: receiver.url, events },
  });
  expect(res.status).toBe(201);
  await receiver.secret(res.json.secret);
  return res.json;
}

const deliveriesOf = (subscriptionId: string) =>
  db().select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscriptionId));

/** The sweep into a queue that only records: the test then plays the Queues runtime itself. */
async function sweepCaptured(accountId: string): Promise<WebhookJob[]> {
  const jobs: WebhookJob[] = [];
  const queue = {
    send: async (body: WebhookJob) => void jobs.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<WebhookJob>>) =>
      void jobs.push(...[...messages].map((m) => m.body)),
  } as unknown as Queue;
  await sweepOutbox({ DB: env.DB, WEBHOOK_QUEUE: queue }, { accountId });
  return jobs;
}

/** One delivery attempt of each job, as the runtime's `attempts`-th try; returns ack or retry delay. */
async function drive(jobs: WebhookJob[], attempts: number, queue = WEBHOOK_QUEUE_NAME) {
  const results = jobs.map(() => ({ acked: false, retryDelaySeconds: null as number | null }));
  const messages: Array<Message<WebhookJob>> = jobs.map((body, i) => ({
    id: crypto.randomUUID(),
    timestamp: new Date(),
    attempts,
    body,
    ack: () => void (results[i] = { acked: true, retryDelaySeconds: null }),
    retry: (o?: QueueRetryOptions) => void (results[i] = { acked: false, retryDelaySeconds: o?.delaySeconds ?? 0 }),
  }));
  await handleWebhookBatch(
    { queue, messages, metadata: BATCH_METADATA, ackAll: () => undefined, retryAll: () => undefined },
    env,
  );
  return results;
}

describe('webhook deliveries', () => {
  it('a tracked event reaches the receiver through the real queue, signed, with its id; other names do not', async () => {
    const store = await freshStore('wh-e2e');
    const receiver = new Receiver();
    const { subscription } = await subscribe(store, receiver, ['Placed Order']);
    const placed = await track(store.apiKey, {
      id: 'wh-o1',
      event: 'Placed Order',
      profile: { externalId: 'cust-wh', email: 'wh@shopper.test' },
      properties: { orderId: 'W-1', value: 10 },
    });
    await track(store.apiKey, { id: 'wh-v1', event: 'Viewed Product', profile: { externalId: 'cust-wh' } });

    const got = await waitFor(
      () => receiver.received(),
      (r) => Object.keys(r.accepted).length > 0,
    );
    expect(got.accepted).toEqual({ [placed.json.eventId]: 1 });
    const [req] = got.requests;
    expect(req!.signatureValid).toBe(true);
    expect(req!.legacySignatureValid).toBe(true);
    const body = req!.body as WebhookPayload;
    expect(body).toMatchObject({
      id: placed.json.eventId,
      event: 'Placed Order',
      profile: { id: placed.json.profileId, externalId: 'cust-wh', email: 'wh@shopper.test' },
      properties: { orderId: 'W-1', value: 10, currency: 'USD' },
    });
    const log = await waitFor(
      () => deliveriesOf(subscription.id),
      (rows) => rows.every((r) => r.state === 'delivered'),
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      eventId: placed.json.eventId,
      eventName: 'Placed Order',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    expect(req!.messageId).toBe(log[0]!.id); // webhook-id: one per event and subscription, the same on retries
  });

  it('a secret made before Standard Webhooks (whsec_ + hex) verifies unchanged; a wrong secret does not', async () => {
    const store = await freshStore('wh-legacy');
    const receiver = new Receiver();
    const { subscription } = await subscribe(store, receiver, ['Old Secret']);
    const oldSecret = `whsec_${'0123456789abcdef'.repeat(3)}`; // the former format: 24 random bytes as hex
    await db()
      .update(webhookSubscriptions)
      .set({ secret: await seal(testEnv, `webhook:${store.accountId}:${subscription.id}`, oldSecret) })
      .where(eq(webhookSubscriptions.id, subscription.id));
    await receiver.secret(oldSecret);
    await insertEvents(store.accountId, [{ name: 'Old Secret', at: Date.now(), profileId: null }]);
    expect((await drive(await sweepCaptured(store.accountId), 1))[0]!.acked).toBe(true);
    const [ok] = (await receiver.received()).requests;
    expect(ok).toMatchObject({ signatureValid: true, legacySignatureValid: true, status: 200 });

    await receiver.secret(`whsec_${'fedcba9876543210'.repeat(3)}`);
    await insertEvents(store.accountId, [{ name: 'Old Secret', at: Date.now(), profileId: null }]);
    expect((await drive(await sweepCaptured(store.accountId), 1))[0]!.acked).toBe(false);
    const [, refused] = (await receiver.received()).requests;
    expect(refused).toMatchObject({ signatureValid: false, legacySignatureValid: false, status: 400 });
  });

  it('a conversation’s events wait in the outbox and go out with the cron sweep', async () => {
    const store = await freshStore('wh-conv');
    const receiver = new Receiver();
    const { subscription } = await subscribe(store, receiver, [
      'Started Conversation',
      'Received Product Recommendation',
    ]);
    const conv = await startConversation({ siteKey: store.siteKey });
    await sendHttp(conv, 'I need running shoes under $150');
    const waiting = await deliveriesOf(subscription.id);
    expect(waiting.map((d) => d.eventName).sort()).toEqual(['Received Product Recommendation', 'Started Conversation']);
    expect(waiting.every((d) => d.state === 'pending' && d.queuedAt === null)).toBe(true);

    const ctx = createExecutionContext();
    await worker.scheduled!(createScheduledController({ cron: '* * * * *' }), env, ctx);
    await waitOnExecutionContext(ctx);
    const got = await waitFor(
      () => receiver.received(),
      (r) => Object.keys(r.accepted).length === 2,
    );
    expect(got.requests.every((r) => r.signatureValid)).toBe(true);
    const names = got.requests.map((r) => (r.body as WebhookPayload).event).sort();
    expect(names).toEqual(['Received Product Recommendation', 'Started Conversation']);
    expect(got.requests.map((r) => (r.body as WebhookPayload).conversationId)).toEqual([
      conv.conversationId,
      conv.conversationId,
    ]);
  });

  it('an outage, then recovery: every event is delivered exactly once, with backoff between tries', async () => {
    const store = await freshStore('wh-outage');
    const receiver = new Receiver();
    const { subscription } = await subscribe(store, receiver, ['*']);
    await receiver.mode('down');
    const shopper = await insertProfile(store.accountId, 'outage');
    const now = Date.now();
    await insertEvents(
      store.accountId,
      Array.from({ length: 5 }, (_, i) => ({ name: `Event ${i}`, at: now + i, profileId: shopper })),
    );

    const jobs = await sweepCaptured(store.accountId);
    expect(jobs).toHaveLength(5);
    expect(await sweepCaptured(store.accountId)).toEqual([]); // claimed: a second sweep queues nothing twice

    // Attempt 1: the connection is refused. Attempt 2: 503. Each is retried later, the delay doubling.
    const first = await drive(jobs, 1);
    expect(first.every((r) => !r.acked && r.retryDelaySeconds! >= 24 && r.retryDelaySeconds! <= 36)).toBe(true);
    await receiver.mode('503');
    const second = await drive(jobs, 2);
    expect(second.every((r) => !r.acked && r.retryDelaySeconds! >= 48 && r.retryDelaySeconds! <= 72)).toBe(true);
    const during = await deliveriesOf(subscription.id);
    expect(
      during.every(
        (d) => d.state === 'pending' && d.attempts === 2 && d.lastStatus === 503 && d.lastError?.startsWith('HTTP 503'),
      ),
    ).toBe(true);

    await receiver.mode('ok');
    expect(await drive(jobs, 3)).toEqual(jobs.map(() => ({ acked: true, retryDelaySeconds: null })));
    // The queue may deliver a message twice; a delivered row is not sent again.
    expect(await drive(jobs, 4)).toEqual(jobs.map(() => ({ acked: true, retryDelaySeconds: null })));

    const after = await deliveriesOf(subscription.id);
    expect(after.every((d) => d.state === 'delivered' && d.attempts === 3 && d.lastStatus === 200)).toBe(true);
    const got = await receiver.received();
    expect(Object.values(got.accepted)).toEqual([1, 1, 1, 1, 1]);
    expect(Object.keys(got.accepted).sort()).toEqual(after.map((d) => d.eventId).sort());
    expect(got.requests.every((r) => r.signatureValid)).toBe(true);
  });

  it('after every retry the dead-letter queue marks it failed; Resend delivers it (same event id)', async () => {
    const store = await freshStore('wh-dlq');
    const receiver = new Receiver();
    const { subscription } = await subscribe(store, receiver, ['Gave Up']);
    await receiver.mode('503');
    await insertEvents(store.accountId, [{ name: 'Gave Up', at: Date.now(), profileId: null }]);
    const jobs = await sweepCaptured(store.accountId);
    expect((await drive(jobs, 10))[0]!.acked).toBe(false);
    expect((await drive(jobs, 1, WEBHOOK_DLQ_NAME))[0]!.acked).toBe(true);
    const [failed] = await deliveriesOf(subscription.id);
    expect(failed).toMatchObject({ state: 'failed', lastStatus: 503 });
    expect(failed!.lastError).toContain('gave up');

    const log = await call<{ deliveries: Array<{ id: string; state: string }> }>(
      'GET',
      `/api/webhook-subscriptions/${subscription.id}/deliveries?state=failed`,
      { cookie: store.cookie },
    );
    expect(log.json.deliveries.map((d) => d.id)).toEqual([failed!.id]);
    await receiver.mode('ok');
    expect(
      (await call('POST', `/api/webhook-subscriptions/deliveries/${failed!.id}/resend`, { cookie: store.cookie }))
        .status,
    ).toBe(200);
    const got = await waitFor(
      () => receiver.received(),
      (r) => Object.keys(r.accepted).length === 1,
    );
    expect(got.accepted).toEqual({ [failed!.eventId]: 1 });
    const [done] = await waitFor(
      () => deliveriesOf(subscription.id),
      (rows) => rows[0]?.state === 'delivered',
    );
    expect(done!.attempts).toBe(2);
  });
});

describe('webhook subscriptions API', () => {
  it('Owner/Admin/Manager manage them; the secret is shown once; paused or deleted subscriptions get nothing', async () => {
    const store = await freshStore('wh-api');
    const receiver = new Receiver();
    const agent = await signIn(memberEmail(store, 'agent'));
    expect((await call('GET', '/api/webhook-subscriptions', { cookie: agent })).status).toBe(403);
    const manager = await signIn(memberEmail(store, 'manager'));
    const bad = await call<{ error: { details: Array<{ field: string }> } }>('POST', '/api/webhook-subscriptions', {
      cookie: manager,
      body: { url: 'ftp://x', events: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => d.field).sort()).toEqual(['events', 'url']);

    const created = await call<{ subscription: Subscription; secret: string }>('POST', '/api/webhook-subscriptions', {
      cookie: manager,
      body: { url: receiver.url, events: ['Paused Event'] },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/); // base64 of 24 random bytes, per Standard Webhooks
    const list = await call('GET', '/api/webhook-subscriptions', { cookie: manager });
    expect(list.text).not.toContain(created.json.secret);
    const [row] = await db()
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, created.json.subscription.id));
    expect(row!.secret).not.toContain(created.json.secret);

    const id = created.json.subscription.id;
    const paused = await call<{ subscription: Subscription }>('PATCH', `/api/webhook-subscriptions/${id}`, {
      cookie: manager,
      body: { active: false },
    });
    expect(paused.json.subscription.active).toBe(false);
    await insertEvents(store.accountId, [{ name: 'Paused Event', at: Date.now(), profileId: null }]);
    expect(await deliveriesOf(id)).toEqual([]);

    const rotated = await call<{ secret: string }>('POST', `/api/webhook-subscriptions/${id}/rotate-secret`, {
      cookie: manager,
    });
    expect(rotated.json.secret).not.toBe(created.json.secret);
    const other = await freshStore('wh-api-other');
    expect(
      (await call('PATCH', `/api/webhook-subscriptions/${id}`, { cookie: other.cookie, body: { active: true } }))
        .status,
    ).toBe(404);
    expect((await call('DELETE', `/api/webhook-subscriptions/${id}`, { cookie: manager })).status).toBe(200);
    expect(
      await db()
        .select()
        .from(webhookSubscriptions)
        .where(and(eq(webhookSubscriptions.accountId, store.accountId))),
    ).toEqual([]);
  });
});
