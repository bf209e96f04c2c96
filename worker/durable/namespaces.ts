import type { ConversationRoom } from '../conversation/ConversationRoom';
import type { Dispatcher } from './Dispatcher';

// `wrangler types` names the classes only in comments; these accessors give the stubs their RPC types.
export function conversationRooms(env: Env): DurableObjectNamespace<ConversationRoom> {
  return env.CONVERSATIONS as DurableObjectNamespace<ConversationRoom>;
}

export function roomOf(env: Env, accountId: string, conversationId: string) {
  const ns = conversationRooms(env);
  // Named by account and conversation: an id from another account can never reach this object.
  return ns.get(ns.idFromName(`${accountId}:${conversationId}`));
}

export function dispatchers(env: Env): DurableObjectNamespace<Dispatcher> {
  return env.DISPATCHER as DurableObjectNamespace<Dispatcher>;
}

/** The account's Dispatcher: one per account, named by the account id. */
export function dispatcherOf(env: Env, accountId: string) {
  const ns = dispatchers(env);
  return ns.get(ns.idFromName(accountId));
}
