// Ticket search for the inbox views: FTS5 over a ticket's own fields (ticket_fts: number, subject,
// requester name and email) and over its conversation's messages (message_fts), combined with the
// view's filters by the caller (worker/tickets/list.ts), so results keep the view's order and keyset
// pages. Every whitespace-separated word must match; a word is reduced to its letters and digits and
// searched as a phrase ("emma.wilson@example.com" → "emma wilson example com"), the last one as a
// prefix so results come while typing. The expression is built from those tokens only, so no input
// can inject FTS syntax, and it is a bound parameter. "#123" alone means ticket number 123 (as in
// Zendesk and Intercom): that ticket only, not every message with a word starting with 123.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { tickets } from '../db/schema';

const MAX_WORDS = 8;

/** The FTS5 MATCH expression for what the member typed, or null when it has nothing to search for. */
export function ftsQuery(raw: string): string | null {
  const words = raw
    .normalize('NFKC')
    .split(/\s+/)
    .map((w) => w.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((tokens, i) => `"${tokens.join(' ')}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** The search condition for what the member typed, or undefined when it has nothing to search for. */
export function searchCondition(accountId: string, raw: string): SQL | undefined {
  const number = /^\s*#(\d{1,15})\s*$/.exec(raw)?.[1];
  if (number) return and(eq(tickets.accountId, accountId), eq(tickets.number, Number(number)));
  const match = ftsQuery(raw);
  return match ? matchesSearch(accountId, match) : undefined;
}

/**
 * Tickets whose own fields match, or whose conversation has a message that matches. Both subqueries
 * are uncorrelated: SQLite builds each match set once and probes it while walking the view's index.
 */
function matchesSearch(accountId: string, match: string): SQL {
  return or(
    sql`${tickets}.rowid IN (SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH ${match})`,
    sql`${tickets.conversationId} IN (SELECT m.conversation_id FROM message_fts JOIN message_index m ON m.rowid = message_fts.rowid
                                      WHERE message_fts MATCH ${match} AND m.account_id = ${accountId})`,
  )!;
}
