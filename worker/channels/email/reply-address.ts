// Signed reply addresses: `reply+<conversation><signature>@<domain>`. The conversation id (a UUID)
// is written in 26 lower-case base32 characters, followed by 16 characters (80 bits) of
// HMAC-SHA-256 over it with the account's own reply key (email_reply_keys, created on first use).
// Only Baton can mint an address that verifies, an address copied between accounts does not verify,
// and the local part stays at 48 characters (the limit is 64) in the one case mail systems preserve.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { toHex } from '../../ids';
import { emailReplyKeys } from './schema';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_CHARS = 26;
const SIG_CHARS = 16;
const LOCAL = new RegExp(`^reply\\+([a-z2-7]{${ID_CHARS}})([a-z2-7]{${SIG_CHARS}})$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

function uuidBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, '');
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

function uuidOf(bytes: Uint8Array): string {
  const hex = toHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The account's reply key, created on first use (INSERT OR IGNORE: two first uses agree on one key). */
export async function accountReplyKey(db: Database, accountId: string): Promise<string> {
  const existing = await db
    .select({ secret: emailReplyKeys.secret })
    .from(emailReplyKeys)
    .where(eq(emailReplyKeys.accountId, accountId))
    .limit(1);
  if (existing[0]) return existing[0].secret;
  await db
    .insert(emailReplyKeys)
    .values({ accountId, secret: toHex(crypto.getRandomValues(new Uint8Array(32))), createdAt: Date.now() })
    .onConflictDoNothing();
  const [row] = await db
    .select({ secret: emailReplyKeys.secret })
    .from(emailReplyKeys)
    .where(eq(emailReplyKeys.accountId, accountId))
    .limit(1);
  return row!.secret;
}

async function signature(secret: string, idPart: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`reply:${idPart}`)));
  return base32(mac.slice(0, 10));
}

/** The local part for a conversation's reply address. */
export async function replyLocalPart(secret: string, conversationId: string): Promise<string> {
  if (!UUID.test(conversationId)) throw new Error('Reply addresses are minted for UUID conversation ids only');
  const idPart = base32(uuidBytes(conversationId));
  return `reply+${idPart}${await signature(secret, idPart)}`;
}

/** The conversation a reply local part names, before its signature is checked; null if it is not one. */
export function parseReplyLocalPart(local: string): { conversationId: string; idPart: string; sig: string } | null {
  const match = LOCAL.exec(local.toLowerCase());
  if (!match) return null;
  const bytes = unbase32(match[1]!);
  if (bytes.length !== 16 || base32(bytes) !== match[1]) return null;
  return { conversationId: uuidOf(bytes), idPart: match[1]!, sig: match[2]! };
}

/** Constant-time check of a parsed reply address against the account's key. */
export async function replySignatureValid(secret: string, parsed: { idPart: string; sig: string }): Promise<boolean> {
  const expected = new TextEncoder().encode(await signature(secret, parsed.idPart));
  const given = new TextEncoder().encode(parsed.sig);
  if (expected.length !== given.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ given[i]!;
  return diff === 0;
}
