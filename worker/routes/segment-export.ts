// Segment membership for outreach tools, server to server with an account API key:
//   GET /api/export/segments/:id?format=csv|json
import { Hono } from 'hono';
import { requireApiKey, type ApiKeyEnv } from '../auth/api-key';
import { queryParams } from '../http/validate';
import { findSegment } from '../segments/store';
import { exportResponse } from '../segments/export';
import { exportQuery } from './segments';

export const segmentExportRoutes = new Hono<ApiKeyEnv>().use('*', requireApiKey).get('/segments/:id', async (c) => {
  const q = queryParams(c, exportQuery);
  const { db, apiKey } = c.var;
  const segment = await findSegment(db, apiKey.accountId, c.req.param('id'));
  return exportResponse(db, segment, { accountId: apiKey.accountId, now: q.asOf ?? Date.now() }, q.format);
});
