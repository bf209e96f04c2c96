// Settings → Knowledge & catalog: what the Customer Agent answers from. Articles can be listed, added,
// edited and deleted one by one; articles and products can be imported in bulk from CSV or JSON
// (all or nothing, with a per-row error report). Reads need settings.read, writes settings.edit.
import { Hono, type Context } from 'hono';
import { and, asc, count, eq, or, sql, type AnyColumn } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError, notFound } from '../http/errors';
import { jsonBody, queryParams } from '../http/validate';
import { bytesBody } from '../http/bytes';
import { requirePermission } from '../auth/session';
import { auditLog, knowledgeArticles, products } from '../db/schema';
import { newId } from '../ids';
import { articleRow } from '../catalog/rows';
import { importFile, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportFormat } from '../catalog/import';

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const articleBody = z.object({
  title: articleRow.shape.title,
  body: articleRow.shape.body,
  url: articleRow.shape.url.unwrap().nullable().default(null),
  topic: articleRow.shape.topic.unwrap().nullable().default(null),
});
const MAX_ARTICLE_JSON = 64 * 1024;
const MAX_ERRORS_SHOWN = 200;

const articleColumns = {
  id: knowledgeArticles.id,
  title: knowledgeArticles.title,
  body: knowledgeArticles.body,
  url: knowledgeArticles.url,
  topic: knowledgeArticles.topic,
  updatedAt: knowledgeArticles.updatedAt,
};

