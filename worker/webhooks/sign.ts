// Webhook signatures, Stripe-style: `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` where the
// HMAC key is the subscription's secret and the message is `${t}.${body}` (the exact bytes sent).
// The timestamp inside the signed message lets a receiver refuse a replayed old request.
import { toHex } from '../ids';

const encoder = new TextEncoder();

export const SIGNATURE_HEADER = 'Baton-Signature';
export const EVENT_ID_HEADER = 'Baton-Event-Id';
export const DELIVERY_ID_HEADER = 'Baton-Delivery-Id';
/** How old a signature a receiver should accept (the README's recipe uses the same). */
export const TOLERANCE_SECONDS = 300;

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
}

export async function signatureHeader(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacHex(secret, `${unixSeconds}.${body}`)}`;
}

/** What a receiver does: parse, check the age, recompute and compare in constant time. */
export async function verifySignature(secret: string, header: string, body: string, nowSeconds: number, tolerance = TOLERANCE_SECONDS): Promise<boolean> {
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > tolerance) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  if (expected.length !== v1.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ v1.charCodeAt(i);
  return diff === 0;
}
