// The inbox keeping up with a ticket as it happens, in real Chromium: a Manager sets the first-response
// target in Settings, a shopper's new ticket shows "Reply due soon" on its row (in the SLA view) and on
// its page, and the shopper's next message moves the row's preview and unread marker live, with the
// teammate's list open and no reload.
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { browserForFile, inboxTeammate, shopperAsksForHuman } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');
const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
});

describe('SLA and live rows', () => {
  it('a Manager sets the first-response target; a new ticket is "Reply due soon" on its row, in the SLA view and on its page; the shopper’s next message moves the row live', async () => {
    const manager = await inboxTeammate(browser, baseUrl, 'manager@demo.test');
    contexts.push(manager.context);
    await manager.page.goto(`${baseUrl}/inbox/settings/hours`);
    const target = manager.page.getByRole('form', { name: 'First-response target' });
    const minutes = target.getByLabel('First reply due within (minutes)');
    expect(await minutes.inputValue()).toBe('60');
    // Out of range: the field refuses it before anything is sent (the server would too: 400).
    await minutes.fill('2');
    await target.getByRole('button', { name: 'Save target' }).click();
    expect(await minutes.evaluate((el) => (el as HTMLInputElement).validity.rangeUnderflow)).toBe(true);
    expect(await target.getByText('First-response target saved').count()).toBe(0);
    await minutes.fill('5');
    await target.getByRole('button', { name: 'Save target' }).click();
    await target.getByText('First-response target saved').waitFor();

    try {
      const maya = await inboxTeammate(browser, baseUrl, 'maya@demo.test');
      contexts.push(maya.context);
      await maya.page.getByRole('link', { name: /SLA due soon/ }).click();
      await maya.page.getByRole('heading', { name: 'SLA: first reply due soon or breached' }).waitFor();

      const subject = `I want to talk to a person about order ${Date.now()}`;
      const shopper = await shopperAsksForHuman(browser, baseUrl, subject);
      contexts.push(shopper.context);

      // Five minutes to the first reply: due soon at once, live in Maya's SLA view.
      const row = maya.page.getByTestId('ticket-row').filter({ hasText: subject });
      await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
      await row.getByTestId('sla-due_soon').waitFor();
      expect(await row.getByTestId('sla-due_soon').textContent()).toBe('Reply due soon');

      // Its page says so too; opening it reads it, and Back to list keeps the row read.
      await row.getByRole('link').click();
      const view = maya.page.getByTestId('ticket-view');
      await view.getByTestId('sla-due_soon').waitFor();
      await view.getByRole('button', { name: 'Back to list' }).click();
      await expect.poll(() => row.getByTestId('unread').count()).toBe(0);

      // The shopper writes again: Maya's row shows it and turns unread, live.
      await shopper.page.getByRole('textbox', { name: 'Message' }).fill('Hello? Anyone there about my order?');
      await shopper.page.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => row.getByTestId('row-preview').textContent(), { timeout: 10_000 })
        .toBe('Customer: Hello? Anyone there about my order?');
      await row.getByTestId('unread').waitFor();
    } finally {
      await manager.page.evaluate(async () => {
        await fetch('/api/settings/sla', {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ firstResponseMinutes: 60 }),
        });
      });
    }
  });
});
