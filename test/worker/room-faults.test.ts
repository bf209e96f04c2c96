// Fault tests for the conversation room's effects outbox (worker/platform/sql-outbox.ts): D1 failing
// for the first N statements (test/support/failing-d1.ts around the real binding) during messages and
// handoffs, then recovering; and the object restarted between its local write and the flush. In every
// case: no 5xx to the shopper, every event exactly once, exactly one ticket per handoff.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { db } from './helpers';
import { freshAccount, restart, type FreshAccount } from './dispatch-helpers';
import { bearer, historyHttp, sendHttp, startConversation } from './widget-client';
import { call } from './helpers';
import { sign } from 'hono/jwt';
import { accounts, conversations, events, tickets } from '../../worker/db/schema';
import { openDb } from '../../worker/db/client';
import { roomOf } from '../../worker/durable/namespaces';
import { FailingD1 } from '../support/failing-d1';
import type { StartConversationResponse } from '../../worker/protocol/widget';

type Room = ReturnType<typeof roomOf>;

/** Puts D1 "down" for the room's next `failures` statements (the next restart brings the real binding back). */
async function failD1(room: Room, failures: number): Promise<FailingD1> {
  const failing = new FailingD1(env.DB, failures);
  await runInDurableObject(room, (instance) => {
    Object.assign(instance, { db: openDb(failing.binding()) });
  });
  return failing;
}

/** Runs the room's alarm until nothing waits (effects applied, no handoff left to retry). */
async function settle(room: Room): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const waiting = await runInDurableObject(room, (_i, state) => {
      const effects = state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM effects').one().n;
      const meta = JSON.parse(state.storage.sql.exec<{ data: string }>('SELECT data FROM meta').one().data) as {
        handoffRetry?: unknown;
      };
      return effects > 0 || !!meta.handoffRetry;
    });
    if (!waiting) return;
    await runDurableObjectAlarm(room);
  }
  throw new Error('the room still has work waiting after 100 alarms');
}

const eventNames = async (conversationId: string) =>
  (await db().select().from(events).where(eq(events.conversationId, conversationId))).map((e) => e.name).sort();
const ticketsOf = (conversationId: string) =>
  db().select().from(tickets).where(eq(tickets.conversationId, conversationId));

async function verifiedConversation(acc: FreshAccount): Promise<StartConversationResponse> {
  const account = await db().query.accounts.findFirst({ where: eq(accounts.id, acc.accountId) });
  const sub = `cust-${crypto.randomUUID().slice(0, 8)}`;
  const identityToken = await sign(
    { sub, email: `${sub}@shopper.test`, exp: Math.floor(Date.now() / 1000) + 600 },
    account!.identityKey,
    'HS256',
  );
  return startConversation({ siteKey: acc.siteKey, identityToken });
}

describe('messages while D1 fails', () => {
  for (const failures of [1, 2, 3, 5, 50]) {
    it(`D1 down for the first ${failures} statement(s): the shopper gets an answer, Started Conversation is written once`, async () => {
      const acc = await freshAccount(`fault-msg-${failures}`, 1);
      const conv = await startConversation({ siteKey: acc.siteKey });
      const room = roomOf(env, acc.accountId, conv.conversationId);
      await failD1(room, failures);
      const clientId = crypto.randomUUID();
      const first = await sendHttp(conv, 'What is your return policy?', clientId);
      expect(first.status).toBe(200);
      expect(first.json.messages.some((m) => m.role === 'agent')).toBe(true);
      // The shopper retries the same message (their client did not see the answer): stored once.
      expect((await sendHttp(conv, 'What is your return policy?', clientId)).status).toBe(200);
      await settle(room);
      expect((await eventNames(conv.conversationId)).filter((n) => n === 'Started Conversation')).toHaveLength(1);
      const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
      expect(row!.messageCount).toBe((await historyHttp(conv)).json.messages.length);
    });
  }

  it('the object restarts between the local write and the flush: the effects are applied once afterwards', async () => {
    const acc = await freshAccount('fault-msg-restart', 1);
    const conv = await startConversation({ siteKey: acc.siteKey });
    const room = roomOf(env, acc.accountId, conv.conversationId);
    await failD1(room, 1000);
    expect((await sendHttp(conv, 'Do you ship to Canada?')).status).toBe(200);
    expect(await eventNames(conv.conversationId)).toEqual([]); // still waiting in the outbox
    await restart(room);
    await settle(roomOf(env, acc.accountId, conv.conversationId)); // a fresh stub: the old one saw the restart
    expect(await eventNames(conv.conversationId)).toEqual(['Started Conversation']);
  });
});

describe('handoffs while D1 fails', () => {
  for (const failures of [1, 2, 3, 4, 5, 6, 8]) {
    it(`D1 down for the first ${failures} statement(s) of a handoff: one ticket, one Conversation Escalated`, async () => {
      const acc = await freshAccount(`fault-hand-${failures}`, 1);
      await acc.online(acc.agents[0]!.id);
      const conv = await verifiedConversation(acc);
      expect((await sendHttp(conv, 'Hello')).status).toBe(200);
      const room = roomOf(env, acc.accountId, conv.conversationId);
      await failD1(room, failures);
      const press = () =>
        call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
          body: { clientId: crypto.randomUUID() },
          headers: bearer(conv.resumeToken),
        });
      const [a, b] = await Promise.all([press(), press()]);
      expect([a.status, b.status]).toEqual([200, 200]);
      await settle(room);
      expect((await press()).status).toBe(200); // a later press: "a teammate already has this conversation"
      await settle(room);
      expect(await ticketsOf(conv.conversationId)).toHaveLength(1);
      expect((await eventNames(conv.conversationId)).filter((n) => n === 'Conversation Escalated')).toHaveLength(1);
      expect((await historyHttp(conv)).json.status).toBe('escalated');
      const [ticket] = await ticketsOf(conv.conversationId);
      expect(ticket!.assigneeId).toBe(acc.agents[0]!.id);
    });
  }

  it('the object restarts in the middle of a failing handoff: the alarm finishes it with one ticket', async () => {
    const acc = await freshAccount('fault-hand-restart', 1);
    const conv = await verifiedConversation(acc);
    const room = roomOf(env, acc.accountId, conv.conversationId);
    await failD1(room, 1000);
    const res = await call<{ messages: Array<{ text: string }> }>(
      'POST',
      `/api/widget/conversations/${conv.conversationId}/escalate`,
      {
        body: { clientId: crypto.randomUUID() },
        headers: bearer(conv.resumeToken),
      },
    );
    expect(res.status).toBe(200);
    expect(await ticketsOf(conv.conversationId)).toEqual([]);
    await restart(room);
    await settle(roomOf(env, acc.accountId, conv.conversationId));
    expect(await ticketsOf(conv.conversationId)).toHaveLength(1);
    expect((await eventNames(conv.conversationId)).filter((n) => n === 'Conversation Escalated')).toHaveLength(1);
    const texts = (await historyHttp(conv)).json.messages.map((m) => m.text);
    expect(texts).toContain("I'm handing you over to a person on our team.");
  });
});
