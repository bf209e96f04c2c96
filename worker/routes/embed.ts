// Settings → Embed: the snippet with the site key, and the identity key that signs shopper tokens.
// The identity key is a secret: no API ever returns it except the rotate call that creates it, once.
// Rotating (keys.rotate: Owner/Admin) invalidates every token signed with the old key at once, since
// tokens are verified against the account's current key.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { requirePermission } from '../auth/session';
import { accounts, auditLog } from '../db/schema';
import { newId, newSecret } from '../ids';
import { embedSnippet, keyHint } from '../settings/embed';

export const embedRoutes = new Hono<AppEnv>()
  .get('/embed', requirePermission('settings.read'), async (c) => {
    const { db, member } = c.var;
    const account = await db.query.accounts.findFirst({ where: eq(accounts.id, member.accountId) });
    if (!account) throw notFound('Account');
    const origin = new URL(c.req.url).origin;
    return c.json({
      origin,
      siteKey: account.siteKey,
      snippet: embedSnippet(origin, account.siteKey),
      identityKey: { hint: keyHint(account.identityKey), rotatedAt: account.identityKeyRotatedAt },
    });
  })
  .post('/identity-key/rotate', requirePermission('keys.rotate'), async (c) => {
    const { db, member } = c.var;
    const account = await db.query.accounts.findFirst({ where: eq(accounts.id, member.accountId) });
    if (!account) throw notFound('Account');
    const identityKey = newSecret('idk_', 32);
    const now = Date.now();
    await db.batch([
      db.update(accounts).set({ identityKey, identityKeyRotatedAt: now }).where(eq(accounts.id, member.accountId)),
      db.insert(auditLog).values({
        id: newId(),
        accountId: member.accountId,
        actorId: member.userId,
        action: 'keys.identity.rotate',
        changes: { before: keyHint(account.identityKey), after: keyHint(identityKey) },
        createdAt: now,
      }),
    ]);
    // Shown once: the page tells the merchant to store it now.
    return c.json({ identityKey, hint: keyHint(identityKey), rotatedAt: now });
  });
