// Helpers for the helpdesk delivery tests: a store with a conversation and a pending Zendesk/Gorgias
// ticket, an integration pointed at a scope of the local stand-in, and the queue consumer driven
// batch by batch, so retries and the dead-letter queue run without waiting for real backoff delays.
import { env } from 'cloudflare:workers';
import { inject } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { profiles, tickets } from '../../worker/db/schema';
import { integrations } from '../../worker/db/schema-integrations';
import {
  handleDeliveryBatch,
  HANDOFF_DLQ_NAME,
  HANDOFF_QUEUE_NAME,
  type DeliveryJob,
} from '../../worker/handoff/delivery';
import { saveIntegration, type IntegrationKind } from '../../worker/handoff/integrations';
import { roomOf } from '../../worker/durable/namespaces';
import type { WireMessage } from '../../worker/protocol/widget';
import { newId } from '../../worker/ids';
import { BATCH_METADATA, db, insertTicket } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { sendHttp, startConversation } from './widget-client';
import type { StandinMode } from '../support/http-standin';

export const standins = { zendesk: inject('zendeskStandin'), gorgias: inject('gorgiasStandin') };

/** A scope of a stand-in: its own tickets, requests and mode (see test/support/http-standin.ts). */
export class StandinScope {
  readonly name = `t-${crypto.randomUUID().slice(0, 8)}`;
  constructor(readonly kind: IntegrationKind) {}

  get info() {
    return standins[this.kind];
  }
  get baseUrl() {
    return `${this.info.url}/s/${this.name}`;
  }
  async mode(mode: StandinMode) {
    const res = await fetch(`${this.info.url}/__mode`, {
      method: 'POST',
      body: JSON.stringify({ scope: this.name, mode }),
    });
    if (!res.ok) throw new Error(`stand-in mode: ${res.status}`);
  }
  async requests(): Promise<RecordedRequest[]> {
    const res = await fetch(`${this.info.url}/__requests?scope=${this.name}`);
    return ((await res.json()) as { requests: RecordedRequest[] }).requests;
  }
  async tickets<T = Record<string, unknown>>(): Promise<T[]> {
    const res = await fetch(`${this.info.url}/__tickets?scope=${this.name}`);
    return ((await res.json()) as { tickets: T[] }).tickets;
  }
  /** How many tickets the helpdesk holds per external_id: "exactly once" means every value is 1. */
  async createsPerExternalId(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const t of await this.tickets<{ external_id: string | null }>()) {
      const key = t.external_id ?? '(none)';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  idempotencyKey: string | null;
  body: unknown;
}

/** Connects the account's integration straight through the store (the routes have their own tests). */
export async function connect(accountId: string, scope: StandinScope, webhookSigningSecret?: string) {
  const { email, secret } = scope.info;
  if (scope.kind === 'zendesk') {
    return saveIntegration(db(), env, accountId, {
      kind: 'zendesk',
      config: { subdomain: 'standin', email, baseUrl: scope.baseUrl },
      secret,
      webhookSigningSecret,
    });
  }
  return saveIntegration(db(), env, accountId, {
    kind: 'gorgias',
    config: { domain: 'standin', email, baseUrl: scope.baseUrl },
    secret,
  });
}

export async function integrationRow(accountId: string, kind: IntegrationKind) {
  return (
    await db()
      .select()
      .from(integrations)
      .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)))
  )[0];
}

export interface Handoff {
  acc: FreshAccount;
  conversationId: string;
  resumeToken: string;
  ticketId: string;
  profileId: string;
  email: string;
}

/**
 * A shopper with a profile talks to the Customer Agent through the real widget API, then a pending
 * ticket for `helpdesk` is written the way the handoff writes it.
 */
export async function handoffTicket(
  helpdesk: IntegrationKind,
  opts: { acc?: FreshAccount; texts?: string[] } = {},
): Promise<Handoff> {
  const acc = opts.acc ?? (await freshAccount(`hd-${helpdesk}`, 1));
  const conv = await startConversation({ siteKey: acc.siteKey });
  for (const text of opts.texts ?? ['Do you ship to Canada?', 'What is your return policy?']) {
    const res = await sendHttp(conv, text);
    if (res.status !== 200) throw new Error(`send failed: ${res.status} ${res.text}`);
  }
  const profileId = newId();
  const email = `jo-${profileId.slice(0, 6)}@shopper.test`;
  const now = Date.now();
  await db()
    .insert(profiles)
    .values({
      id: profileId,
      accountId: acc.accountId,
      externalId: `cust-${profileId.slice(0, 8)}`,
      email,
      name: 'Jo Shopper',
      createdAt: now,
      updatedAt: now,
    });
  const ticket = await insertTicket(acc.accountId, {
    conversationId: conv.conversationId,
    profileId,
    requesterEmail: email,
    helpdesk,
    deliveryState: 'pending',
    subject: 'Shipping to Canada',
    tags: ['shipping'],
  });
  return {
    acc,
    conversationId: conv.conversationId,
    resumeToken: conv.resumeToken,
    ticketId: ticket.id,
    profileId,
    email,
  };
}

export async function ticketRow(ticketId: string) {
  return (await db().select().from(tickets).where(eq(tickets.id, ticketId)))[0]!;
}

export async function transcript(h: Pick<Handoff, 'acc' | 'conversationId'>): Promise<WireMessage[]> {
  const result = await roomOf(env, h.acc.accountId, h.conversationId).transcript();
  if (!result.ok) throw new Error(result.message);
  return result.value.messages;
}

export interface DriveResult {
  acked: boolean;
  retryDelaySeconds: number | null;
}

/**
 * Runs the queue consumer on one batch, as the Queues runtime would on its `attempts`-th delivery, and
 * records each message's ack or retry delay. (A hand-made batch: the runtime's createMessageBatch /
 * getQueueResult in this pool version drop `delaySeconds`, which these tests check.)
 */
export async function drive(
  jobs: DeliveryJob[],
  attempts = 1,
  queue: string = HANDOFF_QUEUE_NAME,
): Promise<DriveResult[]> {
  const results: DriveResult[] = jobs.map(() => ({ acked: false, retryDelaySeconds: null }));
  const messages: Array<Message<DeliveryJob>> = jobs.map((body, i) => ({
    id: crypto.randomUUID(),
    timestamp: new Date(),
    attempts,
    body,
    ack: () => void (results[i] = { acked: true, retryDelaySeconds: null }),
    retry: (options?: QueueRetryOptions) =>
      void (results[i] = { acked: false, retryDelaySeconds: options?.delaySeconds ?? 0 }),
  }));
  const batch: MessageBatch<DeliveryJob> = {
    queue,
    messages,
    metadata: BATCH_METADATA,
    ackAll: () => messages.forEach((m) => m.ack()),
    retryAll: (options?: QueueRetryOptions) => messages.forEach((m) => m.retry(options)),
  };
  await handleDeliveryBatch(batch, env);
  return results;
}

export const driveDeadLetters = (jobs: DeliveryJob[]) => drive(jobs, 1, HANDOFF_DLQ_NAME);

export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function ticketJob(h: Pick<Handoff, 'acc' | 'ticketId'>): DeliveryJob {
  return { kind: 'ticket', accountId: h.acc.accountId, ticketId: h.ticketId };
}
