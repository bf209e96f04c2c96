// What D1 keeps of a conversation's messages for the inbox: each message's text for search
// (message_index → message_fts, migrations/0013_1_inbox_search.sql) and the newest message for the
// rows' preview and unread marker. Returns statements for the caller's batch, so the copy is written
// with the conversation's index row. Idempotent and order-proof: a message already indexed is skipped,
// and the preview only moves forward (by seq), so a retried or late batch never rolls it back.
// System notices ("I'm handing you over…") are neither searched nor previewed. Only a conversation
// with a ticket has copies (the rows and search are tickets'): see searchCopy in worker/conversation/engine.ts.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../db/client';
import { conversations } from '../db/schema';
import { messageIndex } from '../db/schema-inbox';
import type { WireMessage } from '../protocol/widget';

/** Longest preview kept on the conversation row; the list shows one line of it. */
const PREVIEW_CHARS = 200;
/** Rows per INSERT: 6 bound parameters each, under D1's 100 per statement (a new ticket copies a whole log). */
const ROWS_PER_INSERT = 15;

/** Whether a message is searched and previewed (system notices and empty texts are not). */
export const isIndexed = (m: WireMessage): boolean => m.role !== 'system' && m.text.trim() !== '';

/** A message's text as a row previews it: the stored preview and the live list frame agree. */
export const previewText = (m: WireMessage): string => m.text.slice(0, PREVIEW_CHARS);

export function indexMessages(
  db: Database,
  conversation: { accountId: string; conversationId: string },
  messages: readonly WireMessage[],
): BatchItem<'sqlite'>[] {
  const indexed = messages.filter(isIndexed);
  const newest = indexed.reduce<WireMessage | null>((a, m) => (a && a.seq > m.seq ? a : m), null);
  if (!newest) return [];
  const { accountId, conversationId } = conversation;
  const lastShopper = indexed
    .filter((m) => m.role === 'shopper')
    .reduce<number | null>((a, m) => Math.max(a ?? 0, m.at), null);
  const rows = indexed.map((m) => ({ accountId, conversationId, seq: m.seq, role: m.role, text: m.text, at: m.at }));
  const inserts: BatchItem<'sqlite'>[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    inserts.push(
      db
        .insert(messageIndex)
        .values(rows.slice(i, i + ROWS_PER_INSERT))
        .onConflictDoNothing(),
    );
  return [
    ...inserts,
    db
      .update(conversations)
      .set({
        lastMessageSeq: newest.seq,
        lastMessageRole: newest.role,
        lastMessageText: previewText(newest),
        lastMessageAt: newest.at,
        ...(lastShopper !== null
          ? { lastShopperAt: sql`MAX(COALESCE(${conversations.lastShopperAt}, 0), ${lastShopper})` }
          : {}),
      })
      .where(
        and(
          eq(conversations.accountId, accountId),
          eq(conversations.id, conversationId),
          or(isNull(conversations.lastMessageSeq), lt(conversations.lastMessageSeq, newest.seq)),
        ),
      ),
  ];
}
