// The public API description: /api/openapi.json must list exactly the routes the public routers mount
// (adding, removing or renaming a route on either side fails here), every documented operation must
// exist in the running Worker and answer with a documented status, and /api/docs must be one
// self-contained page with every operation on it.
import { describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { call } from './helpers';
import { widgetRoutes } from '../../worker/channels/web-chat/routes';
import { trackRoutes } from '../../worker/routes/track';
import { segmentExportRoutes } from '../../worker/routes/segment-export';
import { webhookSubscriptionRoutes } from '../../worker/routes/webhook-subscriptions';
import { PUBLIC_API_PREFIXES } from '../../worker/openapi/operations';

interface Doc {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: Array<{ name: string; in: string }>;
        requestBody?: unknown;
        responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
}

// Typed loosely on purpose: the routers have different Env types; only their route tables are read.
const ROUTERS: Array<[string, Pick<Hono, 'routes'>]> = [
  [PUBLIC_API_PREFIXES.widget, widgetRoutes],
  [PUBLIC_API_PREFIXES.track, trackRoutes],
  [PUBLIC_API_PREFIXES.export, segmentExportRoutes],
  [PUBLIC_API_PREFIXES.webhookSubscriptions, webhookSubscriptionRoutes],
];

const mounted = () =>
  ROUTERS.flatMap(([prefix, router]) =>
    router.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${prefix}${r.path === '/' ? '' : r.path.replace(/:(\w+)/g, '{$1}')}`),
  ).sort();

async function document(): Promise<Doc> {
  const res = await call<Doc>('GET', '/api/openapi.json');
  expect(res.status).toBe(200);
  return res.json;
}

const documented = (doc: Doc) =>
  Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
    .sort();

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists exactly the public routes that are mounted', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(documented(doc)).toEqual(mounted());
    expect(documented(doc).length).toBeGreaterThanOrEqual(20);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    // Every $ref resolves; every path parameter is declared.
    expect(
      JSON.stringify(doc)
        .match(/"#\/components\/schemas\/(\w+)"/g)
        ?.every((ref) => ref.slice(22, -1) in doc.components.schemas),
    ).toBe(true);
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(ops))
        expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
    }
  });

  it('carries the zod schemas the routes validate with (required fields and limits)', async () => {
    const doc = await document();
    const schemaOf = (path: string, method: string) =>
      (
        doc.paths[path]![method]!.requestBody as {
          content: {
            'application/json': {
              schema: { required?: string[]; properties: Record<string, Record<string, unknown>> };
            };
          };
        }
      ).content['application/json'].schema;
    expect(schemaOf('/api/widget/conversations', 'post').required).toEqual(['siteKey']);
    expect(schemaOf('/api/widget/conversations/{id}/messages', 'post').properties.text).toMatchObject({
      type: 'string',
    });
    expect(schemaOf('/api/webhook-subscriptions', 'post').required).toEqual(['url', 'events']);
    expect(schemaOf('/api/track', 'post').required).toEqual(expect.arrayContaining(['event']));
  });

  it('every documented operation exists and answers without credentials with a documented status', async () => {
    const doc = await document();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const url = path.replace(/\{\w+\}/g, crypto.randomUUID());
        const res = await call<{ error?: { message: string } }>(
          method.toUpperCase(),
          url,
          op.requestBody ? { body: {} } : {},
        );
        expect(res.json?.error?.message, `${method} ${path}`).not.toBe('No route matches this path');
        expect(Object.keys(op.responses), `${method} ${path} answered ${res.status}`).toContain(String(res.status));
      }
    }
  });
});

describe('API docs page', () => {
  it('is one self-contained page (no script, no outside resources) listing every operation', async () => {
    const doc = await document();
    const res = await call('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).not.toMatch(/<script|<link|src=|@import/i);
    for (const path of Object.keys(doc.paths)) expect(res.text).toContain(`<code>${path}</code>`);
    expect(res.text).toContain('siteKey');
  });
});
