// What a conversation owes the world besides its own log: the D1 index row, events, and forwarding a
// shopper's message to the team, and messages to an email/SMS/WhatsApp participant. Each effect is decided (with its keys fixed) in the same synchronous
// step as the message it belongs to and written to the room's outbox (worker/platform/sql-outbox.ts);
// `applyEffects` applies them in order. Every effect is idempotent, so a repeated attempt is harmless:
// index patches set values, events carry a fixed idempotency key, forwards and deliveries are keyed by message seq,
// message copies for search and the rows' preview are keyed by (conversation, seq).
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { runBatch } from '../db/batch';
import { updateConversationRow, type ConversationPatch } from '../conversations/index-row';
import { insertEvent, type EventInput } from '../events/record';
import { enqueueComment } from '../handoff/delivery';
import { dispatcherOf } from '../durable/namespaces';
import type { WireMessage } from '../protocol/widget';
import type { Pending } from '../platform/sql-outbox';
import type { OutboundDelivery } from './contract';
import { indexMessages } from '../inbox/search-index';

export type RoomEffect =
  | { kind: 'index'; accountId: string; conversationId: string; patch: ConversationPatch }
  | { kind: 'event'; event: EventInput }
  /** Copies of stored messages for inbox search and the rows' last-message preview (worker/inbox/search-index.ts). */
  | { kind: 'messages'; accountId: string; conversationId: string; messages: WireMessage[] }
  /** A shopper message in a conversation a human has: the inbox live, or a Zendesk comment. */
  | {
      kind: 'forward';
      accountId: string;
      conversationId: string;
      ticketId: string;
      helpdesk: 'inbox' | 'zendesk' | 'gorgias' | null;
      message: WireMessage;
    }
  /** A message to an email/SMS/WhatsApp participant: handed once to CHANNEL_QUEUE (worker/channels/queue.ts). */
  | { kind: 'deliver'; delivery: OutboundDelivery };

/**
 * Applies the leading run of D1 effects as one batch (one D1 round trip), or one forward on its own.
 * Returns how many it applied; throws when the attempt failed (nothing of it counts as applied).
 */
export async function applyEffects(env: Env, db: Database, items: Array<Pending<RoomEffect>>): Promise<number> {
  const first = items[0]!.item;
  if (first.kind === 'deliver') {
    await env.CHANNEL_QUEUE.send(first.delivery, { contentType: 'json' });
    return 1;
  }
  if (first.kind === 'forward') {
    if (first.helpdesk === 'zendesk') {
      await enqueueComment(env, {
        accountId: first.accountId,
        ticketId: first.ticketId,
        messageSeq: first.message.seq,
      });
    } else {
      await dispatcherOf(env, first.accountId).conversationMessage({
        conversationId: first.conversationId,
        ticketId: first.ticketId,
        message: first.message,
      });
    }
    return 1;
  }
  const run: Array<Extract<RoomEffect, { kind: 'index' | 'event' | 'messages' }>> = [];
  for (const p of items) {
    if (p.item.kind !== 'index' && p.item.kind !== 'event' && p.item.kind !== 'messages') break;
    run.push(p.item);
  }
  await runBatch(db, statementsOf(db, run));
  return run.length;
}

/**
 * The statements for a run of D1 effects, with fewer of them than effects: per conversation, its index
 * patches merge into one update (later fields win, as applied one by one) and its message copies into
 * one insert plus one preview update (indexMessages keeps the newest by seq either way). Events stay
 * one statement each. The batch is one transaction, so merging changes nothing D1 ends up holding.
 */
function statementsOf(db: Database, run: Array<Extract<RoomEffect, { kind: 'index' | 'event' | 'messages' }>>) {
  const patches = new Map<string, { accountId: string; conversationId: string; patch: ConversationPatch }>();
  const copies = new Map<string, { accountId: string; conversationId: string; messages: WireMessage[] }>();
  const events: BatchItem<'sqlite'>[] = [];
  for (const e of run) {
    if (e.kind === 'event') {
      events.push(insertEvent(db, e.event));
      continue;
    }
    const key = `${e.accountId}:${e.conversationId}`;
    if (e.kind === 'index') {
      const known = patches.get(key);
      if (known) Object.assign(known.patch, e.patch);
      else patches.set(key, { accountId: e.accountId, conversationId: e.conversationId, patch: { ...e.patch } });
    } else {
      const known = copies.get(key);
      if (known) known.messages.push(...e.messages);
      else copies.set(key, { accountId: e.accountId, conversationId: e.conversationId, messages: [...e.messages] });
    }
  }
  return [
    ...[...patches.values()].map((p) => updateConversationRow(db, p.accountId, p.conversationId, p.patch)),
    ...[...copies.values()].flatMap((c) => indexMessages(db, c, c.messages)),
    ...events,
  ];
}
