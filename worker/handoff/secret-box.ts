// Helpdesk API tokens at rest: AES-256-GCM with a key derived from the SECRETS_KEY Worker secret
// (`wrangler secret put SECRETS_KEY`), bound to the account and integration as associated data so a
// sealed value copied into another row does not open. Sealed values look like "v1:<iv>:<ciphertext>".
//
// Without SECRETS_KEY (a fresh local checkout) values are stored as "plain:<value>" and a warning is
// logged, so `npm run dev` works with nothing to configure; production must set the secret. Both forms
// are read back, so setting the key later only needs a reconnect to re-seal a token.

export interface SecretsEnv {
  SECRETS_KEY?: string;
}

const encoder = new TextEncoder();
let warned = false;

export async function seal(env: SecretsEnv, context: string, value: string): Promise<string> {
  const key = await keyOf(env);
  if (!key) {
    if (!warned) console.warn('SECRETS_KEY is not set: helpdesk credentials are stored unencrypted');
    warned = true;
    return `plain:${value}`;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
    key,
    encoder.encode(value),
  );
  return `v1:${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`;
}

/** A stored credential that cannot be opened: another SECRETS_KEY, another row, or a damaged value. */
export class SealedSecretError extends Error {}

/** Throws SealedSecretError when the value was sealed with another key or for another context. */
export async function open(env: SecretsEnv, context: string, stored: string): Promise<string> {
  if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
  const [version, iv, data] = stored.split(':');
  if (version !== 'v1' || !iv || !data) throw new SealedSecretError('the stored secret has an unknown format');
  const key = await keyOf(env);
  if (!key) throw new SealedSecretError('SECRETS_KEY is not set');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(iv), additionalData: encoder.encode(context) },
      key,
      fromBase64(data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new SealedSecretError('it was sealed with another SECRETS_KEY');
  }
}

async function keyOf(env: SecretsEnv): Promise<CryptoKey | null> {
  const material = env.SECRETS_KEY?.trim();
  if (!material) return null;
  // Any high-entropy string works: SHA-256 turns it into exactly 32 key bytes.
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(material));
  return crypto.subtle.importKey('raw', digest, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(value: string): Uint8Array<ArrayBuffer> {
  const binary = atob(value);
  const out = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
