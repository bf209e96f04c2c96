import { and, eq, gt, isNull } from 'drizzle-orm';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { Context, MiddlewareHandler } from 'hono';
import { sessions, users } from '../db/schema';
import type { Database } from '../db/client';
import type { AppEnv } from '../http/app-env';
import { ApiError, forbidden } from '../http/errors';
import { newSecret, sha256Hex } from '../ids';
import { can, type Permission } from './permissions';

export const SESSION_COOKIE = 'baton_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Creates a session row (keyed by the token's hash) and sets the HttpOnly cookie. */
export async function startSession(c: Context<AppEnv>, user: { id: string; accountId: string }) {
  const token = newSecret('', 32);
  const now = Date.now();
  await c.var.db.insert(sessions).values({
    id: await sha256Hex(token),
    accountId: user.accountId,
    userId: user.id,
    createdAt: now,
    expiresAt: now + SESSION_TTL_MS,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export async function endSession(c: Context<AppEnv>) {
  await c.var.db.delete(sessions).where(eq(sessions.id, c.var.member.sessionId));
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export async function findMember(db: Database, token: string) {
  const id = await sha256Hex(token);
  const rows = await db
    .select({
      sessionId: sessions.id,
      userId: users.id,
      accountId: users.accountId,
      role: users.role,
      email: users.email,
      name: users.name,
    })
    .from(sessions)
    .innerJoin(
      users,
      and(eq(users.id, sessions.userId), eq(users.accountId, sessions.accountId), isNull(users.removedAt)),
    )
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, Date.now())))
    .limit(1);
  return rows[0];
}

/** Requires a valid session cookie; puts the member on the context. */
export const requireMember: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const member = token ? await findMember(c.var.db, token) : undefined;
  if (!member) throw new ApiError(401, 'unauthorized', 'Sign in first: no valid session cookie was sent');
  c.set('member', member);
  await next();
};

export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.var.member.role, permission)) {
      throw forbidden(`Your role (${c.var.member.role}) cannot do this: it needs the "${permission}" permission`);
    }
    await next();
  };
}
