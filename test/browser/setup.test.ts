// First-run setup on an empty database, as on a fresh deployment: this file starts its own worker with
// migrations applied and no seed. The form refuses bad input (keeping what was typed), then creates the
// store and its Owner, signs them in to the inbox, and closes: /setup is 404 and a new submission 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWorker, type RunningWorker } from '../support/worker-server';

let browser: Browser;
let worker: RunningWorker;

beforeAll(async () => {
  [worker, browser] = await Promise.all([startWorker({}, { seed: false }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe('first-run setup', () => {
  it('creates the first store and its Owner once, signs them in, then closes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${worker.url}/setup`);
    await page.getByLabel('Store name').fill('Nordlicht <b>Shop</b>');
    await page.getByLabel('Your name').fill('Nora Owner');
    await page.getByLabel('Your email').fill('nora@nordlicht.test');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByRole('button', { name: 'Create store' }).click();
    // Refused: the password message, the typed store name kept (as text: no <b> element is made).
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Use at least 10 characters');
    expect(await page.getByLabel('Store name').inputValue()).toBe('Nordlicht <b>Shop</b>');
    expect(await page.locator('b').count()).toBe(0);

    await page.getByLabel(/^Password/).fill('a-good-long-password');
    await page.getByRole('button', { name: 'Create store' }).click();
    await page.waitForURL(`${worker.url}/inbox`);
    await page.getByTestId('signed-in-user').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Nora Owner');

    // Closed: the page is gone and a second submission is refused, even with a valid form.
    expect((await fetch(`${worker.url}/setup`)).status).toBe(404);
    const again = await fetch(`${worker.url}/setup`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: worker.url },
      body: 'storeName=Second&ownerName=Mallory&email=m%40x.test&password=0123456789abc',
    });
    expect(again.status).toBe(409);
    // The Owner signs in again with the password they chose.
    const signIn = await fetch(`${worker.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: worker.url },
      body: JSON.stringify({ email: 'nora@nordlicht.test', password: 'a-good-long-password' }),
    });
    expect(signIn.status).toBe(200);
    await page.close();
  });
});
