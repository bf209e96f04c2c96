// The demo's tickets (worker/demo/tickets.ts), made once by `npm run dev` after the Worker is up. Only
// mounted while DEMO_STOREFRONT is "true" (local development); everywhere else this is a plain 404.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { accounts } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';
import { seedDemoTickets } from '../demo/tickets';

export const demoRoutes = new Hono<AppEnv>()
  .use('*', async (c, next) => {
    if (c.env.DEMO_STOREFRONT !== 'true') throw new ApiError(404, 'not_found', 'No route matches this path');
    await next();
  })
  .post('/tickets', async (c) => {
    const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
    if (!account) throw new ApiError(404, 'not_found', 'Seed the demo store first (npm run seed)');
    return c.json(await seedDemoTickets(c.env, c.var.db, account.id));
  });
