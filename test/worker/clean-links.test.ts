// Migration 0018 removes links stored before links were checked: javascript:, data: and protocol-relative
// //host values in products, articles and the settings document, while absolute http(s) URLs and site
// paths stay. The rows are written straight to D1 (as an old deployment holds them), then the real
// migration's statements run against the real database.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../worker/protocol/widget';
import { newId } from '../../worker/ids';
import { call, otherAccount } from './helpers';
import { testEnv } from './test-env';

let account: Awaited<ReturnType<typeof otherAccount>>;
const now = Date.now();

async function insertProduct(sku: string, url: string | null, imageUrl: string | null) {
  await env.DB.prepare(
    'INSERT INTO products (id, account_id, sku, title, price_cents, url, image_url, updated_at) VALUES (?, ?, ?, ?, 100, ?, ?, ?)',
  )
    .bind(newId(), account.accountId, sku, sku, url, imageUrl, now)
    .run();
}
async function insertArticle(title: string, url: string) {
  await env.DB.prepare(
    'INSERT INTO knowledge_articles (id, account_id, title, body, url, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  )
    .bind(newId(), account.accountId, title, 'body', url, now)
    .run();
}

beforeAll(async () => {
  account = await otherAccount('clean-links');
  await insertProduct('link-proto-relative', '//evil.example/boots', '//evil.example/boots.png');
  await insertProduct('link-backslash', '/\\evil.example', 'https:/\\evil.example/x.png');
  await insertProduct('link-script', 'javascript:alert(1)', 'data:image/png;base64,AAAA');
  await insertProduct('link-good', 'https://shop.example/boots', 'HTTPS://cdn.example/boots.png');
  await insertProduct('link-site-path', '/products/boots', null);
  await insertArticle('Link test: bad', '//evil.example/returns');
  await insertArticle('Link test: good', '/help/returns');
  const data = JSON.stringify({
    general: { signInUrl: 'javascript:alert(document.cookie)', avatarUrl: '//evil.example/a.png', agentName: 'Kept' },
  });
  await env.DB.prepare('UPDATE settings SET data = ? WHERE account_id = ?').bind(data, account.accountId).run();

  const migration = testEnv.TEST_MIGRATIONS.find((m) => m.name.startsWith('0018_'));
  if (!migration) throw new Error('migration 0018 missing');
  await env.DB.batch(migration.queries.map((q) => env.DB.prepare(q)));
});

describe('migration 0018: stored links', () => {
  it('removes protocol-relative, backslash, javascript: and data: product links and keeps good ones', async () => {
    const seededBad = await env.DB.prepare(
      "SELECT count(*) AS n FROM products WHERE account_id = ? AND sku NOT LIKE 'link-%' AND url IS NULL",
    )
      .bind(account.accountId)
      .first<{ n: number }>();
    expect(seededBad?.n).toBe(0); // the store's own /products/… links are untouched
    const { results } = await env.DB.prepare(
      "SELECT sku, url, image_url FROM products WHERE account_id = ? AND sku LIKE 'link-%' ORDER BY sku",
    )
      .bind(account.accountId)
      .all<{ sku: string; url: string | null; image_url: string | null }>();
    expect(results).toEqual([
      { sku: 'link-backslash', url: null, image_url: null },
      { sku: 'link-good', url: 'https://shop.example/boots', image_url: 'HTTPS://cdn.example/boots.png' },
      { sku: 'link-proto-relative', url: null, image_url: null },
      { sku: 'link-script', url: null, image_url: null },
      { sku: 'link-site-path', url: '/products/boots', image_url: null },
    ]);
  });

  it('removes a protocol-relative article link and keeps a site path', async () => {
    const { results } = await env.DB.prepare(
      "SELECT title, url FROM knowledge_articles WHERE account_id = ? AND title LIKE 'Link test:%' ORDER BY title",
    )
      .bind(account.accountId)
      .all<{ title: string; url: string | null }>();
    expect(results).toEqual([
      { title: 'Link test: bad', url: null },
      { title: 'Link test: good', url: '/help/returns' },
    ]);
  });

  it('clears bad settings links, so the account reads again, and keeps the rest of the document', async () => {
    const res = await call<{ config: WidgetConfig }>('GET', `/api/widget/config?siteKey=${account.siteKey}`, {
      origin: 'https://shop.example',
    });
    expect(res.status).toBe(200);
    expect(res.json.config.avatarUrl).toBeNull();
    const row = await env.DB.prepare('SELECT data FROM settings WHERE account_id = ?')
      .bind(account.accountId)
      .first<{ data: string }>();
    expect(JSON.parse(row!.data).general).toEqual({ signInUrl: null, avatarUrl: null, agentName: 'Kept' });
  });
});
