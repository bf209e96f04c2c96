import { sql, type SQL } from 'drizzle-orm';

/**
 * The next per-account ticket number, computed inside the INSERT itself so that two tickets created
 * at once can never take the same number (SQLite runs each statement atomically; the UNIQUE
 * (account_id, number) index is the backstop).
 */
export function nextTicketNumber(accountId: string): SQL<number> {
  return sql<number>`(SELECT COALESCE(MAX(number), 0) + 1 FROM tickets WHERE account_id = ${accountId})`;
}
