// Every id that reaches a browser is random (UUIDv4: 122 random bits), never sequential.
export function newId(): string {
  return crypto.randomUUID();
}

/** A random secret of `bytes` bytes as lowercase hex, with a readable prefix ("pk_", "sk_"...). */
export function newSecret(prefix: string, bytes = 24): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return prefix + toHex(buf);
}

export function toHex(buf: ArrayBuffer | Uint8Array): string {
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export async function sha256Hex(value: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
}

/** Whether a presented secret equals the configured one, compared as SHA-256 digests so the time taken
 * says nothing about how much of it matched. */
export async function secretMatches(given: string, expected: string): Promise<boolean> {
  return (await sha256Hex(given)) === (await sha256Hex(expected));
}
