import type { ConversationRoom } from './ConversationRoom';

// `wrangler types` names the classes only in comments; these accessors give the stubs their RPC types.
export function conversationRooms(env: Env): DurableObjectNamespace<ConversationRoom> {
  return env.CONVERSATIONS as DurableObjectNamespace<ConversationRoom>;
}

export function roomOf(env: Env, accountId: string, conversationId: string) {
  const ns = conversationRooms(env);
  // Named by account and conversation: an id from another account can never reach this object.
  return ns.get(ns.idFromName(`${accountId}:${conversationId}`));
}
