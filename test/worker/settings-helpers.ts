// Helpers for the settings tests: a fresh store with one member of every role (so tests that change
// settings never disturb the demo store other files use), signed-in cookies per role, audit lookups.
import { and, desc, eq } from 'drizzle-orm';
import { auditLog, ROLES, users, type Role } from '../../worker/db/schema';
import { DEMO_PASSWORD, seedAccount } from '../../worker/db/seed';
import { call, db, signIn } from './helpers';

export const ALL_ROLES = ROLES;
export const EDITORS: readonly Role[] = ['owner', 'admin', 'manager'];
export const MANAGERS_OF_USERS: readonly Role[] = ['owner', 'admin'];

export async function storeWithEveryRole(tag: string) {
  const slug = `set-${tag}-${crypto.randomUUID().slice(0, 8)}`;
  const spec = ROLES.map((role) => ({
    email: `${role}@${slug}.test`,
    name: `${role[0]!.toUpperCase()}${role.slice(1)} ${tag}`,
    role,
  }));
  const seeded = await seedAccount(db(), { slug, name: `Store ${tag}`, users: spec, password: DEMO_PASSWORD });
  const rows = await db()
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.accountId, seeded.accountId));
  const cookies = new Map<Role, string>();
  return {
    ...seeded,
    slug,
    userId: (role: Role) => rows.find((r) => r.role === role)!.id,
    async as(role: Role): Promise<string> {
      const known = cookies.get(role);
      if (known) return known;
      const cookie = await signIn(`${role}@${slug}.test`);
      cookies.set(role, cookie);
      return cookie;
    },
  };
}
export type StoreWithEveryRole = Awaited<ReturnType<typeof storeWithEveryRole>>;

export async function lastAudit(accountId: string, action?: string) {
  const rows = await db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  return rows[0];
}

export async function getSettings(cookie: string) {
  const res = await call<{ settings: Record<string, Record<string, unknown>> }>('GET', '/api/settings', { cookie });
  if (res.status !== 200) throw new Error(`GET /api/settings: ${res.status} ${res.text}`);
  return res.json.settings;
}

/** Error details of a 4xx envelope, for field assertions. */
export function fieldsOf(json: unknown): string[] {
  const details = (json as { error?: { details?: Array<{ field: string }> } }).error?.details ?? [];
  return details.map((d) => d.field);
}

/** A real 1×1 PNG. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
  (ch) => ch.charCodeAt(0),
);
