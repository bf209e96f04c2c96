// The team: members, invites, roles. Owner rules (DESIGN.md, "Tenancy and identity"): only an Owner
// grants or takes away Owner (by role change, invite or removal), an Owner hands the store over with
// POST /team/transfer-ownership, and an account always keeps at least one active Owner — checked here
// for a clear 409 and enforced by the users_keep_an_owner trigger (migrations/0011) against races.
// Invites: one live link per email and account (a re-invite replaces it), and an email that belongs to
// another store's team is not revealed (the answer is the same as for any new email).
import { Hono } from 'hono';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { auditLog, invites, ROLES, sessions, users } from '../db/schema';
import { requirePermission } from '../auth/session';
import { INVITE_TTL_MS, newInviteToken } from '../auth/invite';
import { newId } from '../ids';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';
import { dbRefused } from '../db/constraint';

const inviteBody = z.object({ email: z.email().max(254), role: z.enum(ROLES) });
const roleBody = z.object({ role: z.enum(ROLES) });
const userIdParam = z.uuid();
const transferBody = z.object({ userId: z.uuid() });
const LAST_OWNER = new ApiError(
  409,
  'last_owner',
  'The store needs at least one Owner: make someone else Owner first (or transfer ownership)',
);

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
    if (role === 'owner' && member.role !== 'owner') throw onlyOwner('invite an Owner');
    // Only this store's own members are reported; another store's member gets the same answer as anyone.
    const existing = await db.query.users.findFirst({
      where: and(eq(users.email, email), eq(users.accountId, member.accountId), isNull(users.removedAt)),
    });
    if (existing) throw new ApiError(409, 'email_taken', 'This person is already on your team');
    const { tokenHash, link } = await newInviteToken(new URL(c.req.url).origin);
    const now = Date.now();
    const fields = { role, tokenHash, invitedBy: member.userId, createdAt: now, expiresAt: now + INVITE_TTL_MS };
    // One live invite per email: a second invite (or ten at once) replaces the link, so only the last works.
    const [batchInvite] = await db.batch([
      db
        .insert(invites)
        .values({ id: newId(), accountId: member.accountId, email, ...fields })
        .onConflictDoUpdate({
          target: [invites.accountId, invites.email],
          targetWhere: sql`accepted_at IS NULL`,
          set: fields,
        })
        .returning({ id: invites.id }),
      db.insert(auditLog).values({
        id: newId(),
        accountId: member.accountId,
        actorId: member.userId,
        action: 'team.invite',
        changes: { email, role },
        createdAt: now,
      }),
    ]);
    const id = batchInvite[0]!.id;
    // The one-time link is returned once; only its hash is stored.
    return c.json({ invite: { id, email, role, expiresAt: fields.expiresAt }, link }, 201);
  })
  .patch('/users/:id/role', requirePermission('team.manage'), async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('Team member');
    const { role } = await jsonBody(c, roleBody);
    const { db, member } = c.var;
    const target = await findActiveMember(db, member.accountId, id.data);
    if (!target) throw notFound('Team member');
    if ((target.role === 'owner' || role === 'owner') && target.role !== role && member.role !== 'owner') {
      throw onlyOwner('grant or take away the Owner role');
    }
    if (target.role === 'owner' && role !== 'owner' && (await activeOwners(db, member.accountId)) <= 1)
      throw LAST_OWNER;
    await keepingAnOwner(
      db.batch([
        db
          .update(users)
          .set({ role })
          .where(and(eq(users.id, target.id), eq(users.accountId, member.accountId))),
        db.insert(auditLog).values({
          id: newId(),
          accountId: member.accountId,
          actorId: member.userId,
          action: 'team.role',
          changes: { userId: target.id, before: target.role, after: role },
          createdAt: Date.now(),
        }),
      ]),
    );
    // A role without replies (Analyst) leaves the round-robin pool.
    await retrying(() =>
      dispatcherOf(c.env, member.accountId).memberChanged({ accountId: member.accountId, userId: target.id }),
    );
    return c.json({ user: { id: target.id, email: target.email, name: target.name, role } });
  })
  .post('/transfer-ownership', async (c) => {
    const { userId } = await jsonBody(c, transferBody);
    const { db, member } = c.var;
    if (member.role !== 'owner') throw onlyOwner('transfer ownership');
    const target = await findActiveMember(db, member.accountId, userId);
    if (!target) throw notFound('Team member');
    if (target.id === member.userId)
      throw new ApiError(409, 'already_owner', 'You are already the Owner; choose another team member');
    // Promote first, then step down to Admin, in one transaction: there is an Owner at every point.
    await keepingAnOwner(
      db.batch([
        db
          .update(users)
          .set({ role: 'owner' })
          .where(and(eq(users.id, target.id), eq(users.accountId, member.accountId))),
        db
          .update(users)
          .set({ role: 'admin' })
          .where(and(eq(users.id, member.userId), eq(users.accountId, member.accountId), eq(users.role, 'owner'))),
        db.insert(auditLog).values({
          id: newId(),
          accountId: member.accountId,
          actorId: member.userId,
          action: 'team.transfer_ownership',
          changes: { from: member.userId, to: target.id, targetBefore: target.role },
          createdAt: Date.now(),
        }),
      ]),
    );
    for (const changed of [target.id, member.userId]) {
      await retrying(() =>
        dispatcherOf(c.env, member.accountId).memberChanged({ accountId: member.accountId, userId: changed }),
      );
    }
    return c.json({
      owner: { id: target.id, email: target.email, name: target.name, role: 'owner' as const },
      you: { id: member.userId, role: 'admin' as const },
    });
  })
  .delete('/users/:id', requirePermission('team.manage'), async (c) => {
    const id = userIdParam.safeParse(c.req.param('id'));
    if (!id.success) throw notFound('Team member');
    const { db, member } = c.var;
    const target = await findActiveMember(db, member.accountId, id.data);
    if (!target) throw notFound('Team member');
    if (target.id === member.userId) throw new ApiError(409, 'cannot_remove_self', 'You cannot remove yourself');
    if (target.role === 'owner' && member.role !== 'owner') throw onlyOwner('remove an Owner');
    await keepingAnOwner(
      db.batch([
        db
          .update(users)
          .set({ removedAt: Date.now(), presence: 'offline' })
          .where(and(eq(users.id, target.id), eq(users.accountId, member.accountId))),
        db.delete(sessions).where(eq(sessions.userId, target.id)),
        db.insert(auditLog).values({
          id: newId(),
          accountId: member.accountId,
          actorId: member.userId,
          action: 'team.remove',
          changes: { userId: target.id, email: target.email },
          createdAt: Date.now(),
        }),
      ]),
    );
    // Out of the rotation at once, and their inbox sockets closed.
    await retrying(() =>
      dispatcherOf(c.env, member.accountId).memberChanged({ accountId: member.accountId, userId: target.id }),
    );
    return c.json({ ok: true });
  })
  .get('/invites', requirePermission('team.manage'), async (c) => {
    const rows = await c.var.db
      .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt })
      .from(invites)
      .where(and(eq(invites.accountId, c.var.member.accountId), isNull(invites.acceptedAt)));
    return c.json({ invites: rows });
  });

function onlyOwner(what: string): ApiError {
  return new ApiError(403, 'forbidden', `Only an Owner can ${what}`);
}

async function activeOwners(db: Database, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.role, 'owner'), isNull(users.removedAt)));
  return row?.n ?? 0;
}

/** Runs a write the users_keep_an_owner trigger may refuse (a race with another change) as a 409. */
async function keepingAnOwner<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (dbRefused(err, /baton_last_owner/)) throw LAST_OWNER;
    throw err;
  }
}

function findActiveMember(db: Database, accountId: string, userId: string) {
  return db.query.users.findFirst({
    where: and(eq(users.id, userId), eq(users.accountId, accountId), isNull(users.removedAt)),
  });
}
