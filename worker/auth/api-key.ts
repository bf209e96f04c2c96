// Account API keys for server-to-server calls (the track API, segment exports). A key is shown to the
// merchant once; only its SHA-256 is stored (api_keys.key_hash, unique), so a lookup is one index seek
// and a leaked database leaks no usable key.
import { and, eq, isNull } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/client';
import { apiKeys } from '../db/schema';
import { ApiError } from '../http/errors';
import { newId, newSecret, sha256Hex } from '../ids';

export const API_KEY_PREFIX = 'sk_';

/** The context of a request authenticated by an API key (no team member, no cookie). */
export interface ApiKeyEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    apiKey: { id: string; accountId: string };
  };
}

export interface CreatedApiKey {
  key: { id: string; name: string; prefix: string; createdAt: number; revokedAt: null };
  /** The full secret: returned once, never stored. */
  secret: string;
}

export async function createApiKey(db: Database, accountId: string, name: string): Promise<CreatedApiKey> {
  const secret = newSecret(API_KEY_PREFIX, 24);
  const key = { id: newId(), name, prefix: secret.slice(0, 10), createdAt: Date.now(), revokedAt: null };
  await db.insert(apiKeys).values({ ...key, accountId, keyHash: await sha256Hex(secret) });
  return { key, secret };
}

/** Requires `Authorization: Bearer sk_...` with a live key; puts its account on the context. */
export const requireApiKey: MiddlewareHandler<ApiKeyEnv> = async (c, next) => {
  const match = /^Bearer (sk_[A-Za-z0-9]{8,200})$/.exec(c.req.header('authorization') ?? '');
  if (!match) {
    throw new ApiError(
      401,
      'missing_api_key',
      'Send an account API key as Authorization: Bearer sk_... (Settings → API keys)',
    );
  }
  const [key] = await c.var.db
    .select({ id: apiKeys.id, accountId: apiKeys.accountId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, await sha256Hex(match[1]!)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!key) throw new ApiError(401, 'invalid_api_key', 'This API key is unknown or was revoked');
  c.set('apiKey', key);
  await next();
};
