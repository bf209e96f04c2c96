// "Seen", the Dispatcher's side: the Dispatcher knows which inbox sockets have which ticket open, so it
// tells a web-chat conversation's room when a teammate opens its ticket (everything so far is seen)
// and when a shopper message arrives while the ticket is open (that message is seen). Best effort: a
// failure is logged and only means the shopper keeps seeing "Delivered"; it never fails the caller.
import type { Database } from '../db/client';
import { webChatConversationOf } from './reads';
import { roomOf } from '../durable/namespaces';

/** A teammate opened `ticketId`: its web-chat conversation's messages so far are seen. */
export async function ticketOpened(env: Env, db: Database, accountId: string, ticketId: string): Promise<void> {
  try {
    const conversationId = await webChatConversationOf(db, accountId, ticketId);
    if (conversationId) await roomOf(env, accountId, conversationId).teamSaw({ seq: null });
  } catch (err) {
    console.warn('Dispatcher: could not mark a conversation seen', err);
  }
}

/** A shopper message reached an inbox that has its ticket open: that message is seen. */
export async function seenWhileOpen(env: Env, accountId: string, conversationId: string, seq: number): Promise<void> {
  try {
    await roomOf(env, accountId, conversationId).teamSaw({ seq });
  } catch (err) {
    console.warn('Dispatcher: could not mark a message seen', err);
  }
}
