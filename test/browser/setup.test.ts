// First-run setup on an empty database, as on a fresh deployment: this file starts its own workers with
// migrations applied and no seed. Without a SETUP_TOKEN secret the page only explains how to set one and
// refuses submissions. With one, the form refuses a wrong token and bad input (keeping what was typed),
// then creates the store and its Owner, signs them in to the inbox, and closes: /setup is 404 and a new
// submission 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWorker, type RunningWorker } from '../support/worker-server';

let browser: Browser;
let worker: RunningWorker;
let tokenless: RunningWorker;
const SETUP_TOKEN = 'fresh-deployment-setup-token-7f3a';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const validForm = { storeName: 'Second', ownerName: 'Mallory', email: 'm@x.test', password: '0123456789abc' };

beforeAll(async () => {
  [worker, tokenless, browser] = await Promise.all([
    startWorker({ SETUP_TOKEN }, { seed: false }),
    startWorker({}, { seed: false }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await tokenless?.stop();
});

const postSetup = (base: string, body: string) =>
  fetch(`${base}/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
    body,
    redirect: 'manual',
  });

describe('first-run setup', () => {
  it('stays shut on a deployment without a setup token: the page says how to set one, a submission is 403', async () => {
    const page = await browser.newPage();
    await page.goto(`${tokenless.url}/setup`);
    expect(await page.getByRole('alert').textContent()).toContain('npx wrangler secret put SETUP_TOKEN');
    expect(await page.getByRole('button', { name: 'Create store' }).count()).toBe(0);
    await page.close();
    const res = await postSetup(tokenless.url, form({ ...validForm, setupToken: '' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('setup_token_not_set');
    // Nothing was created: the page is still there (it closes only once a store exists).
    expect((await fetch(`${tokenless.url}/setup`)).status).toBe(200);
  });

  it('creates the first store and its Owner once, signs them in, then closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${worker.url}/setup`);
    // A wrong setup token is refused before anything else is looked at; nothing is created.
    await page.getByLabel(/^Setup token/).fill('a-guess-at-the-setup-token');
    await page.getByLabel('Store name').fill('Nordlicht <b>Shop</b>');
    await page.getByLabel('Your name').fill('Nora Owner');
    await page.getByLabel('Your email').fill('nora@nordlicht.test');
    await page.getByLabel(/^Password/).fill('a-good-long-password');
    await page.getByRole('button', { name: 'Create store' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('This is not the setup token set on this deployment');
    expect((await postSetup(worker.url, form({ ...validForm, setupToken: 'x' }))).status).toBe(403);

    await page.getByLabel(/^Setup token/).fill(SETUP_TOKEN);
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create store' }).click();
    // Refused: the password message, the typed store name kept (as text: no <b> element is made).
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Use at least 10 characters');
    expect(await page.getByLabel('Store name').inputValue()).toBe('Nordlicht <b>Shop</b>');
    expect(await page.locator('b').count()).toBe(0);

    await page.getByLabel(/^Setup token/).fill(SETUP_TOKEN);
    await page.getByLabel(/^Password/).fill('a-good-long-password');
    await page.getByRole('button', { name: 'Create store' }).click();
    await page.waitForURL(`${worker.url}/inbox`);
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Nora Owner');

    // Closed: the page is gone and a second submission is refused, even with a valid form.
    expect((await fetch(`${worker.url}/setup`)).status).toBe(404);
    expect((await postSetup(worker.url, form({ ...validForm, setupToken: SETUP_TOKEN }))).status).toBe(409);
    // The Owner signs in again with the password they chose.
    const signIn = await fetch(`${worker.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker.url },
      body: JSON.stringify({ email: 'nora@nordlicht.test', password: 'a-good-long-password' }),
    });
    expect(signIn.status).toBe(200);
    await page.close();
  });
});
