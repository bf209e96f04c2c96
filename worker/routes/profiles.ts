// Profiles: search, a shopper's page (conversations, tickets, orders, CSAT) and their activity feed.
// Profiles hold shoppers' personal data, so they are read under conversations.read, inside the account.
import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { findProfile, profileDetail, searchProfiles } from '../reports/profile';
import { eventPage } from '../reports/metrics';

const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
const feedQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const profileRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('conversations.read'))
  .get('/', async (c) => {
    const { q, limit } = queryParams(c, searchQuery);
    return c.json({ profiles: await searchProfiles(c.var.db, c.var.member.accountId, q || null, limit) });
  })
  .get('/:id', async (c) => c.json(await profileDetail(c.var.db, c.var.member.accountId, c.req.param('id'))))
  .get('/:id/activity', async (c) => {
    const { cursor, limit } = queryParams(c, feedQuery);
    const { db, member } = c.var;
    // Proves the profile is this account's (404 otherwise) before reading its events.
    await findProfile(db, member.accountId, c.req.param('id'));
    const scope = sql`e.account_id = ${member.accountId} AND e.profile_id = ${c.req.param('id')}`;
    return c.json(await eventPage(db, scope, cursor ?? null, limit));
  });
