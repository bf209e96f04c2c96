// Which account an email is for, from its envelope recipient: a signed reply address of one of the
// account's threads (its signature checked with that account's key), or the inbound address an
// account with the email channel switched on has set. An address two accounts claim reaches neither.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { settings } from '../../db/schema';
import { accountReplyKey, parseReplyLocalPart, replySignatureValid } from './reply-address';
import { threadById, type ThreadRow } from './store';

export type Recipient =
  | { kind: 'inbound'; accountId: string }
  | { kind: 'reply'; accountId: string; thread: ThreadRow };

export async function resolveRecipient(db: Database, to: string): Promise<Recipient | null> {
  const address = to.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const reply = parseReplyLocalPart(address.slice(0, at));
  if (reply) {
    const thread = await threadById(db, reply.conversationId);
    if (!thread) return null;
    const key = await accountReplyKey(db, thread.accountId);
    return (await replySignatureValid(key, reply)) ? { kind: 'reply', accountId: thread.accountId, thread } : null;
  }
  const rows = await db
    .select({ accountId: settings.accountId })
    .from(settings)
    .where(and(eq(inboundAddressOf, address), eq(sql`json_extract(${settings.data}, '$.channels.email.enabled')`, 1)))
    .limit(2);
  return rows.length === 1 ? { kind: 'inbound', accountId: rows[0]!.accountId } : null;
}

const inboundAddressOf = sql`lower(json_extract(${settings.data}, '$.channels.email.inboundAddress'))`;

/** Whether another account has set this inbound address (Settings → Channels refuses it). */
export async function inboundAddressTaken(db: Database, accountId: string, address: string): Promise<boolean> {
  const [row] = await db
    .select({ accountId: settings.accountId })
    .from(settings)
    .where(and(eq(inboundAddressOf, address.trim().toLowerCase()), ne(settings.accountId, accountId)))
    .limit(1);
  return row !== undefined;
}
