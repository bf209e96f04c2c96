// GET /articles/:id — the public page of one knowledge article, where the agent's "More:" links point
// when the merchant has no help centre of their own (worker/agent/link.ts). Help articles are public
// content, addressed by their random id (≥ 122 bits); an unknown or malformed id is a 404. The page is
// text: hono/html escapes every value, and a strict CSP forbids scripts.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { knowledgeArticles } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { notFound } from '../http/errors';

const articleId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const articlePages = new Hono<AppEnv>().get('/:id', async (c) => {
  const id = articleId.safeParse(c.req.param('id'));
  const article = id.success
    ? await c.var.db.query.knowledgeArticles.findFirst({ where: eq(knowledgeArticles.id, id.data) })
    : undefined;
  if (!article) throw notFound('Article');
  const paragraphs = article.body.split(/\n{2,}/).map((p) => html`<p>${p}</p>`);
  return c.html(
    html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${article.title}</title>
    <style>body{font:16px/1.6 system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}h1{font-size:1.5rem}</style>
  </head>
  <body>
    <article><h1>${article.title}</h1>${paragraphs}</article>
  </body>
</html>`,
    200,
    {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  );
});
