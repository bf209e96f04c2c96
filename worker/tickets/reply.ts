// A teammate's reply on a ticket (text, or a file whose `link` is its URL): stored in the conversation (which delivers it to the shopper live),
// time-to-first-response set by the first one, and the inbox told live. Idempotent by clientId.
// `alsoSet` is written in the same D1 batch as the reply's own ticket fields (a macro's status and tags:
// worker/canned/apply.ts), so the two never land apart.
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { tickets, type TicketStatus } from '../db/schema';
import { ApiError } from '../http/errors';
import { dispatcherOf, roomOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import type { WireMessage } from '../protocol/widget';
import type { WhatsAppTemplateRef } from '../conversation/contract';
import type { TicketRecord } from './find';
import { valueOrHttpError } from '../platform/results';

export async function replyToTicket(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  reply: {
    clientId: string;
    text: string;
    authorName: string;
    link?: string | null;
    unlessRepliedAfter?: number | null;
    template?: WhatsAppTemplateRef;
  },
  alsoSet: { tags?: string[]; status?: TicketStatus; closedAt?: number | null } = {},
): Promise<WireMessage> {
  if (!ticket.conversationId)
    throw new ApiError(409, 'no_conversation', 'This ticket has no chat conversation to reply in');
  const message = valueOrHttpError(
    await roomOf(env, ticket.accountId, ticket.conversationId).postHumanReply({ ticketId: ticket.id, ...reply }),
  );
  const scope = and(eq(tickets.id, ticket.id), eq(tickets.accountId, ticket.accountId));
  // The first teammate reply sets time-to-first-response; later ones (and retries) leave it.
  await db.batch([
    db
      .update(tickets)
      .set({ firstResponseAt: message.at })
      .where(and(scope, isNull(tickets.firstResponseAt))),
    db
      .update(tickets)
      .set({ ...alsoSet, updatedAt: Date.now() })
      .where(scope),
  ]);
  const conversationId = ticket.conversationId;
  await retrying(() =>
    dispatcherOf(env, ticket.accountId).conversationMessage({ conversationId, ticketId: ticket.id, message }),
  );
  return message;
}
