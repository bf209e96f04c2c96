// The inbox's live connection and the lookups its screens need (teams for filters and bulk assign).
import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { ApiError, forbidden } from '../http/errors';
import { sessions, teamMembers, teams } from '../db/schema';
import { dispatcherOf } from '../durable/namespaces';
import { MEMBER_HEADER, type SocketMember } from '../dispatch/sockets';

export const inboxRoutes = new Hono<AppEnv>()
  .get('/socket', async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'upgrade_required', 'Connect with a WebSocket (Upgrade: websocket)');
    }
    // Browsers send cookies with cross-site WebSocket handshakes too; only our own pages may connect.
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) throw forbidden('Cross-origin WebSocket refused');
    const { db, member } = c.var;
    const session = await db.query.sessions.findFirst({
      where: eq(sessions.id, member.sessionId),
      columns: { expiresAt: true },
    });
    const who: SocketMember = {
      accountId: member.accountId,
      userId: member.userId,
      name: member.name,
      sessionId: member.sessionId,
      expiresAt: session?.expiresAt ?? 0,
    };
    // A fresh request: nothing the browser sent reaches the Dispatcher except the upgrade itself.
    const headers = new Headers({ upgrade: 'websocket', [MEMBER_HEADER]: JSON.stringify(who) });
    for (const h of [
      'sec-websocket-key',
      'sec-websocket-version',
      'sec-websocket-extensions',
      'sec-websocket-protocol',
    ]) {
      const v = c.req.header(h);
      if (v) headers.set(h, v);
    }
    return dispatcherOf(c.env, member.accountId).fetch(new Request('https://dispatcher/socket', { headers }));
  })
  .get('/teams', async (c) => {
    const { db, member } = c.var;
    const [rows, members] = await db.batch([
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(eq(teams.accountId, member.accountId))
        .orderBy(asc(teams.name)),
      db
        .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
        .from(teamMembers)
        .where(eq(teamMembers.accountId, member.accountId)),
    ]);
    return c.json({
      teams: rows.map((t) => ({ ...t, memberIds: members.filter((m) => m.teamId === t.id).map((m) => m.userId) })),
    });
  });
