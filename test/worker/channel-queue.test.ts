// The CHANNEL_QUEUE consumer (worker/channels/queue.ts) for deliveries nobody can send: a channel with
// no registered sender is recorded as failed with the reason at once and acknowledged (never retried
// until the retries run out); a dead letter of a sender with no record of its own is recorded too; if
// the record itself cannot be written (D1 down) the message is retried, so nothing is lost. The ticket of
// the conversation shows each such message as not delivered, with the reason.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import {
  CHANNEL_DLQ_NAME,
  CHANNEL_QUEUE_NAME,
  handleChannelBatch,
  noSenderReason,
  RETRIES_RAN_OUT,
} from '../../worker/channels/queue';
import { deadDeliveries } from '../../worker/channels/dead-letters';
import { conversations } from '../../worker/db/schema';
import type { ChannelSender, OutboundDelivery } from '../../worker/conversation/contract';
import { call, db, insertTicket, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { FailingD1 } from '../support/failing-d1';

function delivery(accountId: string): OutboundDelivery {
  const conversationId = crypto.randomUUID();
  return {
    deliveryId: `${conversationId}:2`,
    accountId,
    conversationId,
    channel: 'sms',
    to: '+15550001234',
    seq: 2,
    role: 'agent',
    authorName: 'Baton',
    text: 'We ship to Canada.',
  };
}

async function consume(
  queue: string,
  body: OutboundDelivery,
  senders: Parameters<typeof handleChannelBatch>[2],
  queueEnv: Env = env,
) {
  const id = crypto.randomUUID();
  const batch = createMessageBatch(queue, [{ id, timestamp: new Date(), attempts: 1, body }]);
  const ctx = createExecutionContext();
  await handleChannelBatch(batch, queueEnv, senders);
  const result = await getQueueResult(batch, ctx);
  return {
    acked: result.explicitAcks.includes(id),
    retried: result.retryMessages.some((m: { msgId: string }) => m.msgId === id),
  };
}

const rowsOf = (d: OutboundDelivery) =>
  db()
    .select()
    .from(deadDeliveries)
    .where(and(eq(deadDeliveries.accountId, d.accountId), eq(deadDeliveries.deliveryId, d.deliveryId)));

describe('CHANNEL_QUEUE: deliveries no sender can take', () => {
  it('a channel with no registered sender: recorded as failed with the reason and acknowledged, once, however often it arrives', async () => {
    const acct = await freshAccount('no-sender', 0);
    const d = delivery(acct.accountId);
    expect(await consume(CHANNEL_QUEUE_NAME, d, () => null)).toEqual({ acked: true, retried: false });
    expect(await consume(CHANNEL_QUEUE_NAME, d, () => null)).toEqual({ acked: true, retried: false });
    const rows = await rowsOf(d);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      channel: 'sms',
      conversationId: d.conversationId,
      seq: 2,
      reason: noSenderReason('sms'),
    });
  });

  it('a dead letter of a sender that keeps no record of its own is recorded with "the retries ran out"', async () => {
    const acct = await freshAccount('dlq-no-record', 0);
    const d = delivery(acct.accountId);
    let delivered = 0;
    const sender: ChannelSender = {
      channel: 'sms',
      deliver: async () => {
        delivered += 1;
        return { kind: 'sent', providerId: null };
      },
    };
    expect(await consume(CHANNEL_DLQ_NAME, d, () => sender)).toEqual({ acked: true, retried: false });
    expect(delivered).toBe(0); // a dead letter is never sent again
    expect((await rowsOf(d))[0]?.reason).toBe(RETRIES_RAN_OUT);
  });

  it('when the failure cannot be recorded (D1 down) the message is retried, then recorded once D1 is back', async () => {
    const acct = await freshAccount('no-sender-d1', 0);
    const d = delivery(acct.accountId);
    const failing = new FailingD1(env.DB, 1);
    expect(await consume(CHANNEL_QUEUE_NAME, d, () => null, { ...env, DB: failing.binding() })).toEqual({
      acked: false,
      retried: true,
    });
    expect(await rowsOf(d)).toHaveLength(0);
    expect(await consume(CHANNEL_QUEUE_NAME, d, () => null)).toEqual({ acked: true, retried: false });
    expect(await rowsOf(d)).toHaveLength(1);
  });

  it('the ticket page shows a message no sender could take as not delivered, with the reason', async () => {
    const acct = await freshAccount('no-sender-ticket', 0);
    const d = delivery(acct.accountId);
    const now = Date.now();
    await db().insert(conversations).values({
      id: d.conversationId,
      accountId: acct.accountId,
      channel: 'sms',
      status: 'escalated',
      startedAt: now,
      lastActivityAt: now,
    });
    const ticket = await insertTicket(acct.accountId, { channel: 'sms', conversationId: d.conversationId });
    const cookie = await signIn(acct.owner.email);
    const before = await call<{ undelivered: unknown[] }>('GET', `/api/tickets/${ticket.id}`, { cookie });
    expect(before.status).toBe(200);
    expect(before.json.undelivered).toEqual([]);
    await consume(CHANNEL_QUEUE_NAME, d, () => null);
    const after = await call<{ undelivered: unknown[] }>('GET', `/api/tickets/${ticket.id}`, { cookie });
    expect(after.json.undelivered).toEqual([
      { seq: 2, channel: 'sms', reason: noSenderReason('sms'), at: expect.any(Number) },
    ]);
  });
});
