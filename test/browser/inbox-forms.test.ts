// The inbox's small forms, in real Chromium, after their copies became one piece each: a ticket's note
// and task (NotesTasks' AddForm), an API key and a webhook made, their secret shown once and put away
// again (insights/parts.tsx), and the searches of the knowledge articles and the catalog
// (settings/useSearchedList.tsx). Whatever a test makes on the suite's one worker it removes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inboxTeammate, launchBrowser } from '../support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const res = await fetch(`${baseUrl}/__demo/tickets`, { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function owner(): Promise<Page> {
  const { context, page } = await inboxTeammate(browser, baseUrl, 'owner@demo.test');
  contexts.push(context);
  // Revoke and Delete ask first: the test says yes.
  page.on('dialog', (d) => void d.accept());
  return page;
}

describe('forms', () => {
  it('a ticket takes an internal note and a follow-up task; each button waits for its fields', async () => {
    const page = await owner();
    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('liam.chen@example.com');
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await page.getByTestId('ticket-row').first().locator('a').click();
    const work = page.getByRole('region', { name: 'Notes and tasks' });
    await work.waitFor();

    const addNote = work.getByRole('button', { name: 'Add note' });
    expect(await addNote.isDisabled()).toBe(true);
    const note = `Asked the warehouse about size 10 (${Date.now()})`;
    await work.getByLabel('Internal note').fill(note);
    await addNote.click();
    await work.getByText(note).waitFor();
    expect(await work.getByLabel('Internal note').inputValue()).toBe('');

    const addTask = work.getByRole('button', { name: 'Add task' });
    const title = `Call back ${Date.now()}`;
    await work.getByLabel('Task', { exact: true }).fill(title);
    expect(await addTask.isDisabled()).toBe(true); // no due date yet
    await work.getByLabel('Due').fill('2030-01-15T10:30');
    await addTask.click();
    await work.getByText(title).waitFor();
    expect(await work.getByLabel('Task', { exact: true }).inputValue()).toBe('');
  });

  it('an API key is made with its secret shown once, then revoked', async () => {
    const page = await owner();
    await page.goto(`${baseUrl}/inbox/insights/api-keys`);
    const name = `Forms test ${Date.now()}`;
    await page.getByLabel('Key name').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    expect(await page.getByTestId('api-key-secret').textContent()).toMatch(/^sk_/);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^Revoked/).waitFor();
  });

  it('a webhook refused by the server says why and keeps the fields; a good one shows its secret, then is deleted', async () => {
    const page = await owner();
    await page.goto(`${baseUrl}/inbox/insights/webhooks`);
    const form = page.getByRole('form', { name: 'New webhook' });
    const url = `https://example.com/forms-test-${Date.now()}`;
    await form.getByLabel('Endpoint URL').fill(url);
    await form.getByLabel(/^Events/).fill(',');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByLabel('Endpoint URL').inputValue()).toBe(url);
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);

    await form.getByLabel(/^Events/).fill('Placed Order');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByTestId('webhook-secret').waitFor();
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(await form.getByLabel('Endpoint URL').inputValue()).toBe('');
    const hook = page.getByRole('region', { name: `Webhook ${url}` });
    await hook.getByText('Placed Order').waitFor();
    await hook.getByRole('button', { name: 'Delivery log' }).click();
    await hook.getByRole('columnheader', { name: 'Attempts' }).waitFor();
    await hook.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => hook.count()).toBe(0);
  });

  it('the knowledge articles and the catalog are searched as you type', async () => {
    const page = await owner();
    await page.goto(`${baseUrl}/inbox/settings/knowledge`);
    const articles = page.getByTestId('articles');
    await articles.getByText(/^\d+ articles?$/).waitFor();
    const all = await articles.locator('ul.articles > li').count();
    await articles.getByRole('searchbox', { name: 'Search articles' }).fill('gift');
    await expect.poll(() => articles.locator('ul.articles > li').count()).toBeLessThan(all);
    expect(await articles.locator('ul.articles > li').count()).toBeGreaterThan(0);

    const products = page.getByTestId('products');
    await products.getByRole('searchbox', { name: 'Search products' }).fill('tent');
    await expect
      .poll(async () => (await products.locator('tbody tr').allTextContents()).every((t) => /tent/i.test(t)))
      .toBe(true);
    expect(await products.locator('tbody tr').count()).toBeGreaterThan(0);
  });
});
