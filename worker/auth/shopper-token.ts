// Shopper identity tokens: HS256 JWTs the store's server signs with the account's identity key.
// Only a token that verifies with *this* account's key, has not expired and carries the required
// claims makes a shopper authenticated; a token minted for another account fails its signature.
import { verify } from 'hono/jwt';
import { z } from 'zod';
import { ApiError } from '../http/errors';

/** Tokens are meant to be short-lived; one claiming to last longer than this is refused. */
const MAX_LIFETIME_S = 24 * 60 * 60;

const claims = z.object({
  sub: z.string().min(1).max(200),
  email: z.email().max(254).optional(),
  name: z.string().max(200).optional(),
  exp: z.number().int().positive(),
});
export type ShopperClaims = z.infer<typeof claims>;

export async function verifyShopperToken(token: string, identityKey: string): Promise<ShopperClaims> {
  let payload: unknown;
  try {
    payload = await verify(token, identityKey, 'HS256');
  } catch (err) {
    const expired = err instanceof Error && /expired/i.test(err.name + err.message);
    throw new ApiError(
      401,
      expired ? 'token_expired' : 'invalid_token',
      expired
        ? 'The identity token has expired; mint a fresh one on your server'
        : 'The identity token is not valid for this store (bad signature or format)',
    );
  }
  const parsed = claims.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(
      401,
      'invalid_token',
      'The identity token needs the claims sub and exp (email and name optional)',
    );
  }
  // hono's verify skips a falsy exp (0 would never expire), so the bounds are checked here: exp must
  // be in the future and within the maximum lifetime.
  const now = Date.now() / 1000;
  if (parsed.data.exp <= now)
    throw new ApiError(401, 'token_expired', 'The identity token has expired; mint a fresh one on your server');
  if (parsed.data.exp - now > MAX_LIFETIME_S) {
    throw new ApiError(401, 'invalid_token', 'The identity token lives too long: exp must be within 24 hours');
  }
  return parsed.data;
}
