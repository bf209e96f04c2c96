// The engine's channel shape (README "Channels"): a conversation on a channel other than web chat
// takes the participant's messages through ConversationRoom.receive, and every message to the
// participant becomes one delivery on CHANNEL_QUEUE (deliveryId fixed when decided), handed to the
// channel's sender by worker/channels/queue.ts.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { BATCH_METADATA, db } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { conversations } from '../../worker/db/schema';
import { roomOf } from '../../worker/durable/namespaces';
import { handleChannelBatch, CHANNEL_QUEUE_NAME } from '../../worker/channels/queue';
import type { OutboundDelivery } from '../../worker/conversation/contract';

/** Records what the room hands to CHANNEL_QUEUE (installed on the room instance; a restart removes it). */
async function recordChannelQueue(room: ReturnType<typeof roomOf>, failFirst = 0) {
  const sent: OutboundDelivery[] = [];
  let failures = failFirst;
  const queue = {
    send: async (body: OutboundDelivery) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('simulated queue outage');
      }
      sent.push(body);
    },
  };
  await runInDurableObject(room, (instance) => {
    const own = (instance as unknown as { env: Env }).env;
    Object.assign(instance, { env: { ...own, CHANNEL_QUEUE: queue } });
  });
  return sent;
}

async function smsConversation(tag: string) {
  const acc = await freshAccount(tag, 1);
  const conversationId = crypto.randomUUID();
  const now = Date.now();
  await db().insert(conversations).values({
    id: conversationId,
    accountId: acc.accountId,
    channel: 'sms',
    status: 'open',
    startedAt: now,
    lastActivityAt: now,
  });
  const room = roomOf(env, acc.accountId, conversationId);
  await room.start({
    accountId: acc.accountId,
    conversationId,
    channel: 'sms',
    participant: { channel: 'sms', phone: '+15551230000' },
    profileId: null,
    isTest: false,
    language: null,
  });
  return { acc, conversationId, room };
}

describe('a conversation on a channel with a sender', () => {
  it('takes the participant’s message, answers, and hands each answer to CHANNEL_QUEUE once', async () => {
    const { conversationId, room } = await smsConversation('chan-sms');
    const sent = await recordChannelQueue(room);
    const inbound = {
      clientId: `SM${crypto.randomUUID()}`,
      text: 'What is your return policy?',
      attachments: [],
      meta: {},
    };
    const res = await room.receive({ channel: 'sms', phone: '+15551230000' }, inbound);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const answers = res.value.messages.filter((m) => m.role !== 'shopper');
    expect(answers.length).toBeGreaterThan(0);
    // The room answers before its outbox is applied; the alarm (armed with the effects) applies it now.
    await runDurableObjectAlarm(room);
    expect(sent.map((d) => d.deliveryId)).toEqual(answers.map((m) => `${conversationId}:${m.seq}`));
    expect(sent[0]).toMatchObject({ channel: 'sms', to: '+15551230000', role: 'agent' });
    // The provider redelivers the webhook: stored once, sent once.
    expect((await room.receive({ channel: 'sms', phone: '+15551230000' }, inbound)).ok).toBe(true);
    await runDurableObjectAlarm(room);
    expect(sent).toHaveLength(answers.length);
  });

  it('refuses a message from another number', async () => {
    const { room } = await smsConversation('chan-sms-other');
    const res = await room.receive(
      { channel: 'sms', phone: '+15559999999' },
      { clientId: 'SMx', text: 'hi', attachments: [], meta: {} },
    );
    expect(res).toMatchObject({ ok: false, code: 'unauthorized' });
  });

  it('a queue outage delays a delivery; the alarm hands it over later, once', async () => {
    const { room } = await smsConversation('chan-sms-outage');
    const sent = await recordChannelQueue(room, 1);
    const res = await room.receive(
      { channel: 'sms', phone: '+15551230000' },
      { clientId: 'SM1', text: 'Do you ship to Canada?', attachments: [], meta: {} },
    );
    expect(res.ok).toBe(true);
    expect(sent).toEqual([]);
    // The first attempt (after the answer) met the outage; the alarm hands it over on a later attempt.
    for (let i = 0; i < 5 && sent.length === 0; i++) await runDurableObjectAlarm(room);
    expect(sent).toHaveLength(1);
    await runDurableObjectAlarm(room);
    expect(sent).toHaveLength(1);
  });
});

describe('the channel queue consumer', () => {
  function batchOf(bodies: unknown[], queue = CHANNEL_QUEUE_NAME) {
    const outcome: Array<'ack' | 'retry' | null> = bodies.map(() => null);
    const messages = bodies.map((body, i) => ({
      id: crypto.randomUUID(),
      timestamp: new Date(),
      attempts: 1,
      body,
      ack: () => void (outcome[i] = 'ack'),
      retry: () => void (outcome[i] = 'retry'),
    }));
    const batch: MessageBatch<unknown> = {
      queue,
      messages,
      metadata: BATCH_METADATA,
      ackAll: () => undefined,
      retryAll: () => undefined,
    };
    return { batch, outcome };
  }

  it('drops a malformed body, and retries a delivery for a channel that has no sender yet', async () => {
    const delivery: OutboundDelivery = {
      deliveryId: 'c:1',
      accountId: 'a',
      conversationId: 'c',
      channel: 'whatsapp',
      to: '+15551230000',
      seq: 1,
      role: 'agent',
      authorName: null,
      text: 'hi',
    };
    const { batch, outcome } = batchOf([{ nonsense: true }, delivery]);
    await handleChannelBatch(batch, env);
    expect(outcome).toEqual(['ack', 'retry']);
  });
});
