// The audit log (Owner/Admin: audit.read): who changed what, when. Every settings write, team change,
// key rotation and integration change writes an entry in the same batch as the change itself.
import { Hono } from 'hono';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { auditLog, users } from '../db/schema';
import { describeChanges } from '../settings/audit-diff';

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d+:[0-9a-f-]{36}$/, 'Use the nextCursor of the previous page')
    .optional(),
});

export const auditRoutes = new Hono<AppEnv>().get('/', requirePermission('audit.read'), async (c) => {
  const { limit, cursor } = queryParams(c, pageQuery);
  const { db, member } = c.var;
  const [at, id] = cursor ? [Number(cursor.split(':')[0]), cursor.slice(cursor.indexOf(':') + 1)] : [null, null];
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      changes: auditLog.changes,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.accountId, member.accountId),
        at !== null && id !== null
          ? or(lt(auditLog.createdAt, at), and(eq(auditLog.createdAt, at), lt(auditLog.id, id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return c.json({
    entries: page.map((r) => ({
      id: r.id,
      action: r.action,
      createdAt: r.createdAt,
      actor: r.actorId ? { id: r.actorId, name: r.actorName, email: r.actorEmail } : null,
      changes: describeChanges(r.changes),
    })),
    nextCursor: rows.length > limit && last ? `${last.createdAt}:${last.id}` : null,
  });
});
