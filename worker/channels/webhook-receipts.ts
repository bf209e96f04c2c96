// Replay protection for provider webhooks. Neither Twilio's nor Meta's signature covers a timestamp,
// so a captured signed request would verify forever; instead each accepted request leaves a receipt
// (SHA-256 of its URL and exact body), claimed before the request is acted on. The same signed request
// arriving again finds its receipt and is refused (403, nothing stored). A request whose processing
// failed gives its receipt back, so the provider's own retry of it is not mistaken for a replay.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { webhookReceipts } from '../db/schema-channels';
import { sha256Hex } from '../ids';

export type WebhookProvider = 'twilio' | 'whatsapp';

export interface Receipt {
  accountId: string;
  provider: WebhookProvider;
  digest: string;
}

export async function receiptFor(accountId: string, provider: WebhookProvider, url: string, body: string): Promise<Receipt> {
  return { accountId, provider, digest: await sha256Hex(`${url}\n${body}`) };
}

/** True when this request is new (the receipt is now ours); false for a replay. */
export async function claimReceipt(db: Database, receipt: Receipt): Promise<boolean> {
  const rows = await db.insert(webhookReceipts).values({ ...receipt, receivedAt: Date.now() })
    .onConflictDoNothing().returning({ digest: webhookReceipts.digest });
  return rows.length > 0;
}

export async function releaseReceipt(db: Database, receipt: Receipt): Promise<void> {
  await db.delete(webhookReceipts).where(and(
    eq(webhookReceipts.accountId, receipt.accountId), eq(webhookReceipts.provider, receipt.provider), eq(webhookReceipts.digest, receipt.digest),
  ));
}
