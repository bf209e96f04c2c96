// Segments for team members: the builder's live preview, saved segments, members and exports.
// Reading is a report (every role); saving is merchant configuration (`segments.edit`).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody, queryParams } from '../http/validate';
import { requirePermission } from '../auth/session';
import { segmentDefinition } from '../segments/definition';
import { segmentCount, segmentMembers } from '../segments/evaluate';
import { createSegment, deleteSegment, findSegment, listSegments, updateSegment } from '../segments/store';
import { exportResponse } from '../segments/export';
import { REFERENCE_SEGMENTS } from '../segments/examples';

const segmentBody = z.object({ name: z.string().trim().min(1).max(100), definition: segmentDefinition });
/** `asOf` evaluates at another time than now (unix ms): reproducible reports and tests. */
const asOf = z.coerce.number().int().min(0).optional();
const previewBody = z.object({ definition: segmentDefinition, asOf: z.number().int().min(0).optional() });
export const pageQuery = z.object({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  asOf,
});
export const exportQuery = z.object({ format: z.enum(['csv', 'json']).default('csv'), asOf });

export const segmentRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('reports.read'))
  .get('/', async (c) => c.json({ segments: await listSegments(c.var.db, c.var.member.accountId) }))
  .get('/templates', (c) => c.json({ templates: Object.values(REFERENCE_SEGMENTS) }))
  .post('/preview', async (c) => {
    const { definition, asOf: at } = await jsonBody(c, previewBody);
    const ctx = { accountId: c.var.member.accountId, now: at ?? Date.now() };
    const [count, page] = await Promise.all([
      segmentCount(c.var.db, definition, ctx),
      segmentMembers(c.var.db, definition, ctx, { limit: 25 }),
    ]);
    return c.json({ count, members: page.members, next: page.next, asOf: ctx.now });
  })
  .post('/', requirePermission('segments.edit'), async (c) => {
    const body = await jsonBody(c, segmentBody);
    return c.json({ segment: await createSegment(c.var.db, c.var.member.accountId, c.var.member.userId, body) }, 201);
  })
  .get('/:id', async (c) => c.json({ segment: await findSegment(c.var.db, c.var.member.accountId, c.req.param('id')) }))
  .put('/:id', requirePermission('segments.edit'), async (c) => {
    const body = await jsonBody(c, segmentBody);
    return c.json({ segment: await updateSegment(c.var.db, c.var.member.accountId, c.req.param('id'), body) });
  })
  .delete('/:id', requirePermission('segments.edit'), async (c) => {
    await deleteSegment(c.var.db, c.var.member.accountId, c.req.param('id'));
    return c.json({ deleted: true });
  })
  .get('/:id/members', async (c) => {
    const q = queryParams(c, pageQuery);
    const segment = await findSegment(c.var.db, c.var.member.accountId, c.req.param('id'));
    const ctx = { accountId: c.var.member.accountId, now: q.asOf ?? Date.now() };
    const [count, page] = await Promise.all([
      segmentCount(c.var.db, segment.definition, ctx),
      segmentMembers(c.var.db, segment.definition, ctx, { after: q.after ?? null, limit: q.limit }),
    ]);
    return c.json({ count, ...page, asOf: ctx.now });
  })
  .get('/:id/export', async (c) => {
    const q = queryParams(c, exportQuery);
    const segment = await findSegment(c.var.db, c.var.member.accountId, c.req.param('id'));
    return exportResponse(
      c.var.db,
      segment,
      { accountId: c.var.member.accountId, now: q.asOf ?? Date.now() },
      q.format,
    );
  });
