// The public API description: /api/openapi.json (OpenAPI 3.1, generated from the routes' zod schemas)
// and /api/docs (the same document as a readable page). Public and cacheable: they depend on code only.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { openApiDocument } from '../openapi/document';
import { docsPage } from '../openapi/docs-page';

const CACHE = 'public, max-age=300';

export const apiDocsRoutes = new Hono<AppEnv>()
  .get('/openapi.json', (c) =>
    c.json(openApiDocument(), 200, { 'cache-control': CACHE, 'access-control-allow-origin': '*' }),
  )
  .get('/docs', (c) => c.html(docsPage(), 200, { 'cache-control': CACHE }));
