// Teams and their members (Settings → Team). Teams are routing configuration (handoff destinations,
// routing rules, team round robin), so they need settings.edit (Owner/Admin/Manager), like the other
// settings; inviting, removing and re-roling people stays with team.manage (Owner/Admin).
import { Hono } from 'hono';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { assignmentLog, auditLog, teamMembers, teams, tickets, users } from '../db/schema';
import { newId } from '../ids';
import { readSettings } from '../settings/store';
import { teamUses } from '../settings/team-uses';
import { dbRefused, UNIQUE_VIOLATION } from '../db/constraint';

const name = z.string().trim().min(1).max(60);
const memberIds = z
  .array(z.uuid())
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, 'List each member once');
const createBody = z.object({ name, memberIds: memberIds.default([]) });
const renameBody = z.object({ name });
const membersBody = z.object({ memberIds });

export const teamsRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('settings.read'), async (c) => {
    const { db, member } = c.var;
    return c.json({ teams: await listTeams(db, member.accountId) });
  })
  .post('/', requirePermission('settings.edit'), async (c) => {
    const body = await jsonBody(c, createBody);
    const { db, member } = c.var;
    await assertNameFree(db, member.accountId, body.name, null);
    await assertActiveMembers(db, member.accountId, body.memberIds);
    const id = newId();
    const now = Date.now();
    await nameRace(
      body.name,
      db.batch([
        db.insert(teams).values({ id, accountId: member.accountId, name: body.name, createdAt: now }),
        ...(body.memberIds.length
          ? [
              db
                .insert(teamMembers)
                .values(body.memberIds.map((userId) => ({ teamId: id, userId, accountId: member.accountId }))),
            ]
          : []),
        audit(
          db,
          member.accountId,
          member.userId,
          'teams.create',
          { teamId: id, name: body.name, memberIds: body.memberIds },
          now,
        ),
      ]),
    );
    return c.json({ team: { id, name: body.name, memberIds: body.memberIds } }, 201);
  })
  .patch('/:id', requirePermission('settings.edit'), async (c) => {
    const { name: next } = await jsonBody(c, renameBody);
    const { db, member } = c.var;
    const team = await findTeam(db, member.accountId, c.req.param('id'));
    await assertNameFree(db, member.accountId, next, team.id);
    await nameRace(
      next,
      db.batch([
        db
          .update(teams)
          .set({ name: next })
          .where(and(eq(teams.id, team.id), eq(teams.accountId, member.accountId))),
        audit(db, member.accountId, member.userId, 'teams.rename', { teamId: team.id, before: team.name, after: next }),
      ]),
    );
    return c.json({ team: (await listTeams(db, member.accountId)).find((t) => t.id === team.id) });
  })
  .put('/:id/members', requirePermission('settings.edit'), async (c) => {
    const body = await jsonBody(c, membersBody);
    const { db, member } = c.var;
    const team = await findTeam(db, member.accountId, c.req.param('id'));
    await assertActiveMembers(db, member.accountId, body.memberIds);
    const before = (await listTeams(db, member.accountId)).find((t) => t.id === team.id)?.memberIds ?? [];
    await db.batch([
      db.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.accountId, member.accountId))),
      ...(body.memberIds.length
        ? [
            db
              .insert(teamMembers)
              .values(body.memberIds.map((userId) => ({ teamId: team.id, userId, accountId: member.accountId }))),
          ]
        : []),
      audit(db, member.accountId, member.userId, 'teams.members', {
        teamId: team.id,
        name: team.name,
        before,
        after: body.memberIds,
      }),
    ]);
    return c.json({ team: { id: team.id, name: team.name, memberIds: body.memberIds } });
  })
  .delete('/:id', requirePermission('settings.edit'), async (c) => {
    const { db, member } = c.var;
    const team = await findTeam(db, member.accountId, c.req.param('id'));
    const uses = teamUses(await readSettings(db, member.accountId), team.id);
    if (uses.length > 0) {
      throw new ApiError(
        409,
        'team_in_use',
        `The team "${team.name}" is still used by the handoff settings (${uses.join('; ')}); change those first`,
      );
    }
    // Tickets and assignment history keep their text but forget the team (the row is gone).
    const mine = and(eq(tickets.accountId, member.accountId), eq(tickets.teamId, team.id));
    await db.batch([
      db.update(tickets).set({ teamId: null }).where(mine),
      db
        .update(assignmentLog)
        .set({ teamId: null })
        .where(and(eq(assignmentLog.accountId, member.accountId), eq(assignmentLog.teamId, team.id))),
      db.delete(teamMembers).where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.accountId, member.accountId))),
      db.delete(teams).where(and(eq(teams.id, team.id), eq(teams.accountId, member.accountId))),
      audit(db, member.accountId, member.userId, 'teams.delete', { teamId: team.id, name: team.name }),
    ]);
    return c.json({ deleted: true });
  });

async function listTeams(db: Database, accountId: string) {
  const [rows, members] = await db.batch([
    db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(eq(teams.accountId, accountId))
      .orderBy(asc(teams.name)),
    db
      .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
      .from(teamMembers)
      .innerJoin(users, and(eq(users.id, teamMembers.userId), isNull(users.removedAt)))
      .where(eq(teamMembers.accountId, accountId)),
  ]);
  return rows.map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId) }));
}

async function findTeam(db: Database, accountId: string, rawId: string) {
  const id = z.uuid().safeParse(rawId);
  const team = id.success
    ? await db.query.teams.findFirst({ where: and(eq(teams.id, id.data), eq(teams.accountId, accountId)) })
    : undefined;
  if (!team) throw notFound('Team');
  return team;
}

async function assertNameFree(db: Database, accountId: string, name: string, exceptId: string | null) {
  const rows = await db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.accountId, accountId));
  if (rows.some((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase())) {
    throw new ApiError(409, 'team_name_taken', `There is already a team called "${name}"`);
  }
}

/** Two requests racing past assertNameFree: the second meets UNIQUE (account_id, name), answered as 409. */
async function nameRace<T>(name: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (dbRefused(err, UNIQUE_VIOLATION))
      throw new ApiError(409, 'team_name_taken', `There is already a team called "${name}"`);
    throw err;
  }
}

async function assertActiveMembers(db: Database, accountId: string, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.accountId, accountId), isNull(users.removedAt), inArray(users.id, ids)));
  const missing = ids.filter((id) => !found.some((u) => u.id === id));
  if (missing.length) {
    throw new ApiError(
      400,
      'invalid_request',
      'The request failed validation',
      missing.map((id) => ({ field: 'memberIds', message: `No team member ${id} in this account` })),
    );
  }
}

function audit(
  db: Database,
  accountId: string,
  actorId: string,
  action: string,
  changes: Record<string, unknown>,
  at = Date.now(),
) {
  return db.insert(auditLog).values({ id: newId(), accountId, actorId, action, changes, createdAt: at });
}
