// The demo's tickets (worker/demo/tickets.ts), made once by `npm run dev` after the Worker is up.
// Mounted at /__demo by the dev/test entry (worker/dev/index.ts) only, never in the deployed bundle.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { accounts } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';
import { seedDemoTickets } from '../demo/tickets';

export const demoRoutes = new Hono<AppEnv>().post('/tickets', async (c) => {
  const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw new ApiError(404, 'not_found', 'Seed the demo store first (npm run seed)');
  return c.json(await seedDemoTickets(c.env, c.var.db, account.id));
});
