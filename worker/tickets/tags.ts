// Replacing a ticket's tags (the row menu, the demo seed; a macro writes its tags with its reply, in
// canned/apply.ts): lower-cased, trimmed, de-duplicated, and the inbox told live so lists show them at once.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { tickets } from '../db/schema';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import { summaryOf, type TicketRecord } from './find';

/** The most tags a ticket carries (the row menu, macros). */
export const MAX_TICKET_TAGS = 20;

export const ticketTags = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'a tag is empty')
      .max(40, 'a tag is longer than 40 characters')
      .regex(/^[\p{L}\p{N}_ -]+$/u, 'tags use letters, digits, spaces, "-" and "_"'),
  )
  .max(MAX_TICKET_TAGS, `at most ${MAX_TICKET_TAGS} tags`)
  .transform((tags) => [...new Set(tags)]);

export async function setTicketTags(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  tags: string[],
): Promise<TicketRecord> {
  const now = Date.now();
  await db
    .update(tickets)
    .set({ tags, updatedAt: now })
    .where(and(eq(tickets.id, ticket.id), eq(tickets.accountId, ticket.accountId)));
  const updated = { ...ticket, tags, updatedAt: now };
  await retrying(() =>
    dispatcherOf(env, ticket.accountId).ticketUpdated({ accountId: ticket.accountId, ticket: summaryOf(updated) }),
  );
  return updated;
}
