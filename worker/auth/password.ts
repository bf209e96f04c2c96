// Team-member passwords: PBKDF2-SHA256 from WebCrypto with a per-user random salt.
// 100,000 iterations is the most the Workers runtime allows for PBKDF2.
import { toHex } from '../ids';

const ITERATIONS = 100_000;
const SCHEME = 'pbkdf2-sha256';

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, ITERATIONS);
  return `${SCHEME}$${ITERATIONS}$${toHex(salt)}$${toHex(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, saltHex, hashHex] = stored.split('$');
  if (scheme !== SCHEME || !iterations || !saltHex || !hashHex) return false;
  const actual = new Uint8Array(await derive(password, fromHex(saltHex), Number(iterations)));
  return constantTimeEqual(actual, fromHex(hashHex));
}

/** A hash to compare against when the email is unknown, so timing does not reveal which emails exist. */
export const DECOY_HASH = `${SCHEME}$${ITERATIONS}$${'00'.repeat(16)}$${'00'.repeat(32)}`;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
