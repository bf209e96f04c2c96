// Analytics → Metrics: counts per event name and day, and the events behind them (every role).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { eventNames, eventPage, metricCounts, namedEventsScope } from '../reports/metrics';
import { rangeQuery } from '../reports/range';

const eventsQuery = z.object({
  name: z.string().trim().min(1).max(100),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const metricRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('reports.read'))
  .get('/', async (c) => {
    const range = queryParams(c, rangeQuery);
    return c.json({ ...(await metricCounts(c.var.db, c.var.member.accountId, range)), channel: range.channel });
  })
  .get('/names', async (c) => c.json({ names: await eventNames(c.var.db, c.var.member.accountId) }))
  .get('/events', async (c) => {
    const range = queryParams(c, rangeQuery);
    const q = queryParams(c, eventsQuery.loose());
    const scope = namedEventsScope(c.var.member.accountId, q.name, range);
    return c.json(await eventPage(c.var.db, scope, q.cursor ?? null, q.limit));
  });
