// Zendesk → Baton: an agent's public reply on a Baton ticket, sent by a Zendesk trigger through a
// webhook (README, "Connecting Zendesk or Gorgias", has the trigger and its JSON body).
//
// Zendesk signs each request (https://developer.zendesk.com/documentation/webhooks/verifying/):
//   X-Zendesk-Webhook-Signature           = base64(HMAC-SHA256(signing secret, timestamp + raw body))
//   X-Zendesk-Webhook-Signature-Timestamp = the timestamp that was signed (ISO 8601)
// A timestamp more than five minutes from our clock is refused, so a captured request cannot be replayed
// later; a retried delivery within the window is stored once (its client id is the comment id).
import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../platform/base64';

export const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
export const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';
export const MAX_SKEW_MS = 5 * 60 * 1000;
/** A human reply can be longer than a shopper's chat message, but not unbounded. */
const MAX_REPLY_CHARS = 10_000;

const numericId = (what: string) =>
  z
    .union([z.number().int().nonnegative().transform(String), z.string().trim()])
    .pipe(
      z.string().regex(/^\d+$/, `${what} must be the numeric Zendesk id (check the placeholder in the trigger body)`),
    );

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** The JSON body the merchant's trigger sends (placeholders arrive as strings). */
export const zendeskReplyPayload = z.object({
  ticket_id: numericId('ticket_id'),
  comment_id: numericId('comment_id'),
  body: z.string().trim().min(1, 'body is empty').max(MAX_REPLY_CHARS),
  author_name: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || 'Support team'),
  /** The comment's author; comments by the requester (the shopper's own, posted by Baton) are skipped. */
  author_id: numericId('author_id').optional(),
  public: flag.default(true),
});
export type ZendeskReplyPayload = z.infer<typeof zendeskReplyPayload>;

export type SignatureCheck =
  | { ok: true }
  | { ok: false; code: 'missing_signature' | 'stale_signature' | 'invalid_signature'; message: string };

export async function verifyZendeskSignature(
  secret: string,
  signature: string | undefined,
  timestamp: string | undefined,
  body: string,
  now = Date.now(),
): Promise<SignatureCheck> {
  if (!signature || !timestamp) {
    return {
      ok: false,
      code: 'missing_signature',
      message: `Send the ${SIGNATURE_HEADER} and ${TIMESTAMP_HEADER} headers (Zendesk adds them)`,
    };
  }
  const signedAt = Date.parse(timestamp);
  if (Number.isNaN(signedAt) || Math.abs(now - signedAt) > MAX_SKEW_MS) {
    return {
      ok: false,
      code: 'stale_signature',
      message: 'The signature timestamp is missing, malformed or more than 5 minutes from now',
    };
  }
  const sig = base64ToBytes(signature);
  if (!sig) return { ok: false, code: 'invalid_signature', message: 'The signature is not base64' };
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  // subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify('HMAC', key, sig, encoder.encode(timestamp + body));
  return valid
    ? { ok: true }
    : {
        ok: false,
        code: 'invalid_signature',
        message: 'The signature does not match this body and the stored signing secret',
      };
}

/** What Zendesk computes; used by tests and by anyone debugging their trigger. */
export async function signZendeskBody(secret: string, timestamp: string, body: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(timestamp + body))));
}