export const knowledgeRoutes = new Hono<AppEnv>()
  .get('/articles', requirePermission('settings.read'), async (c) => {
    const { q, limit, offset } = queryParams(c, listQuery);
    const { db, member } = c.var;
    const where = and(
      eq(knowledgeArticles.accountId, member.accountId),
      q ? or(contains(knowledgeArticles.title, q), contains(knowledgeArticles.topic, q)) : undefined,
    );
    const [rows, total] = await Promise.all([
      db
        .select(articleColumns)
        .from(knowledgeArticles)
        .where(where)
        .orderBy(asc(knowledgeArticles.title), asc(knowledgeArticles.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(knowledgeArticles).where(where),
    ]);
    return c.json({ articles: rows, total: total[0]?.n ?? 0 });
  })
  .post('/articles', requirePermission('settings.edit'), async (c) => {
    const body = await jsonBody(c, articleBody, MAX_ARTICLE_JSON);
    const { db, member } = c.var;
    await assertUrlFree(db, member.accountId, body.url, null);
    const article = { id: newId(), accountId: member.accountId, ...body, updatedAt: Date.now() };
    await db.batch([
      db.insert(knowledgeArticles).values(article),
      audit(db, member.accountId, member.userId, 'knowledge.article.create', {
        articleId: article.id,
        title: body.title,
        url: body.url,
      }),
    ]);
    const { accountId: _account, ...view } = article;
    return c.json({ article: view }, 201);
  })
  .put('/articles/:id', requirePermission('settings.edit'), async (c) => {
    const body = await jsonBody(c, articleBody, MAX_ARTICLE_JSON);
    const { db, member } = c.var;
    const before = await findArticle(db, member.accountId, c.req.param('id'));
    await assertUrlFree(db, member.accountId, body.url, before.id);
    const updatedAt = Date.now();
    await db.batch([
      db
        .update(knowledgeArticles)
        .set({ ...body, updatedAt })
        .where(and(eq(knowledgeArticles.id, before.id), eq(knowledgeArticles.accountId, member.accountId))),
      audit(db, member.accountId, member.userId, 'knowledge.article.update', {
        articleId: before.id,
        before: { title: before.title, url: before.url, topic: before.topic, body: before.body },
        after: { title: body.title, url: body.url, topic: body.topic, body: body.body },
      }),
    ]);
    return c.json({ article: { id: before.id, ...body, updatedAt } });
  })
  .delete('/articles/:id', requirePermission('settings.edit'), async (c) => {
    const { db, member } = c.var;
    const article = await findArticle(db, member.accountId, c.req.param('id'));
    await db.batch([
      db
        .delete(knowledgeArticles)
        .where(and(eq(knowledgeArticles.id, article.id), eq(knowledgeArticles.accountId, member.accountId))),
      audit(db, member.accountId, member.userId, 'knowledge.article.delete', {
        articleId: article.id,
        title: article.title,
        url: article.url,
      }),
    ]);
    return c.json({ deleted: true });
  })
  .get('/products', requirePermission('settings.read'), async (c) => {
    const { q, limit, offset } = queryParams(c, listQuery);
    const { db, member } = c.var;
    const where = and(
      eq(products.accountId, member.accountId),
      q ? or(contains(products.title, q), contains(products.sku, q)) : undefined,
    );
    const [rows, total] = await Promise.all([
      db
        .select({
          id: products.id,
          sku: products.sku,
          title: products.title,
          category: products.category,
          priceCents: products.priceCents,
          currency: products.currency,
          inStock: products.inStock,
          url: products.url,
          updatedAt: products.updatedAt,
        })
        .from(products)
        .where(where)
        .orderBy(asc(products.title), asc(products.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(products).where(where),
    ]);
    return c.json({ products: rows, total: total[0]?.n ?? 0 });
  })
  .post('/import/:kind', requirePermission('settings.edit'), async (c) => {
    const kind = z.enum(['articles', 'products']).safeParse(c.req.param('kind'));
    if (!kind.success) throw notFound('Import');
    const format = formatOf(c);
    const bytes = await bytesBody(
      c,
      MAX_IMPORT_BYTES,
      `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files`,
    );
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError(400, 'import_invalid', 'The file is not UTF-8 text; export it as UTF-8 CSV or JSON', [
        { row: 0, field: '(file)', message: 'Not UTF-8 text' },
      ]);
    }
    const { db, member } = c.var;
    const result = await importFile(db, member.accountId, kind.data, format, text);
    if (!result.ok) {
      const rows = new Set(result.errors.map((e) => e.row)).size;
      throw new ApiError(
        400,
        'import_invalid',
        `${rows === 1 ? 'A row has' : `${rows} rows have`} errors; nothing was imported. Fix them and import the file again.`,
        result.errors.slice(0, MAX_ERRORS_SHOWN),
      );
    }
    await audit(db, member.accountId, member.userId, `knowledge.import.${kind.data}`, {
      format,
      created: result.created,
      updated: result.updated,
    });
    return c.json({
      imported: { kind: kind.data, created: result.created, updated: result.updated },
      limits: { maxBytes: MAX_IMPORT_BYTES, maxRows: MAX_IMPORT_ROWS },
    });
  });

function formatOf(c: Context<AppEnv>): ImportFormat {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === 'application/json') return 'json';
  throw new ApiError(415, 'unsupported_media_type', 'Send the file as text/csv or application/json');
}

async function findArticle(db: Database, accountId: string, rawId: string) {
  const id = z.uuid().safeParse(rawId);
  const row = id.success
    ? await db.query.knowledgeArticles.findFirst({
        where: and(eq(knowledgeArticles.id, id.data), eq(knowledgeArticles.accountId, accountId)),
      })
    : undefined;
  if (!row) throw notFound('Article');
  return row;
}

async function assertUrlFree(db: Database, accountId: string, url: string | null, exceptId: string | null) {
  if (!url) return;
  const other = await db.query.knowledgeArticles.findFirst({
    where: and(eq(knowledgeArticles.accountId, accountId), eq(knowledgeArticles.url, url)),
  });
  if (other && other.id !== exceptId)
    throw new ApiError(409, 'url_taken', `The article "${other.title}" already has the URL ${url}`);
}

/** Case-insensitive substring match; % and _ in the search are literal characters. */
function contains(column: AnyColumn, q: string) {
  const pattern = `%${q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

function audit(db: Database, accountId: string, actorId: string, action: string, changes: Record<string, unknown>) {
  return db.insert(auditLog).values({ id: newId(), accountId, actorId, action, changes, createdAt: Date.now() });
}
