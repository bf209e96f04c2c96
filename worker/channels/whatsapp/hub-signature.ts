// Meta's webhook signature (WhatsApp Cloud API, "Validating payloads"):
//   X-Hub-Signature-256 = "sha256=" + hex(HMAC-SHA256(app secret, raw request body))
// Checked on the exact bytes received, before any JSON parsing; the comparison is constant time
// (crypto.subtle.verify). A missing header, another prefix or non-hex digits fail.

export const HUB_SIGNATURE_HEADER = 'x-hub-signature-256';

export async function verifyHubSignature(
  appSecret: string,
  header: string | undefined,
  rawBody: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match) return false;
  const mac = new Uint8Array(new ArrayBuffer(32));
  for (let i = 0; i < 32; i++) mac[i] = parseInt(match[1]!.slice(i * 2, i * 2 + 2), 16);
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('HMAC', key, mac, rawBody);
}
