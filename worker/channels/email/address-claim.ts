// Proof that an account's inbound email address is its own, the way Zendesk verifies a forwarded
// support address: setting the address makes a pending claim with a secret token, Baton mails the token
// to that address, and the claim is verified only when the message comes back through the Worker's
// email() handler addressed to it — so mail to that address really reaches Baton. Until then the
// claim routes no mail (recipient.ts) and replies go out from the platform's EMAIL_FROM, never from the
// unproven address (sender.ts). An address is verified for one account at most (a partial unique index,
// migrations/0021_email_address_claims.sql); other accounts may hold pending claims on it, so a
// pending claim cannot squat an address. The token is 192 random bits; only its SHA-256 is stored.
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId, newSecret, sha256Hex } from '../../ids';
import { emailFrom, emailSender, type EmailEnv } from '../../notifications/email';
import { emailAddressClaims } from './schema';

/** What Settings shows about the inbound address. */
export interface AddressClaimView {
  address: string;
  state: 'pending' | 'verified';
  sentAt: number | null;
}

/** A verification message may be sent again only this long after the last one (no mail cannon). */
export const RESEND_AFTER_MS = 5 * 60_000;
const TOKEN = /baton-verify:(bv_[0-9a-f]{48})/;

export async function claimView(db: Database, accountId: string): Promise<AddressClaimView | null> {
  const [row] = await db.select().from(emailAddressClaims).where(eq(emailAddressClaims.accountId, accountId));
  return row ? viewOf(row) : null;
}

/**
 * The account's inbound address is now `address` (null: none). The same address keeps its claim as
 * it is; another one replaces it with a new pending claim, whose token is returned to be mailed.
 */
export async function claimAddress(
  db: Database,
  accountId: string,
  address: string | null,
  now: number,
): Promise<{ view: AddressClaimView | null; token: string | null }> {
  if (!address) {
    await db.delete(emailAddressClaims).where(eq(emailAddressClaims.accountId, accountId));
    return { view: null, token: null };
  }
  const normalised = address.trim().toLowerCase();
  const existing = await claimView(db, accountId);
  if (existing?.address === normalised) return { view: existing, token: null };
  const token = newSecret('bv_', 24);
  const values = { address: normalised, tokenHash: await sha256Hex(token), sentAt: null, verifiedAt: null };
  await db
    .insert(emailAddressClaims)
    .values({ accountId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: emailAddressClaims.accountId, set: { ...values, createdAt: now } });
  return { view: { address: normalised, state: 'pending', sentAt: null }, token };
}

/** A new token for the account's pending claim (the old one stops working), or null when there is none. */
export async function renewToken(db: Database, accountId: string): Promise<string | null> {
  const token = newSecret('bv_', 24);
  const [row] = await db
    .update(emailAddressClaims)
    .set({ tokenHash: await sha256Hex(token) })
    .where(and(eq(emailAddressClaims.accountId, accountId), isNull(emailAddressClaims.verifiedAt)))
    .returning({ accountId: emailAddressClaims.accountId });
  return row ? token : null;
}

/** Mails the token to the claimed address from the platform's sender; records when. */
export async function sendVerification(
  db: Database,
  env: EmailEnv,
  accountId: string,
  storeName: string,
  address: string,
  token: string,
  now: number,
): Promise<{ sent: boolean; error: string | null }> {
  const sender = emailSender(env);
  if (!sender) return { sent: false, error: 'No email sender is configured (the EMAIL binding or EMAIL_API_URL).' };
  const result = await sender.send({
    from: emailFrom(env),
    to: address,
    subject: `Verify ${address} for ${storeName} on Baton`,
    text: [
      `${storeName} asked Baton to receive the email sent to ${address}.`,
      '',
      'If this address forwards to Baton (Cloudflare Email Routing → the Baton Worker), this message',
      'verifies it by arriving there: nothing else to do. If you are reading it in a mailbox, the',
      'address does not reach Baton yet; if you did not ask for this, ignore it.',
      '',
      `baton-verify:${token}`,
    ].join('\n'),
    messageId: `verify.${newId().replace(/-/g, '')}`,
    autoSubmitted: 'auto-generated',
  });
  if (!result.ok) return { sent: false, error: result.error };
  await db.update(emailAddressClaims).set({ sentAt: now }).where(eq(emailAddressClaims.accountId, accountId));
  return { sent: true, error: null };
}

/**
 * An inbound message that carries a verification token, at the address it was mailed to: verifies that
 * claim ('verified'), or says another account verified the address first ('taken'). null when the
 * message carries no token of a pending claim for this recipient: it is ordinary mail.
 */
export async function verificationArrived(
  db: Database,
  to: string,
  raw: Uint8Array,
  now: number,
): Promise<{ outcome: 'verified' | 'taken'; accountId: string } | null> {
  const match = TOKEN.exec(new TextDecoder().decode(raw.subarray(0, 256 * 1024)));
  if (!match) return null;
  const where = and(
    eq(emailAddressClaims.tokenHash, await sha256Hex(match[1]!)),
    eq(emailAddressClaims.address, to.trim().toLowerCase()),
    isNull(emailAddressClaims.verifiedAt),
  );
  const [claim] = await db.select({ accountId: emailAddressClaims.accountId }).from(emailAddressClaims).where(where);
  if (!claim) return null;
  const [taken] = await db
    .select({ accountId: emailAddressClaims.accountId })
    .from(emailAddressClaims)
    .where(
      and(
        eq(emailAddressClaims.address, to.trim().toLowerCase()),
        isNotNull(emailAddressClaims.verifiedAt),
        ne(emailAddressClaims.accountId, claim.accountId),
      ),
    );
  if (taken) return { outcome: 'taken', accountId: claim.accountId };
  try {
    await db.update(emailAddressClaims).set({ verifiedAt: now }).where(where);
  } catch (err) {
    // The unique index: another account verified this address a moment ago.
    if (err instanceof Error && /UNIQUE/i.test(err.message)) return { outcome: 'taken', accountId: claim.accountId };
    throw err;
  }
  return { outcome: 'verified', accountId: claim.accountId };
}

/** The account whose verified claim is `address`, or null. */
export async function verifiedOwner(db: Database, address: string): Promise<string | null> {
  const [row] = await db
    .select({ accountId: emailAddressClaims.accountId })
    .from(emailAddressClaims)
    .where(and(eq(emailAddressClaims.address, address.trim().toLowerCase()), isNotNull(emailAddressClaims.verifiedAt)))
    .limit(1);
  return row?.accountId ?? null;
}

function viewOf(row: typeof emailAddressClaims.$inferSelect): AddressClaimView {
  return { address: row.address, state: row.verifiedAt === null ? 'pending' : 'verified', sentAt: row.sentAt };
}
