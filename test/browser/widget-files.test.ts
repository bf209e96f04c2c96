// Attachments in real Chromium: a shopper's picture is uploaded, shown as a thumbnail (an <img>, never
// the file as a page) and is still there after a reload; the served file says nosniff. Round trip:
// the shopper's file appears in the teammate's inbox, and the teammate's PDF in the shopper's widget.
import { describe, expect, inject, it } from 'vitest';
import { askTheAgent, browserForFile, openSignedInChat } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

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
    await expect
      .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 })
      .toBe(1);
    const served = await page.request.get(src);
    expect(served.headers()['x-content-type-options']).toBe('nosniff');

    await page.reload();
    await page.getByRole('button', { name: 'Open chat', exact: true }).click();
    await page.getByTestId('baton-attachment').locator('img').waitFor();
    await context.close();
  });
});

describe('attachments between the widget and the inbox', () => {
  it('the shopper’s picture shows in the inbox; the teammate’s PDF shows in the widget as a download link', async () => {
    const shopper = await browser.newContext();
    const page = await shopper.newPage();
    await openSignedInChat(page, baseUrl);
    const subject = `Talk to a person about my broken parcel ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Message' }).fill(subject);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('[data-role=system]').first().waitFor({ timeout: 10_000 });
    await page.getByLabel('Attach a file').setInputFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('baton-attachment').locator('img').waitFor();
    // Nobody on the team has it open yet: delivered, not seen.
    expect(await page.getByTestId('baton-receipt').textContent()).toBe('Delivered');

    const team = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const inbox = await team.newPage();
    await inbox.goto(`${baseUrl}/inbox`);
    await inbox.getByLabel('Email').fill('owner@demo.test');
    await inbox.getByLabel('Password').fill('demo-password');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.getByTestId('signed-in-user').waitFor();
    const list = (await (await team.request.get(`${baseUrl}/api/tickets?view=all`)).json()) as {
      tickets: Array<{ id: string; subject: string }>;
    };
    const ticket = list.tickets.find(
      (t) => t.subject.includes('my broken parcel') && subject.startsWith(t.subject.replace(/…$/, '')),
    );
    expect(ticket).toBeDefined();
    await inbox.goto(`${baseUrl}/inbox?ticket=${ticket!.id}`);
    const seen = inbox.getByTestId('transcript').getByTestId('inbox-attachment').locator('img');
    await seen.waitFor();
    expect(await seen.getAttribute('alt')).toBe('parcel.png');
    await expect
      .poll(() => seen.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 })
      .toBe(1);
    // The teammate has the conversation open: the shopper's receipt says so.
    await expect.poll(() => page.getByTestId('baton-receipt').textContent(), { timeout: 10_000 }).toBe('Seen');

    await inbox
      .getByLabel('Attach file')
      .setInputFiles({ name: 'returns-label.pdf', mimeType: 'application/pdf', buffer: PDF });
    await inbox.getByTestId('transcript').locator('[data-role=human]').getByTestId('inbox-attachment').waitFor();
    const link = page.locator('[data-role=human]').getByTestId('baton-attachment');
    await link.waitFor({ timeout: 10_000 });
    expect(await link.textContent()).toBe('returns-label.pdf');
    expect(await link.getAttribute('download')).toBe('returns-label.pdf');
    const served = await page.request.get((await link.getAttribute('href'))!);
    expect(served.headers()['content-type']).toBe('application/pdf');
    expect(served.headers()['x-content-type-options']).toBe('nosniff');
    await team.close();
    await shopper.close();
  });
});
