import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, openChat } from '../support/browser';
import { serveHtml } from '../support/html-server';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

async function ask(page: Page, text: string) {
  const before = await page.locator('[data-role=agent]').count();
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  const sentAt = Date.now();
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = page.locator('[data-role=agent]').nth(before);
  await reply.waitFor({ timeout: 10_000 });
  return { reply, elapsedMs: Date.now() - sentAt };
}

describe('shopper widget on the demo storefront', () => {
  it('answers a question within 2 s, shows product cards, and keeps the conversation across a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await openChat(page);
    expect(await page.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');

    const answer = await ask(page, 'do you ship to Canada?');
    expect(answer.elapsedMs).toBeLessThan(2000);
    expect(await answer.reply.textContent()).toContain('Canada');

    const recommendation = await ask(page, 'I need running shoes under $100');
    const cards = recommendation.reply.locator('.card[data-sku]');
    await cards.first().waitFor();
    const count = await cards.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(3);
    for (let i = 0; i < count; i++) {
      const text = (await cards.nth(i).textContent()) ?? '';
      const price = Number(/\$(\d+(?:\.\d\d)?)/.exec(text)?.[1]);
      expect(price).toBeLessThan(100);
      expect(await cards.nth(i).locator('img').count()).toBe(1);
      expect(await cards.nth(i).locator('a').getAttribute('href')).toMatch(/\/products\//);
    }

    const transcript = await page.locator('[data-seq]').allTextContents();
    await page.reload();
    await openChat(page);
    await expect.poll(() => page.locator('[data-seq]').allTextContents(), { timeout: 10_000 }).toEqual(transcript);
    await context.close();
  });

  it('keeps the resume token out of every URL: the live socket carries it as a subprotocol', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    const history = new Promise<string>((resolve) => {
      page.on('websocket', (ws) => {
        urls.push(ws.url());
        ws.on('framereceived', (f) => {
          if (String(f.payload).includes('"type":"history"')) resolve(ws.url());
        });
      });
    });
    await page.goto(`${baseUrl}/`);
    await openChat(page);
    await ask(page, 'do you ship to Canada?');
    expect(await history).toMatch(/\/socket$/);
    const token = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('baton:pk_') && !k.endsWith(':config'));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { resumeToken: string }).resumeToken : null;
    });
    expect(token).toMatch(/^rt_/);
    expect(urls.filter((u) => u.includes(token!))).toEqual([]);
    await context.close();
  });

  it('shows a hostile message as text and never runs it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await page.goto(`${baseUrl}/`);
    await openChat(page);
    const hostile = '<img src=x onerror=alert(1)>';
    await ask(page, hostile);
    const shopper = page.locator('[data-role=shopper]').last();
    expect(await shopper.textContent()).toContain(hostile);
    expect(await shopper.locator('img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toBe(0);
    await context.close();
  });

  it('works on a storefront with a hostile stylesheet and a strict nonce CSP', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const siteKey = await siteKeyOfDemo(page);
    const nonce = 'r4nd0mN0nce';
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      `connect-src ${baseUrl} ${baseUrl.replace('http', 'ws')}`,
      `img-src ${baseUrl}`,
    ].join('; ');
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    // A storefront on another origin: its own little server on loopback (another port), so the widget
    // is loaded cross-origin exactly as a merchant's shop would load it.
    const html = `<!doctype html><html><head>
          <style nonce="${nonce}">
            * { all: unset !important; font-size: 40px !important; }
            div { display: none !important; }
            button { background: red !important; width: 1px !important; height: 1px !important; }
            [data-baton] { opacity: 0 !important; }
          </style></head>
          <body><p>Hostile shop</p>
          <script nonce="${nonce}">window.Baton=window.Baton||function(){(Baton.q=Baton.q||[]).push(arguments)};Baton('on','open',function(){window.__opened=true});</script>
          <script async nonce="${nonce}" src="${baseUrl}/widget.js" data-site-key="${siteKey}"></script>
          </body></html>`;
    const shop = await serveHtml(html, { 'content-security-policy': csp });
    const shopUrl = shop.url;
    await page.goto(shopUrl);
    const launcher = page.getByRole('button', { name: 'Open chat', exact: true });
    await launcher.waitFor();
    const box = await launcher.boundingBox();
    expect(box!.width).toBeGreaterThan(30);
    expect(box!.height).toBeGreaterThan(30);
    await launcher.click();
    const textbox = page.getByRole('textbox', { name: 'Message' });
    await textbox.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __opened?: boolean }).__opened)).toBe(true);
    const fontSize = await textbox.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeLessThan(24);
    const { reply } = await ask(page, 'What is your return policy?');
    expect((await reply.textContent())!.length).toBeGreaterThan(20);
    expect(await reply.isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await page.screenshot({ path: 'test-results/hostile-storefront.png' });
    await context.close();
    await shop.close();
  });
});

async function siteKeyOfDemo(page: Page): Promise<string> {
  const res = await page.request.get(`${baseUrl}/`);
  const key = /data-site-key="([^"]+)"/.exec(await res.text())?.[1];
  if (!key) throw new Error('demo storefront has no site key');
  return key;
}
