// Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests):
//   X-Twilio-Signature = base64(HMAC-SHA1(auth token, full URL + every POST parameter, sorted by name,
//                        written as name + value with no separators))
// The URL is exactly the one Twilio requested, query string included. Verification recomputes the MAC
// and compares it in constant time (crypto.subtle.verify); a missing or malformed header fails.
// Twilio's signature has no timestamp, so replay protection is the webhook receipts' job.

import { base64ToBytes } from '../../platform/base64';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

const encoder = new TextEncoder();

/** The string Twilio signs. Repeated names are kept, sorted by value, as Twilio's libraries do. */
export function twilioSignedString(url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const sorted = [...params].sort(([ak, av], [bk, bv]) =>
    ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  return url + sorted.map(([k, v]) => k + v).join('');
}

export async function verifyTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: ReadonlyArray<readonly [string, string]>,
): Promise<boolean> {
  if (!signature) return false;
  const mac = base64ToBytes(signature);
  if (!mac) return false;
  const key = await crypto.subtle.importKey('raw', encoder.encode(authToken), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify('HMAC', key, mac, encoder.encode(twilioSignedString(url, params)));
}
