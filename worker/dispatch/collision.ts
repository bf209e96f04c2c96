// Collision, the Dispatcher's side: after a socket opened or left a ticket, started or stopped typing,
// or closed, every inbox of the account hears the ticket's new watchers (only when they changed), and
// the shopper of a web-chat ticket hears that a teammate is typing (or stopped). Both are derived from
// the sockets' attachments before and after the change (worker/dispatch/watchers.ts), so nothing here
// lives in memory. Telling the shopper is best effort: a failure is logged, never thrown at the socket.
import type { Database } from '../db/client';
import { webChatConversationOf } from './reads';
import { roomOf } from '../durable/namespaces';
import type { InboxSockets } from './sockets';
import { typistOf, watchersOf, type WatchState } from './watchers';

export interface WatchChange {
  before: WatchState[];
  after: WatchState[];
  /** Tickets whose watchers may have changed; null: every ticket watched before or after. */
  touched: string[] | null;
  /** A ticket whose shopper should hear "typing" again (its typist just started or keeps typing). */
  refreshShopper: string | null;
}

export async function announceWatchers(
  env: Env,
  db: Database,
  accountId: string,
  sockets: InboxSockets,
  change: WatchChange,
): Promise<void> {
  const now = Date.now();
  const { before, after } = change;
  const touched = change.touched ?? [
    ...new Set([...before, ...after].map((s) => s.viewing).filter((v): v is string => v !== null)),
  ];
  for (const ticketId of touched) {
    const watchers = watchersOf(after, ticketId, now);
    if (JSON.stringify(watchersOf(before, ticketId, now)) !== JSON.stringify(watchers)) {
      sockets.broadcast({ type: 'watchers', ticketId, watchers });
    }
    const typist = typistOf(after, ticketId, now);
    if (typist !== null && change.refreshShopper === ticketId) await tellShopper(env, db, accountId, ticketId, typist);
    else if (typist === null && typistOf(before, ticketId, now) !== null)
      await tellShopper(env, db, accountId, ticketId, null);
  }
}

/** "Leo is typing…" (or no longer) in the web chat of the ticket's conversation. */
async function tellShopper(
  env: Env,
  db: Database,
  accountId: string,
  ticketId: string,
  typist: string | null,
): Promise<void> {
  try {
    const conversationId = await webChatConversationOf(db, accountId, ticketId);
    if (conversationId) await roomOf(env, accountId, conversationId).teammateTyping({ ticketId, name: typist });
  } catch (err) {
    console.warn('Dispatcher: could not tell the shopper about typing', err);
  }
}
