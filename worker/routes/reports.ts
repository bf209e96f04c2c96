// Reports: the performance dashboard (every role can read reports).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { rangeQuery } from '../reports/range';
import { performanceReport } from '../reports/performance';

export const reportRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('reports.read'))
  .get('/performance', async (c) =>
    c.json(await performanceReport(c.var.db, c.var.member.accountId, queryParams(c, rangeQuery))),
  );
