import { beforeAll, describe, expect, it } from 'vitest';
import { exports } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { call, db, ORIGIN } from './helpers';
import { fieldsOf, lastAudit, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';
import { knowledgeArticles, products } from '../../worker/db/schema';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('knowledge');
});

interface Article {
  id: string;
  title: string;
  body: string;
  url: string | null;
  topic: string | null;
}
interface ImportError {
  error: { code: string; message: string; details: Array<{ row: number; field: string; message: string }> };
}

async function importFile(
  kind: 'articles' | 'products',
  type: string,
  content: string | Uint8Array<ArrayBuffer>,
  role: 'owner' | 'manager' | 'agent' = 'manager',
) {
  const res = await exports.default.fetch(`${ORIGIN}/api/knowledge/import/${kind}`, {
    method: 'POST',
    body: content,
    headers: { cookie: await store.as(role), origin: ORIGIN, 'content-type': type },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const productCount = async () =>
  (await db().select({ id: products.id }).from(products).where(eq(products.accountId, store.accountId))).length;
const productBySku = (sku: string) =>
  db().query.products.findFirst({ where: and(eq(products.accountId, store.accountId), eq(products.sku, sku)) });

describe('knowledge articles', () => {
  it('add, list, edit and delete an article; the agent answers from it; each change is audited', async () => {
    const cookie = await store.as('manager');
    const created = await call<{ article: Article }>('POST', '/api/knowledge/articles', {
      cookie,
      body: {
        title: 'Gift wrapping',
        body: 'We gift wrap any order for $5 with recycled paper and a handwritten card.',
        url: '/help/gift-wrap',
        topic: 'orders',
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.article.id;
    const list = await call<{ articles: Article[]; total: number }>('GET', '/api/knowledge/articles?q=gift', {
      cookie: await store.as('agent'),
    });
    expect(list.json.articles.map((a) => a.id)).toContain(id);
    expect(list.json.articles.every((a) => /gift/i.test(`${a.title} ${a.topic}`))).toBe(true);

    const chat = await call<{ turn: { skill: string; text: string } }>('POST', '/api/test-chat/messages', {
      cookie,
      body: { text: 'do you do gift wrapping?' },
    });
    expect(chat.json.turn).toMatchObject({ skill: 'answer', text: expect.stringContaining('gift wrap') });

    const edited = await call<{ article: Article }>('PUT', `/api/knowledge/articles/${id}`, {
      cookie,
      body: {
        title: 'Gift wrapping',
        body: 'Gift wrapping costs $4 per order.',
        url: '/help/gift-wrap',
        topic: 'orders',
      },
    });
    expect(edited.status).toBe(200);
    expect((await db().query.knowledgeArticles.findFirst({ where: eq(knowledgeArticles.id, id) }))!.body).toBe(
      'Gift wrapping costs $4 per order.',
    );
    expect((await lastAudit(store.accountId, 'knowledge.article.update'))!.changes).toMatchObject({
      before: { body: expect.stringContaining('$5') },
    });

    expect((await call('DELETE', `/api/knowledge/articles/${id}`, { cookie })).status).toBe(200);
    expect(await db().query.knowledgeArticles.findFirst({ where: eq(knowledgeArticles.id, id) })).toBeUndefined();
    expect(await lastAudit(store.accountId, 'knowledge.article.delete')).toBeDefined();
  });

  it('invalid articles are 400 with the field; a URL already in use is 409; other roles get 403', async () => {
    const cookie = await store.as('owner');
    const bad = await call('POST', '/api/knowledge/articles', {
      cookie,
      body: { title: '', body: '', url: 'javascript:alert(1)' },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(expect.arrayContaining(['title', 'body', 'url']));
    const existing = await db().query.knowledgeArticles.findFirst({
      where: eq(knowledgeArticles.accountId, store.accountId),
    });
    const dup = await call('POST', '/api/knowledge/articles', {
      cookie,
      body: { title: 'Dup', body: 'Dup.', url: existing!.url },
    });
    expect(dup.status).toBe(409);
    for (const role of ['support', 'agent', 'analyst'] as const) {
      expect(
        (
          await call('POST', '/api/knowledge/articles', {
            cookie: await store.as(role),
            body: { title: 'x', body: 'y' },
          })
        ).status,
      ).toBe(403);
      expect(
        (await call('DELETE', `/api/knowledge/articles/${existing!.id}`, { cookie: await store.as(role) })).status,
      ).toBe(403);
    }
  });
});

describe('import', () => {
  it('a valid products CSV is imported (quoted fields, created and updated by SKU) and audited', async () => {
    const csv = [
      'sku,title,description,category,price,currency,image_url,url,in_stock',
      'IMP-1,Trail Sock,"Merino, cushioned ""trail"" sock",socks,14.50,USD,https://cdn.example.com/sock.jpg,/products/trail-sock,true',
      'IMP-2,Rain Hat,"Packable hat,\nfully waterproof",hats,29,,,,no',
      'IMP-3,Yen Cap,Cap priced in yen,hats,2500,jpy,,,',
    ].join('\r\n');
    const first = await importFile('products', 'text/csv', csv);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ imported: { kind: 'products', created: 3, updated: 0 } });
    expect(await productBySku('IMP-1')).toMatchObject({
      description: 'Merino, cushioned "trail" sock',
      priceCents: 1450,
      inStock: true,
      imageUrl: 'https://cdn.example.com/sock.jpg',
    });
    expect(await productBySku('IMP-2')).toMatchObject({
      description: 'Packable hat,\nfully waterproof',
      priceCents: 2900,
      currency: 'USD',
      inStock: false,
    });
    expect(await productBySku('IMP-3')).toMatchObject({ priceCents: 2500, currency: 'JPY' });

    const again = await importFile('products', 'text/csv', csv.replace('14.50', '15.00'));
    expect(again.json).toMatchObject({ imported: { created: 0, updated: 3 } });
    expect((await productBySku('IMP-1'))!.priceCents).toBe(1500);
    expect((await lastAudit(store.accountId, 'knowledge.import.products'))!.changes).toMatchObject({
      format: 'csv',
      created: 0,
      updated: 3,
    });

    // The catalog search (FTS, kept by triggers) finds the imported product.
    const chat = await call<{ turn: { skill: string; cards: Array<{ sku: string }> } }>(
      'POST',
      '/api/test-chat/messages',
      {
        cookie: await store.as('manager'),
        body: { text: 'I need a hat' },
      },
    );
    expect(chat.json.turn.cards.map((c) => c.sku)).toEqual(expect.arrayContaining([expect.stringMatching(/^IMP-/)]));
  });

  it('a CSV with bad rows imports nothing and reports every bad row with its field', async () => {
    const before = await productCount();
    const csv = [
      'sku,title,price,in_stock,image_url',
      'OK-1,Fine product,10,true,',
      'OK-2,,12,true,',
      'BAD 3,Spacey sku,-4,maybe,ftp://x',
      'OK-1,Duplicate,5,true,',
      'OK-5,Cents,9.999,true,',
    ].join('\n');
    const res = await importFile('products', 'text/csv', csv);
    expect(res.status).toBe(400);
    const body = res.json as unknown as ImportError;
    expect(body.error.code).toBe('import_invalid');
    expect(body.error.message).toContain('nothing was imported');
    const errs = body.error.details.map((d) => `${d.row}:${d.field}`);
    expect(errs).toEqual(
      expect.arrayContaining(['3:title', '4:sku', '4:price', '4:in_stock', '4:image_url', '5:sku', '6:price']),
    );
    expect(errs.some((e) => e.startsWith('2:'))).toBe(false);
    expect(await productCount()).toBe(before);
    expect(await productBySku('OK-1')).toBeUndefined();
  });

  it('header problems are reported on row 1: unknown, duplicate and missing columns', async () => {
    const res = await importFile('products', 'text/csv', 'sku,title,prcie,title\nA,B,1,C\n');
    expect(res.status).toBe(400);
    const errs = (res.json as unknown as ImportError).error.details.map((d) => `${d.row}:${d.field}`);
    expect(errs).toEqual(expect.arrayContaining(['1:prcie', '1:title', '1:price']));
    const ragged = await importFile('articles', 'text/csv', 'title,body\n"Only one field"\n');
    expect((ragged.json as unknown as ImportError).error.details).toEqual([
      { row: 2, field: '(row)', message: expect.stringContaining('1 fields') },
    ]);
    const unclosed = await importFile('articles', 'text/csv', 'title,body\n"Never closed,body\n');
    expect(unclosed.status).toBe(400);
  });

  it('articles import from JSON, matched by URL; a bad JSON row rejects the whole file', async () => {
    const rows = [
      {
        title: 'Pet policy',
        body: 'Well-behaved dogs are welcome in all our stores.',
        url: '/help/pets',
        topic: 'stores',
      },
      { title: 'No-URL article', body: 'Articles without a URL are always added.' },
    ];
    const ok = await importFile('articles', 'application/json', JSON.stringify(rows));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ imported: { kind: 'articles', created: 2, updated: 0 } });
    const updated = await importFile(
      'articles',
      'application/json',
      JSON.stringify({ rows: [{ ...rows[0], body: 'Dogs and cats are welcome.' }] }),
    );
    expect(updated.json).toMatchObject({ imported: { created: 0, updated: 1 } });
    const pets = await db()
      .select()
      .from(knowledgeArticles)
      .where(and(eq(knowledgeArticles.accountId, store.accountId), eq(knowledgeArticles.url, '/help/pets')));
    expect(pets.map((p) => p.body)).toEqual(['Dogs and cats are welcome.']);

    const bad = await importFile(
      'articles',
      'application/json',
      JSON.stringify([{ title: 'Fine', body: 'Fine.' }, { title: 'Extra', body: 'x', colour: 'red' }, 'nope']),
    );
    expect(bad.status).toBe(400);
    expect((bad.json as unknown as ImportError).error.details).toEqual([
      { row: 3, field: '(row)', message: 'Each row must be an object' },
    ]);
    const bad2 = await importFile(
      'articles',
      'application/json',
      JSON.stringify([
        { title: 'Fine', body: 'Fine.', url: '/help/fine' },
        { title: 'Extra', body: 'x', colour: 'red' },
      ]),
    );
    expect((bad2.json as unknown as ImportError).error.details).toEqual([
      { row: 2, field: 'colour', message: 'Unknown field' },
    ]);
    expect(
      await db().query.knowledgeArticles.findFirst({
        where: and(eq(knowledgeArticles.accountId, store.accountId), eq(knowledgeArticles.url, '/help/fine')),
      }),
    ).toBeUndefined();
  });

  it('limits: over 1 MB is 413, over 1,000 rows is 400, other content types 415, other roles 403', async () => {
    const big = `title,body\n${'a'.repeat(1024 * 1024)}`;
    expect((await importFile('articles', 'text/csv', big)).status).toBe(413);
    const many = ['sku,title,price', ...Array.from({ length: 1001 }, (_, i) => `MANY-${i},Item ${i},1`)].join('\n');
    const tooMany = await importFile('products', 'text/csv', many);
    expect(tooMany.status).toBe(400);
    expect((tooMany.json as unknown as ImportError).error.details[0]!.message).toContain('at most 1000');
    expect((await importFile('products', 'text/plain', 'sku,title,price\nA,B,1')).status).toBe(415);
    expect((await importFile('products', 'text/csv', 'sku,title,price\nA,B,1', 'agent')).status).toBe(403);
  });

  it('a valid 1,000-row file is written in one batch', async () => {
    const rows = [
      'sku,title,price',
      ...Array.from({ length: 1000 }, (_, i) => `BULK-${i},Bulk item ${i},${(i % 90) + 1}.99`),
    ].join('\n');
    const res = await importFile('products', 'text/csv', rows, 'owner');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ imported: { created: 1000 } });
    const list = await call<{ total: number }>('GET', '/api/knowledge/products?q=BULK-', {
      cookie: await store.as('agent'),
    });
    expect(list.json.total).toBe(1000);
  });
});
