// A message on a ticket, as every inbox's list hears it (the 'ticket.activity' frame): the row's
// last-message preview and unread marker follow it live, not only on the ticket page. Members who
// have the ticket open when a shopper message arrives have read it, so their rows don't turn unread.
// Best effort, like "seen": a failed read mark only leaves the row unread until the ticket is opened.
import type { Database } from '../db/client';
import type { InboxServerFrame } from '../protocol/inbox';
import type { WireMessage } from '../protocol/widget';
import { isIndexed, previewText } from '../inbox/search-index';
import { markReadByAll } from '../tickets/reads';

/** The list frame for a message, or null for what rows never preview (system notices, empty text). */
export function activityFrame(ticketId: string, message: WireMessage): InboxServerFrame | null {
  if (!isIndexed(message)) return null;
  return {
    type: 'ticket.activity',
    ticketId,
    lastMessage: { role: message.role, text: previewText(message), at: message.at },
  };
}

export async function readWhileOpen(
  db: Database,
  accountId: string,
  ticketId: string,
  viewers: string[],
  at: number,
): Promise<void> {
  try {
    await markReadByAll(db, { accountId, id: ticketId }, [...new Set(viewers)], at);
  } catch (err) {
    console.warn('Dispatcher: could not mark a ticket read for its viewers', err);
  }
}
