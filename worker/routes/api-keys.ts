// Account API keys (Owner/Admin: the `keys.rotate` permission). The secret is in the create response
// only; the list shows each key's prefix so a merchant can tell them apart. Revoking is immediate.
import { Hono } from 'hono';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { apiKeys, auditLog } from '../db/schema';
import { requirePermission } from '../auth/session';
import { createApiKey } from '../auth/api-key';
import { newId } from '../ids';

const createBody = z.object({ name: z.string().trim().min(1).max(100) });

export const apiKeyRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('keys.rotate'))
  .get('/', async (c) => {
    const rows = await c.var.db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        revokedAt: apiKeys.revokedAt,
      })
      .from(apiKeys)
      .where(eq(apiKeys.accountId, c.var.member.accountId))
      .orderBy(desc(apiKeys.createdAt));
    return c.json({ keys: rows });
  })
  .post('/', async (c) => {
    const { name } = await jsonBody(c, createBody);
    const { db, member } = c.var;
    const created = await createApiKey(db, member.accountId, name);
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: 'api_key.create',
      changes: { keyId: created.key.id, name, prefix: created.key.prefix },
      createdAt: Date.now(),
    });
    return c.json(created, 201);
  })
  .delete('/:id', async (c) => {
    const { db, member } = c.var;
    const now = Date.now();
    const [revoked] = await db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(and(eq(apiKeys.id, c.req.param('id')), eq(apiKeys.accountId, member.accountId), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, prefix: apiKeys.prefix });
    if (!revoked) throw notFound('API key');
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: 'api_key.revoke',
      changes: { keyId: revoked.id, prefix: revoked.prefix },
      createdAt: now,
    });
    return c.json({ revoked: true });
  });
