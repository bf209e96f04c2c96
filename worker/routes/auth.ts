import { Hono } from 'hono';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { invites, users } from '../db/schema';
import { returnSignInSlots, takeSignInSlots } from '../auth/sign-in-limits';
import { dbRefused, UNIQUE_VIOLATION } from '../db/constraint';
import { clientAddress } from '../platform/client-address';
import { DECOY_HASH, hashPassword, verifyPassword } from '../auth/password';
import { endSession, requireMember, startSession } from '../auth/session';
import { permissionsOf } from '../auth/permissions';
import { newId, sha256Hex } from '../ids';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';

const signInBody = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

const acceptInviteBody = z.object({
  token: z.string().min(16).max(200),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'Use at least 10 characters').max(200),
});

export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', async (c) => {
    const { email, password } = await jsonBody(c, signInBody);
    const db = c.var.db;
    // The slot is taken before the password is checked (worker/auth/sign-in-limits.ts).
    const slots = await takeSignInSlots(db, email, clientAddress(c.req.raw.headers));
    if (slots.refusedBy) {
      c.header('Retry-After', '60');
      throw new ApiError(
        429,
        'rate_limited',
        slots.refusedBy === 'email'
          ? 'Too many sign-in attempts for this email; wait a minute and try again'
          : 'Too many sign-in attempts from your network; wait a minute and try again',
      );
    }
    const user = await db.query.users.findFirst({ where: and(eq(users.email, email), isNull(users.removedAt)) });
    // Always run the hash so an unknown email costs the same time as a wrong password.
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'Email or password is incorrect');
    await returnSignInSlots(db, slots.keys);
    await startSession(c, user);
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } });
  })
  .post('/accept-invite', async (c) => {
    const body = await jsonBody(c, acceptInviteBody);
    const db = c.var.db;
    const invite = await db.query.invites.findFirst({
      where: and(
        eq(invites.tokenHash, await sha256Hex(body.token)),
        isNull(invites.acceptedAt),
        gt(invites.expiresAt, Date.now()),
      ),
    });
    if (!invite)
      throw new ApiError(404, 'invite_not_found', 'This invite link is unknown, used or expired; ask for a new one');
    const existing = await db.query.users.findFirst({
      where: and(eq(users.email, invite.email), isNull(users.removedAt)),
    });
    if (existing) throw new ApiError(409, 'email_taken', 'A team member with this email already exists');
    const user = {
      id: newId(),
      accountId: invite.accountId,
      email: invite.email,
      name: body.name,
      role: invite.role,
      passwordHash: await hashPassword(body.password),
      createdAt: Date.now(),
    };
    try {
      await db.batch([
        db.insert(users).values(user),
        db.update(invites).set({ acceptedAt: Date.now() }).where(eq(invites.id, invite.id)),
      ]);
    } catch (err) {
      // The same link accepted twice at once: the second insert meets users_email_active.
      if (dbRefused(err, UNIQUE_VIOLATION)) {
        throw new ApiError(409, 'email_taken', 'A team member with this email already exists');
      }
      throw err;
    }
    await startSession(c, user);
    return c.json({ user: { id: user.id, email: user.email, name: user.name, role: user.role } }, 201);
  })
  .use('/sign-out', requireMember)
  .post('/sign-out', async (c) => {
    // Signing out always sets the agent Offline (round robin must not pick someone who left).
    const { member } = c.var;
    await c.var.db.update(users).set({ presence: 'offline' }).where(eq(users.id, member.userId));
    // The Dispatcher holds the presence round robin reads; it also closes this session's inbox sockets.
    await retrying(() =>
      dispatcherOf(c.env, member.accountId).signedOut({
        accountId: member.accountId,
        userId: member.userId,
        sessionId: member.sessionId,
      }),
    );
    await endSession(c);
    return c.json({ ok: true });
  })
  .use('/me', requireMember)
  .get('/me', async (c) => {
    const m = c.var.member;
    const user = await c.var.db.query.users.findFirst({ where: eq(users.id, m.userId) });
    return c.json({
      user: { id: m.userId, email: m.email, name: m.name, role: m.role, presence: user?.presence ?? 'offline' },
      accountId: m.accountId,
      permissions: permissionsOf(m.role),
    });
  });
