// Delivery to Zendesk and Gorgias through a Cloudflare Queue (wrangler.jsonc: baton-handoff, with the
// dead-letter queue baton-handoff-dlq). The ticket row is already in D1 (pending) when a message is
// sent here, so a helpdesk outage of any length loses nothing: the queue retries with backoff, the
// dead-letter consumer marks what is left failed, and the merchant's Retry queues it again.
import { z } from 'zod';
import { openDb } from '../db/client';
import { and, eq } from 'drizzle-orm';
import { tickets } from '../db/schema';
import { deliverTicket, giveUpTicket, noteTicketError } from './deliver-ticket';
import { deliverComment, giveUpComment } from './deliver-comment';
import { backoffSeconds, type Outcome } from './delivery-policy';

/** The queue message for a ticket (validated again by the consumer). */
export interface DeliveryMessage {
  accountId: string;
  ticketId: string;
}

export const HANDOFF_QUEUE_NAME = 'baton-handoff';
export const HANDOFF_DLQ_NAME = 'baton-handoff-dlq';

const ids = { accountId: z.string().min(1).max(100), ticketId: z.string().min(1).max(100) };
export const deliveryJob = z.union([
  z.object({ kind: z.literal('comment'), ...ids, messageSeq: z.number().int().min(1) }),
  // `kind` is optional so a bare { accountId, ticketId } (the documented DeliveryMessage) is a ticket job.
  z.object({ kind: z.literal('ticket').optional(), ...ids }),
]);
export type DeliveryJob = z.infer<typeof deliveryJob>;

/**
 * Queues a pending ticket for its helpdesk. If the queue itself refuses, the ticket is marked failed
 * with that reason instead of staying pending forever: it then shows under failed deliveries with Retry.
 */
export async function enqueueDelivery(env: Env, msg: DeliveryMessage): Promise<void> {
  try {
    await env.HANDOFF_QUEUE.send(
      { kind: 'ticket', accountId: msg.accountId, ticketId: msg.ticketId } satisfies DeliveryJob,
      { contentType: 'json' },
    );
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    console.error('could not queue a helpdesk delivery', msg.ticketId, reason);
    const db = openDb(env.DB);
    await db
      .update(tickets)
      .set({
        deliveryState: 'failed',
        deliveryError: `The delivery could not be queued (${reason}). Retry it.`,
        updatedAt: Date.now(),
      })
      .where(
        and(eq(tickets.id, msg.ticketId), eq(tickets.accountId, msg.accountId), eq(tickets.deliveryState, 'pending')),
      );
  }
}

/** A shopper's message in a conversation whose ticket is in Zendesk: it becomes a comment on that ticket. */
export async function enqueueComment(
  env: Env,
  msg: { accountId: string; ticketId: string; messageSeq: number },
): Promise<void> {
  await env.HANDOFF_QUEUE.send({ kind: 'comment', ...msg } satisfies DeliveryJob, { contentType: 'json' });
}

/** The queue consumer for both queues: the main one delivers, the dead-letter one records failures. */
export async function handleDeliveryBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deadLetters = batch.queue === HANDOFF_DLQ_NAME;
  // Messages are independent (different tickets): one slow helpdesk call does not hold up the rest.
  await Promise.all(batch.messages.map((message) => handleMessage(message, env, deadLetters)));
}

async function handleMessage(message: Message<unknown>, env: Env, deadLetters: boolean): Promise<void> {
  const parsed = deliveryJob.safeParse(message.body);
  if (!parsed.success) {
    // Nothing can ever make a malformed body deliverable; keeping it would only loop.
    console.error('dropping a malformed helpdesk delivery message', JSON.stringify(message.body).slice(0, 300));
    message.ack();
    return;
  }
  try {
    const outcome = await run(env, parsed.data, message.attempts, deadLetters);
    if (outcome.kind === 'retry') message.retry({ delaySeconds: outcome.delaySeconds });
    else message.ack();
  } catch (err) {
    // Our own failure (D1, the Durable Object): retried like an outage; the DLQ catches the rest.
    const reason = err instanceof Error ? err.message : String(err);
    console.error('helpdesk delivery failed unexpectedly', reason);
    if (parsed.data.kind !== 'comment' && !deadLetters)
      await noteTicketError(env, parsed.data, reason).catch(() => undefined);
    message.retry({ delaySeconds: backoffSeconds(message.attempts) });
  }
}

function run(env: Env, job: DeliveryJob, attempt: number, deadLetters: boolean): Promise<Outcome> {
  if (job.kind === 'comment') return deadLetters ? giveUpComment(env, job) : deliverComment(env, job, attempt);
  return deadLetters ? giveUpTicket(env, job) : deliverTicket(env, job, attempt);
}
