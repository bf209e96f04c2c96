import { Hono } from 'hono';
import { html } from 'hono/html';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { accounts } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';

/** The demo storefront: a plain shop page with the merchant's embed snippet pasted in. */
export const storefrontPages = new Hono<AppEnv>().get('/', async (c) => {
  if (c.env.DEMO_STOREFRONT !== 'true') throw notFound('Page');
  const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw notFound('Demo store (run `npm run dev` to seed it)');
  return c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${account.name}</title>
    <style>
      body { font-family: Georgia, serif; margin: 0; color: #222; }
      header { padding: 24px 40px; border-bottom: 1px solid #ddd; display: flex; justify-content: space-between; }
      main { padding: 40px; max-width: 880px; }
    </style>
  </head>
  <body>
    <header><strong>${account.name}</strong><a href="/inbox">Team inbox</a></header>
    <main>
      <h1>Shoes, outerwear and gear for every trail</h1>
      <p>Free shipping over $75. 30-day returns. Questions? Ask our assistant in the corner.</p>
    </main>
    <!-- Baton embed snippet -->
    <script async src="/widget.js" data-site-key="${account.siteKey}"></script>
  </body>
</html>`);
});
