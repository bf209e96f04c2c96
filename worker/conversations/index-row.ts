// Keeps the D1 `conversations` row (the index the inbox, reports and segments read) in step with
// what the conversation's Durable Object holds.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations } from '../db/schema';

export type ConversationPatch = Partial<Omit<typeof conversations.$inferInsert, 'id' | 'accountId'>>;

export function updateConversationRow(
  db: Database,
  accountId: string,
  conversationId: string,
  patch: ConversationPatch,
) {
  return db
    .update(conversations)
    .set(patch)
    .where(and(eq(conversations.accountId, accountId), eq(conversations.id, conversationId)));
}
