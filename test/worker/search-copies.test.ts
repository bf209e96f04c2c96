// The copies of a conversation's messages in D1 (message_index → message_fts, and the row's preview:
// worker/inbox/search-index.ts) exist only for a conversation with a ticket, since only a ticket's row
// and search read them: a conversation the Customer Agent handles alone writes none, and the handoff
// that creates its ticket copies everything said before it, so the new ticket is found by those words.
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { conversations } from '../../worker/db/schema';
import { messageIndex } from '../../worker/db/schema-inbox';
import { roomOf } from '../../worker/durable/namespaces';
import type { TicketPage } from '../../worker/tickets/list';
import { freshAccount } from './dispatch-helpers';
import { call, db, signIn } from './helpers';
import { bearer, sendHttp, startIdentifiedConversation } from './widget-client';

/** Runs the room's alarm until its outbox is empty (the reply path applies it in the background). */
async function settle(accountId: string, conversationId: string): Promise<void> {
  const room = roomOf(env, accountId, conversationId);
  for (let i = 0; i < 20; i++) {
    const waiting = await runInDurableObject(
      room,
      (_i, state) => state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM effects').one().n,
    );
    if (waiting === 0) return;
    await runDurableObjectAlarm(room);
  }
  throw new Error('the room still has effects waiting');
}

describe('search copies of messages', () => {
  it('none while the Customer Agent handles the conversation; the handoff copies what was said before it', async () => {
    const acc = await freshAccount('search-copies', 1);
    await acc.online(acc.agents[0]!.id);
    const conv = await startIdentifiedConversation(undefined, acc.accountId);
    expect((await sendHttp(conv, 'do you ship my xylophone to Canada?')).status).toBe(200);
    await settle(acc.accountId, conv.conversationId);
    const copies = () => db().select().from(messageIndex).where(eq(messageIndex.conversationId, conv.conversationId));
    expect(await copies()).toEqual([]);
    const row = await db().query.conversations.findFirst({ where: eq(conversations.id, conv.conversationId) });
    expect(row!.messageCount).toBe(2); // the index row itself still follows every message
    expect(row!.lastMessageText).toBeNull();

    const press = await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
      body: { clientId: crypto.randomUUID() },
      headers: bearer(conv.resumeToken),
    });
    expect(press.status).toBe(200);
    await settle(acc.accountId, conv.conversationId);
    const roles = (await copies()).sort((a, b) => a.seq - b.seq).map((c) => c.role);
    expect(roles).toEqual(['shopper', 'agent']); // the handoff's notices are never copied
    expect((await sendHttp(conv, 'any news about the xylophone?')).status).toBe(200);
    await settle(acc.accountId, conv.conversationId);
    expect((await copies()).map((c) => c.role)).toContain('shopper');
    expect(await copies()).toHaveLength(3);

    const owner = await signIn(acc.owner.email);
    const found = await call<TicketPage>('GET', '/api/tickets?q=xylophone', { cookie: owner });
    expect(found.status, found.text).toBe(200);
    expect(found.json.tickets.map((t) => t.lastMessage?.text)).toEqual(['any news about the xylophone?']);
  });
});
