import { Hono } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { auditLog, invites, ROLES, sessions, users } from '../db/schema';
import { requirePermission } from '../auth/session';
import { newId, newSecret, sha256Hex } from '../ids';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const inviteBody = z.object({ email: z.email().max(254), role: z.enum(ROLES) });
const roleBody = z.object({ role: z.enum(ROLES) });
const userIdParam = z.uuid();

export const teamRoutes = new Hono<AppEnv>()
  .get('/users', async (c) => {
    const rows = await c.var.db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, presence: users.presence })
      .from(users)
      .where(and(eq(users.accountId, c.var.member.accountId), isNull(users.removedAt)))
      .orderBy(users.name);
    return c.json({ users: rows });
  })
  .post('/invites', requirePermission('team.manage'), async (c) => {
    const { email, role } = await jsonBody(c, inviteBody);
    const { db, member } = c.var;
    if (await db.query.users.findFirst({ where: and(eq(users.email, email), isNull(users.removedAt)) })) {
      throw new ApiError(409, 'email_taken', 'A team member with this email already exists');
    }
    const token = newSecret('inv_', 24);
    const now = Date.now();
    const id = newId();
    await db.batch([
      db.insert(invites).values({
        id, accountId: member.accountId, email, role, tokenHash: await sha256Hex(token),
        invitedBy: member.userId, createdAt: now, expiresAt: now + INVITE_TTL_MS,
      }),
      db.insert(auditLog).values({
        id: newId(), accountId: member.accountId, actorId: member.userId, action: 'team.invite',
        changes: { email, role }, createdAt: now,
      }),
    ]);
    // The one-time link is returned once; only its hash is stored.
    const link = `${new URL(c.req.url).origin}/inbox/accept-invite#token=${token}`;
    return c.json({ invite: { id, email, role, expiresAt: now + INVITE_TTL_MS }, link }, 201);
  })
  .patch('/users/:id/role', requirePermission('team.manage'), async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('Team member');
    const { role } = await jsonBody(c, roleBody);
    const { db, member } = c.var;
    const target = await findActiveMember(db, member.accountId, id.data);
    if (!target) throw notFound('Team member');
    if (target.role === 'owner' && role !== 'owner' && member.role !== 'owner') {
      throw new ApiError(403, 'forbidden', 'Only an Owner can change another Owner’s role');
    }
    await db.batch([
      db.update(users).set({ role }).where(and(eq(users.id, target.id), eq(users.accountId, member.accountId))),
      db.insert(auditLog).values({
        id: newId(), accountId: member.accountId, actorId: member.userId, action: 'team.role',
        changes: { userId: target.id, before: target.role, after: role }, createdAt: Date.now(),
      }),
    ]);
    // A role without replies (Analyst) leaves the round-robin pool.
    await retrying(() => dispatcherOf(c.env, member.accountId).memberChanged({ accountId: member.accountId, userId: target.id }));
    return c.json({ user: { id: target.id, email: target.email, name: target.name, role } });
  })
  .delete('/users/:id', requirePermission('team.manage'), async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('Team member');
    const { db, member } = c.var;
    const target = await findActiveMember(db, member.accountId, id.data);
    if (!target) throw notFound('Team member');
    if (target.id === member.userId) throw new ApiError(409, 'cannot_remove_self', 'You cannot remove yourself');
    if (target.role === 'owner' && member.role !== 'owner') {
      throw new ApiError(403, 'forbidden', 'Only an Owner can remove an Owner');
    }
    await db.batch([
      db.update(users).set({ removedAt: Date.now(), presence: 'offline' })
        .where(and(eq(users.id, target.id), eq(users.accountId, member.accountId))),
      db.delete(sessions).where(eq(sessions.userId, target.id)),
      db.insert(auditLog).values({
        id: newId(), accountId: member.accountId, actorId: member.userId, action: 'team.remove',
        changes: { userId: target.id, email: target.email }, createdAt: Date.now(),
      }),
    ]);
    // Out of the rotation at once, and their inbox sockets closed.
    await retrying(() => dispatcherOf(c.env, member.accountId).memberChanged({ accountId: member.accountId, userId: target.id }));
    return c.json({ ok: true });
  })
  .get('/invites', requirePermission('team.manage'), async (c) => {
    const rows = await c.var.db
      .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt })
      .from(invites)
      .where(and(eq(invites.accountId, c.var.member.accountId), isNull(invites.acceptedAt)));
    return c.json({ invites: rows });
  });

function findActiveMember(db: Database, accountId: string, userId: string) {
  return db.query.users.findFirst({
    where: and(eq(users.id, userId), eq(users.accountId, accountId), isNull(users.removedAt)),
  });
}
