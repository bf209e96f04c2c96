// Importing knowledge articles and products, all or nothing: every row is validated first (each
// problem reported with its row and column), and only a file without a single error is written, in
// one D1 batch (one transaction), so a bad file never leaves a partial import behind.
// Products are matched by SKU and articles by URL: importing the same file twice updates, not duplicates.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { ZodType } from 'zod';
import type { Database } from '../db/client';
import { knowledgeArticles, products } from '../db/schema';
import { newId } from '../ids';
import {
  ARTICLE_COLUMNS,
  ARTICLE_REQUIRED,
  articleRow,
  PRODUCT_COLUMNS,
  PRODUCT_REQUIRED,
  productRow,
  type ArticleRow,
  type ProductRow,
} from './rows';
import { parseCsvRows, parseJsonRows, type ParsedFile, type RawRow, type RowError } from './parse-file';

export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 1000;
export type ImportKind = 'articles' | 'products';
export type ImportFormat = 'csv' | 'json';

export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: RowError[] };

// D1 allows 100 bound parameters per statement: 7 article columns × 14 rows, 12 product columns × 8 rows.
const ARTICLE_CHUNK = 14;
const PRODUCT_CHUNK = 8;
const LOOKUP_CHUNK = 90;

export async function importFile(
  db: Database,
  accountId: string,
  kind: ImportKind,
  format: ImportFormat,
  text: string,
): Promise<ImportResult> {
  const columns = kind === 'articles' ? ARTICLE_COLUMNS : PRODUCT_COLUMNS;
  const required = kind === 'articles' ? ARTICLE_REQUIRED : PRODUCT_REQUIRED;
  const parsed: ParsedFile = format === 'csv' ? parseCsvRows(text, columns, required) : parseJsonRows(text);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length === 0)
    return { ok: false, errors: [{ row: 0, field: '(file)', message: 'The file has no rows to import' }] };
  if (parsed.rows.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      errors: [
        {
          row: 0,
          field: '(file)',
          message: `The file has ${parsed.rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
        },
      ],
    };
  }
  return kind === 'articles' ? importArticles(db, accountId, parsed.rows) : importProducts(db, accountId, parsed.rows);
}

function validate<T>(rows: RawRow[], schema: ZodType<T>, key: (value: T) => string | undefined, keyField: string) {
  const errors: RowError[] = [];
  const valid: T[] = [];
  const seen = new Map<string, number>();
  for (const { row, values } of rows) {
    const result = schema.safeParse(values);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.') || '(row)';
        errors.push({ row, field, message: issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message });
      }
      continue;
    }
    const k = key(result.data);
    const first = k === undefined ? undefined : seen.get(k.toLowerCase());
    if (k !== undefined && first !== undefined)
      errors.push({ row, field: keyField, message: `Duplicate ${keyField} "${k}" (also on row ${first})` });
    else if (k !== undefined) seen.set(k.toLowerCase(), row);
    valid.push(result.data);
  }
  return { errors, valid };
}

async function importArticles(db: Database, accountId: string, rows: RawRow[]): Promise<ImportResult> {
  const { errors, valid } = validate<ArticleRow>(rows, articleRow, (a) => a.url, 'url');
  if (errors.length) return { ok: false, errors };
  const urls = valid.flatMap((a) => (a.url ? [a.url] : []));
  const existing = await countExisting(urls, (part) =>
    db
      .select({ k: knowledgeArticles.url })
      .from(knowledgeArticles)
      .where(and(eq(knowledgeArticles.accountId, accountId), inArray(knowledgeArticles.url, part))),
  );
  const now = Date.now();
  const values = valid.map((a) => ({
    id: newId(),
    accountId,
    title: a.title,
    body: a.body,
    url: a.url ?? null,
    topic: a.topic ?? null,
    updatedAt: now,
  }));
  await writeAll(
    db,
    chunk(values, ARTICLE_CHUNK).map((part) =>
      db
        .insert(knowledgeArticles)
        .values(part)
        .onConflictDoUpdate({
          target: [knowledgeArticles.accountId, knowledgeArticles.url],
          targetWhere: sql`url IS NOT NULL`,
          set: {
            title: sql`excluded.title`,
            body: sql`excluded.body`,
            topic: sql`excluded.topic`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    ),
  );
  return { ok: true, created: valid.length - existing, updated: existing };
}

async function importProducts(db: Database, accountId: string, rows: RawRow[]): Promise<ImportResult> {
  const { errors, valid } = validate<ProductRow>(rows, productRow, (p) => p.sku, 'sku');
  if (errors.length) return { ok: false, errors };
  const existing = await countExisting(
    valid.map((p) => p.sku),
    (part) =>
      db
        .select({ k: products.sku })
        .from(products)
        .where(and(eq(products.accountId, accountId), inArray(products.sku, part))),
  );
  const now = Date.now();
  const values = valid.map((p) => ({
    id: newId(),
    accountId,
    sku: p.sku,
    title: p.title,
    description: p.description,
    category: p.category,
    priceCents: p.priceCents,
    currency: p.currency,
    imageUrl: p.image_url ?? null,
    url: p.url ?? null,
    inStock: p.in_stock,
    updatedAt: now,
  }));
  await writeAll(
    db,
    chunk(values, PRODUCT_CHUNK).map((part) =>
      db
        .insert(products)
        .values(part)
        .onConflictDoUpdate({
          target: [products.accountId, products.sku],
          set: {
            title: sql`excluded.title`,
            description: sql`excluded.description`,
            category: sql`excluded.category`,
            priceCents: sql`excluded.price_cents`,
            currency: sql`excluded.currency`,
            imageUrl: sql`excluded.image_url`,
            url: sql`excluded.url`,
            inStock: sql`excluded.in_stock`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    ),
  );
  return { ok: true, created: valid.length - existing, updated: existing };
}

/** How many of the keys already exist (for the created/updated counts), looked up in chunks. */
async function countExisting(
  keys: string[],
  lookup: (part: string[]) => Promise<Array<{ k: string | null }>>,
): Promise<number> {
  let found = 0;
  for (const part of chunk(keys, LOOKUP_CHUNK)) found += (await lookup(part)).length;
  return found;
}

/** One batch: D1 runs it as a single transaction, so either every row is written or none is. */
async function writeAll(db: Database, statements: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
