// Replay protection for provider webhooks. Neither Twilio's nor Meta's signature covers a timestamp,
// so a captured signed request would verify forever; instead each accepted request leaves a receipt
// (SHA-256 of its URL and exact body), claimed before the request is acted on. The same signed request
// arriving again finds its receipt and is refused (403, nothing stored). A request whose processing
// failed gives its receipt back, so the provider's own retry of it is not mistaken for a replay.
// Receipts are kept for REPLAY_WINDOW_MS (longer than Meta's and Twilio's retries), then pruned by the
// cron in bounded batches. Past the window a replayed WhatsApp delivery is refused by its own
// timestamps (whatsapp/webhook.ts); a replayed inbound SMS (no timestamp to check) is a no-op while its
// conversation is open, as the room stores each provider message id once.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { webhookReceipts } from '../db/schema-channels';
import { sha256Hex } from '../ids';

export type WebhookProvider = 'twilio' | 'whatsapp';

/** How long a receipt is kept: Meta retries a webhook for up to 7 days, Twilio for far less. */
export const REPLAY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** Rows one pruning statement deletes (D1 statements should stay short), and statements per run. */
const PRUNE_BATCH = 5_000;
const PRUNE_MAX_BATCHES = 20;

export interface Receipt {
  accountId: string;
  provider: WebhookProvider;
  digest: string;
}

export async function receiptFor(
  accountId: string,
  provider: WebhookProvider,
  url: string,
  body: string,
): Promise<Receipt> {
  return { accountId, provider, digest: await sha256Hex(`${url}\n${body}`) };
}

/** True when this request is new (the receipt is now ours); false for a replay. */
export async function claimReceipt(db: Database, receipt: Receipt): Promise<boolean> {
  const rows = await db
    .insert(webhookReceipts)
    .values({ ...receipt, receivedAt: Date.now() })
    .onConflictDoNothing()
    .returning({ digest: webhookReceipts.digest });
  return rows.length > 0;
}

export async function releaseReceipt(db: Database, receipt: Receipt): Promise<void> {
  await db
    .delete(webhookReceipts)
    .where(
      and(
        eq(webhookReceipts.accountId, receipt.accountId),
        eq(webhookReceipts.provider, receipt.provider),
        eq(webhookReceipts.digest, receipt.digest),
      ),
    );
}

/**
 * Deletes receipts older than the replay window, oldest first, in bounded batches (the cron calls it;
 * what one run leaves, the next takes). Resolves with the number deleted.
 */
export async function pruneReceipts(db: Database, now = Date.now()): Promise<number> {
  const cutoff = now - REPLAY_WINDOW_MS;
  let deleted = 0;
  for (let batch = 0; batch < PRUNE_MAX_BATCHES; batch++) {
    const oldest = db
      .select({ rowid: sql`rowid` })
      .from(webhookReceipts)
      .where(lt(webhookReceipts.receivedAt, cutoff))
      .limit(PRUNE_BATCH);
    const rows = await db
      .delete(webhookReceipts)
      .where(sql`rowid IN ${oldest}`)
      .returning({ digest: webhookReceipts.digest });
    deleted += rows.length;
    if (rows.length < PRUNE_BATCH) break;
  }
  return deleted;
}
