// The widget in the shopper's language, in real Chromium: the browser's language (the context
// locale, i.e. navigator.language) picks German, or Arabic laid out right to left (checked on the
// rendered geometry and kept as a screenshot); axe-core finds no serious or critical accessibility
// violation in the widget, in English and in Arabic.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile } from '../support/browser';
import { axeViolations } from '../support/axe';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

async function pageIn(locale: string) {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  return { context, page };
}

async function say(page: Page, label: { message: string; send: string }, text: string) {
  const before = await page.locator('[data-role=agent]').count();
  await page.getByRole('textbox', { name: label.message }).fill(text);
  await page.getByRole('button', { name: label.send }).click();
  const reply = page.locator('[data-role=agent]').nth(before);
  await reply.waitFor({ timeout: 10_000 });
  return reply;
}

describe('the widget in the shopper’s language', () => {
  it('German from navigator.language: launcher, composer and the agent’s fixed sentences', async () => {
    const { context, page } = await pageIn('de-DE');
    await page.getByRole('button', { name: 'Chat öffnen', exact: true }).click();
    const textbox = page.getByRole('textbox', { name: 'Nachricht' });
    await textbox.waitFor();
    expect(await textbox.getAttribute('placeholder')).toBe('Nachricht eingeben…');
    expect(await page.getByRole('button', { name: 'Chat schließen', exact: true }).count()).toBe(1);
    expect(await page.getByTestId('baton-panel').getAttribute('lang')).toBe('de');
    const reply = await say(page, { message: 'Nachricht', send: 'Senden' }, 'hi');
    expect(await reply.locator('.bb').textContent()).toMatch(/^Hallo! Ich bin .+\. Wie kann ich Ihnen heute helfen\?$/);
    await expect.poll(() => page.getByTestId('baton-receipt').textContent()).toBe('Gelesen');
    await context.close();
  });

  it('Arabic is laid out right to left', async () => {
    const { context, page } = await pageIn('ar-EG');
    await page.getByRole('button', { name: 'فتح المحادثة', exact: true }).click();
    const panel = page.getByTestId('baton-panel');
    await page.getByRole('textbox', { name: 'الرسالة' }).waitFor();
    expect(await panel.getAttribute('dir')).toBe('rtl');
    await say(page, { message: 'الرسالة', send: 'إرسال' }, 'hi');
    const box = (await panel.boundingBox())!;
    const mine = (await page.locator('[data-role=shopper] .bb').last().boundingBox())!;
    const theirs = (await page.locator('[data-role=agent] .bb').last().boundingBox())!;
    // Right to left: the shopper's own bubble sits on the left, the agent's on the right.
    expect(mine.x - box.x).toBeLessThan(box.x + box.width - (mine.x + mine.width));
    expect(box.x + box.width - (theirs.x + theirs.width)).toBeLessThan(theirs.x - box.x);
    // The send button comes before (left of) the text field in RTL.
    const send = (await page.getByRole('button', { name: 'إرسال' }).boundingBox())!;
    const field = (await page.getByRole('textbox', { name: 'الرسالة' }).boundingBox())!;
    expect(send.x).toBeLessThan(field.x);
    await panel.screenshot({ path: 'test-results/widget-rtl-ar.png' });
    expect(await axeViolations(page, '[data-baton]')).toEqual([]);
    await context.close();
  });

  it('English has no serious or critical accessibility violation', async () => {
    const { context, page } = await pageIn('en-US');
    // The launcher joins the page once its config has arrived: check it then, alone.
    await page.getByRole('button', { name: 'Open chat', exact: true }).waitFor();
    expect(await axeViolations(page, '[data-baton]')).toEqual([]);
    await page.getByRole('button', { name: 'Open chat', exact: true }).click();
    await say(page, { message: 'Message', send: 'Send' }, 'I need running shoes under $100');
    expect(await axeViolations(page, '[data-baton]')).toEqual([]);
    await context.close();
  });
});
