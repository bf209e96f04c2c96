// Webhook signatures, per Standard Webhooks v1 (https://www.standardwebhooks.com, the spec the
// `standardwebhooks` and svix libraries verify):
//   webhook-id        the message id: the delivery id (one per event and subscription), the same on
//                     every retry and resend, so receivers de-duplicate on it
//   webhook-timestamp unix seconds when this attempt was signed (receivers refuse old ones)
//   webhook-signature `v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>`
// The key is the secret after its `whsec_` prefix, base64-decoded, as the spec says. Secrets made
// before Standard Webhooks are `whsec_` + 48 hex digits, which is valid base64 too, so they verify
// unchanged in every Standard Webhooks library: nobody has to rotate.
//
// Deprecated, sent until 30 June 2027 (README, "Webhooks"): `Baton-Signature: t=<unix seconds>,
// v1=<hex HMAC-SHA256(secret as UTF-8 text, "<t>.<raw body>")>`, Baton's first scheme, so receivers
// written for it keep working while they move to the standard headers.
import { toHex } from '../ids';
import { base64ToBytes, bytesToBase64 } from '../platform/base64';

const encoder = new TextEncoder();
const SECRET_PREFIX = 'whsec_';

export const ID_HEADER = 'webhook-id';
export const TIMESTAMP_HEADER = 'webhook-timestamp';
export const SIGNATURE_HEADER = 'webhook-signature';
/** Deprecated (see above); removed after 30 June 2027. */
export const LEGACY_SIGNATURE_HEADER = 'Baton-Signature';
export const EVENT_ID_HEADER = 'Baton-Event-Id';
export const DELIVERY_ID_HEADER = 'Baton-Delivery-Id';

/** A new signing secret: `whsec_` + base64 of 24 random bytes (the spec's minimum key size). */
export function newSigningSecret(): string {
  return SECRET_PREFIX + bytesToBase64(crypto.getRandomValues(new Uint8Array(24)));
}

/** The HMAC key a Standard Webhooks receiver derives from the secret; null when it is not base64. */
export function signingKey(secret: string): Uint8Array<ArrayBuffer> | null {
  const key = base64ToBytes(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
  return key && key.length > 0 ? key : null;
}

async function hmac(key: Uint8Array<ArrayBuffer>, message: string): Promise<Uint8Array> {
  const k = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, encoder.encode(message)));
}

/** Every signing header of one attempt. Throws when the secret is not base64 (never for secrets Baton made). */
export async function signedHeaders(
  secret: string,
  messageId: string,
  body: string,
  unixSeconds: number,
): Promise<Record<string, string>> {
  const key = signingKey(secret);
  if (!key) throw new Error('the signing secret is not whsec_ followed by base64');
  const standard = bytesToBase64(await hmac(key, `${messageId}.${unixSeconds}.${body}`));
  const legacy = toHex(await hmac(encoder.encode(secret), `${unixSeconds}.${body}`));
  return {
    [ID_HEADER]: messageId,
    [TIMESTAMP_HEADER]: String(unixSeconds),
    [SIGNATURE_HEADER]: `v1,${standard}`,
    [LEGACY_SIGNATURE_HEADER]: `t=${unixSeconds},v1=${legacy}`,
  };
}
