// A shopper attaches a picture in real Chromium: it is uploaded, shown as a thumbnail (an <img>, never
// the file as a page) and is still there after a reload; the served file says nosniff.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { askTheAgent, launchBrowser } from '../support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('shopper attachments in the widget', () => {
  it('a picture is sent, shown as a thumbnail and kept across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await askTheAgent(page, 'Here is my receipt');

    await page.getByLabel('Attach a file').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: PNG });
    const thumb = page.getByTestId('baton-attachment').locator('img');
    await thumb.waitFor();
    expect(await thumb.getAttribute('alt')).toBe('receipt.png');
    const src = (await thumb.getAttribute('src'))!;
    expect(src).toMatch(/\/api\/widget\/files\/[0-9a-f-]{36}\/[0-9a-f]{32}\.png$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const served = await page.request.get(src);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');

    await page.reload();
    await page.getByRole('button', { name: 'Open chat', exact: true }).click();
    await page.getByTestId('baton-attachment').locator('img').waitFor();
    await context.close();
  });
});
