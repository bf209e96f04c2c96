// Which account an email is for, from its envelope recipient: a signed reply address of one of the
// account's threads (its signature checked with that account's key), or the inbound address of an
// account with the email channel switched on whose claim on that address is verified
// (address-claim.ts); a pending claim routes nothing, and an address is verified for one account at most.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { settings } from '../../db/schema';
import { accountReplyKey, parseReplyLocalPart, replySignatureValid } from './reply-address';
import { threadById, type ThreadRow } from './store';
import { verifiedOwner } from './address-claim';

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
  const owner = await verifiedOwner(db, address);
  if (!owner) return null;
  const [row] = await db
    .select({ accountId: settings.accountId })
    .from(settings)
    .where(
      and(
        eq(settings.accountId, owner),
        eq(inboundAddressOf, address),
        eq(sql`json_extract(${settings.data}, '$.channels.email.enabled')`, 1),
      ),
    )
    .limit(1);
  return row ? { kind: 'inbound', accountId: owner } : null;
}

const inboundAddressOf = sql`lower(json_extract(${settings.data}, '$.channels.email.inboundAddress'))`;

/** Whether another account has verified this inbound address (Settings → Channels refuses it). */
export async function inboundAddressTaken(db: Database, accountId: string, address: string): Promise<boolean> {
  const owner = await verifiedOwner(db, address);
  return owner !== null && owner !== accountId;
}
