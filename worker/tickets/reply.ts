// A teammate's reply on a ticket (text, or a file whose `link` is its URL): stored in the conversation (which delivers it to the shopper live),
// time-to-first-response set by the first one, and the inbox told live. Idempotent by clientId.
// `replyWithChanges` also writes a macro's ticket fields (worker/canned/apply.ts) in the reply's own D1
// batch, so the two never land apart — once per clientId: a retry of the same request stores no second
// reply and changes the ticket no more (a mark in macro_replies says the changes were made).
import { and, eq, isNull, notExists } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tickets, type TicketStatus } from '../db/schema';
import { macroReplies } from '../db/schema-inbox';
import { ApiError } from '../http/errors';
import { dispatcherOf, roomOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import type { WireMessage } from '../protocol/widget';
import type { WhatsAppTemplateRef } from '../conversation/contract';
import type { TicketRecord } from './find';
import { valueOrHttpError } from '../platform/results';

export interface TeammateReply {
  clientId: string;
  text: string;
  authorName: string;
  /** The member who wrote it: the "replied meanwhile" check tells teammates apart by id, not by name. */
  authorId: string;
  link?: string | null;
  unlessRepliedAfter?: number | null;
  template?: WhatsAppTemplateRef;
}

export type TicketChanges = { tags?: string[]; status?: TicketStatus; closedAt?: number | null };

export async function replyToTicket(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  reply: TeammateReply,
): Promise<WireMessage> {
  return (await replyWithChanges(env, db, ticket, reply, null)).message;
}

/**
 * A reply and the ticket `changes` made with it (null: none, not even a mark), in one D1 batch.
 * `changed`: whether this call wrote the changes — false when this clientId already had (a retry).
 */
export async function replyWithChanges(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  reply: TeammateReply,
  changes: TicketChanges | null,
): Promise<{ message: WireMessage; changed: boolean }> {
  if (!ticket.conversationId)
    throw new ApiError(409, 'no_conversation', 'This ticket has no chat conversation to reply in');
  const message = valueOrHttpError(
    await roomOf(env, ticket.accountId, ticket.conversationId).postHumanReply({ ticketId: ticket.id, ...reply }),
  );
  const scope = and(eq(tickets.id, ticket.id), eq(tickets.accountId, ticket.accountId));
  const now = Date.now();
  // The first teammate reply sets time-to-first-response; later ones (and retries) leave it.
  const firstResponse = db
    .update(tickets)
    .set({ firstResponseAt: message.at })
    .where(and(scope, isNull(tickets.firstResponseAt)));
  let changed = true;
  if (changes === null) {
    await db.batch([firstResponse, db.update(tickets).set({ updatedAt: now }).where(scope)]);
  } else {
    const mark = { accountId: ticket.accountId, ticketId: ticket.id, clientId: reply.clientId };
    const marked = db
      .select({ clientId: macroReplies.clientId })
      .from(macroReplies)
      .where(
        and(
          eq(macroReplies.accountId, mark.accountId),
          eq(macroReplies.ticketId, mark.ticketId),
          eq(macroReplies.clientId, mark.clientId),
        ),
      );
    // One transaction: the changes land only while no mark exists, and the mark with them.
    const [, written] = await db.batch([
      firstResponse,
      db
        .update(tickets)
        .set({ ...changes, updatedAt: now })
        .where(and(scope, notExists(marked)))
        .returning({ id: tickets.id }),
      db
        .insert(macroReplies)
        .values({ ...mark, createdAt: now })
        .onConflictDoNothing(),
    ]);
    changed = written.length > 0;
  }
  const conversationId = ticket.conversationId;
  await retrying(() =>
    dispatcherOf(env, ticket.accountId).conversationMessage({ conversationId, ticketId: ticket.id, message }),
  );
  return { message, changed };
}
