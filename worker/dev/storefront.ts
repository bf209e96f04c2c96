// The demo storefront (local development and tests only): mounted at / by the dev/test entry
// (worker/dev/index.ts), never part of the deployed bundle (scripts/check-bundle.mjs).
import { Hono } from 'hono';
import { html } from 'hono/html';
import { eq } from 'drizzle-orm';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';
import { accounts } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';
import type { Database } from '../db/client';
import { sign } from 'hono/jwt';

/** The demo shopper the storefront's "Sign in" button signs in (a customer of the demo store). */
const DEMO_SHOPPER = { sub: 'demo-customer-1', email: 'jamie@shopper.test', name: 'Jamie Shopper' };

/**
 * The demo storefront: a plain shop page with the merchant's embed snippet pasted in, and a demo
 * "Sign in" that does what a real store's server does: mint a short-lived identity token.
 */
export const storefrontPages = new Hono<AppEnv>()
  // Placeholder pictures for the demo catalog: a tile with the product's SKU (letters, digits, dashes only).
  .get('/demo-products/:file{[a-z]{3}-[0-9]{3}\\.svg}', (c) => {
    const sku = c.req.param('file').replace('.svg', '').toUpperCase();
    const hue = [...sku].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 360, 7);
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">` +
      `<rect width="160" height="160" rx="16" fill="hsl(${hue} 55% 88%)"/>` +
      `<text x="80" y="90" font-family="sans-serif" font-size="22" text-anchor="middle" fill="hsl(${hue} 45% 30%)">${sku}</text></svg>`;
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
    });
  })
  .post('/demo/shopper-token', async (c) => {
    const account = await demoAccount(c.var.db);
    const token = await sign(
      { ...DEMO_SHOPPER, exp: Math.floor(Date.now() / 1000) + 15 * 60 },
      account.identityKey,
      'HS256',
    );
    return c.json({ token, name: DEMO_SHOPPER.name });
  })
  .get('/', async (c) => {
    const account = await demoAccount(c.var.db);
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
    <header>
      <strong>${account.name}</strong>
      <span><button type="button" id="sign-in">Sign in</button> · <a href="/inbox">Team inbox</a></span>
    </header>
    <main>
      <h1>Shoes, outerwear and gear for every trail</h1>
      <p>Free shipping over $75. 30-day returns. Questions? Ask our assistant in the corner.</p>
    </main>
    <!-- Baton embed snippet -->
    <script>window.Baton=window.Baton||function(){(Baton.q=Baton.q||[]).push(arguments)};</script>
    <script async src="/widget.js" data-site-key="${account.siteKey}"></script>
    <script>
      // What a store's page does after its own sign-in: hand Baton the token its server minted.
      document.getElementById('sign-in').addEventListener('click', async (e) => {
        const res = await fetch('/demo/shopper-token', { method: 'POST' });
        const { token, name } = await res.json();
        Baton('identify', token);
        e.target.textContent = 'Signed in as ' + name;
        e.target.disabled = true;
      });
    </script>
  </body>
</html>`);
  });

async function demoAccount(db: Database) {
  const account = await db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw notFound('Demo store (run `npm run dev` to seed it)');
  return account;
}
