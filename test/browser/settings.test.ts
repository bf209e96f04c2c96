// Merchant settings in a real browser against the suite's one worker (so whatever a test changes, it
// puts back): a Manager's name/greeting change reaches the storefront widget, an Agent sees read-only
// pages, the test sidebar names the rule that fired, and the copied embed snippet works on a blank page.
import { describe, expect, inject, it } from 'vitest';
import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { browserForFile, openChat } from '../support/browser';
import { serveHtml } from '../support/html-server';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

async function signedIn(email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const res = await context.request.post(`${baseUrl}/api/auth/sign-in`, {
    data: { email, password: 'demo-password' },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(200);
  return context;
}

async function generalSettings(request: APIRequestContext) {
  const res = await request.get(`${baseUrl}/api/settings`);
  return ((await res.json()) as { settings: { general: Record<string, unknown> } }).settings.general;
}

describe('settings pages', () => {
  it('a Manager changes the agent name and greeting; the storefront widget shows them on its next open', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // Signing in from a settings link lands back on that settings page.
    await page.goto(`${baseUrl}/inbox/settings/general`);
    await page.getByLabel('Email').fill('manager@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const name = page.getByRole('textbox', { name: 'Agent name', exact: true });
    await name.waitFor();
    const original = await generalSettings(context.request);
    try {
      await name.fill('Juniper');
      await page
        .getByRole('textbox', { name: 'Greeting', exact: true })
        .fill('Hello! I am Juniper, your trail guide. What are you looking for?');
      // Its own greeting for shoppers whose browser is in German (the name stays the default one).
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      await page
        .getByRole('textbox', { name: 'Greeting in German' })
        .fill('Hallo! Ich bin Juniper. Wonach suchen Sie?');
      await page.getByRole('button', { name: 'Save general settings' }).click();
      await expect.poll(() => page.getByTestId('general-result').textContent()).toBe('General settings saved');
      await page.screenshot({ path: 'test-results/settings-general.png' });

      const shopper = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const shop = await shopper.newPage();
      await shop.goto(`${baseUrl}/`);
      await openChat(shop);
      await expect
        .poll(() => shop.getByRole('dialog', { name: 'Chat with Juniper' }).count(), { timeout: 10_000 })
        .toBe(1);
      await expect
        .poll(() => shop.locator('[data-role=greeting]').textContent())
        .toContain('Hello! I am Juniper, your trail guide.');
      await shopper.close();
      const german = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE' });
      const laden = await german.newPage();
      await laden.goto(`${baseUrl}/`);
      await laden.getByRole('button', { name: 'Chat öffnen', exact: true }).click();
      await expect
        .poll(() => laden.locator('[data-role=greeting]').textContent(), { timeout: 10_000 })
        .toContain('Hallo! Ich bin Juniper.');
      await german.close();
    } finally {
      const res = await context.request.put(`${baseUrl}/api/settings/general`, {
        data: original,
        headers: { origin: baseUrl },
      });
      expect(res.status()).toBe(200);
      await context.close();
    }
  });

  it('an Agent sees every settings page read-only', async () => {
    const context = await signedIn('maya@demo.test');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/inbox/settings/general`);
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByRole('textbox', { name: 'Agent name', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save general settings' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Upload an image').isDisabled()).toBe(true);

    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Channels' }).click();
    await page.getByRole('switch', { name: 'Email on' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Email on' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save channels' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Guidance' }).click();
    await page.getByRole('button', { name: 'Save guidance' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save guidance' }).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Embed' }).click();
    await page.getByTestId('embed-snippet').waitFor();
    expect(await page.getByRole('button', { name: /identity key/ }).count()).toBe(0);
    // No audit log for an Agent, and the server refuses a write even if the UI were bypassed.
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    const write = await context.request.put(`${baseUrl}/api/settings/general`, {
      data: { agentName: 'Nope' },
      headers: { origin: baseUrl },
    });
    expect(write.status()).toBe(403);
    await page.screenshot({ path: 'test-results/settings-read-only.png' });
    await context.close();
  });

  it('a Manager adds, switches off, reorders and deletes escalation and routing rules (the shared rule editor)', async () => {
    const context = await signedIn('manager@demo.test');
    const page = await context.newPage();
    const settingsNow = async () =>
      (
        (await (await context.request.get(`${baseUrl}/api/settings`)).json()) as {
          settings: { escalation: { rules: Array<{ name: string; enabled: boolean; keywords: string[] }> } };
        }
      ).settings;

    // Guidance → Escalation rules: a new keyword rule, saved; then off; then deleted.
    await page.goto(`${baseUrl}/inbox/settings/guidance`);
    const escalation = page.getByTestId('escalation-rules');
    await escalation.getByRole('button', { name: 'Add a rule' }).click();
    const added = escalation.locator('li.rule').last();
    await added.getByLabel('Name').fill('Refund words');
    await added.getByLabel('Keywords and phrases (comma separated)').fill('money back, refund now');
    await page.getByRole('button', { name: 'Save guidance' }).click();
    await page.getByText('Guidance saved').waitFor();
    expect((await settingsNow()).escalation.rules.find((r) => r.name === 'Refund words')).toMatchObject({
      enabled: true,
      keywords: ['money back', 'refund now'],
    });
    await added.getByLabel('Enabled').uncheck();
    await page.getByRole('button', { name: 'Save guidance' }).click();
    await expect
      .poll(async () => (await settingsNow()).escalation.rules.find((r) => r.name === 'Refund words')?.enabled)
      .toBe(false);
    // The built-in rule has no Delete; the added one does.
    expect(await escalation.locator('li.rule').first().getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await added.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Save guidance' }).click();
    await expect
      .poll(async () => (await settingsNow()).escalation.rules.some((r) => r.name === 'Refund words'))
      .toBe(false);

    // Handoff → Routing rules: two rules after whatever the store has, the second moved up, both deleted again.
    const routingNames = async () =>
      (
        (await (await context.request.get(`${baseUrl}/api/settings`)).json()) as {
          settings: { handoff: { routingRules: Array<{ name: string }> } };
        }
      ).settings.handoff.routingRules.map((r) => r.name);
    const before = await routingNames();
    await page.goto(`${baseUrl}/inbox/settings/handoff`);
    const routing = page.getByTestId('routing-rules');
    for (const name of ['First rule', 'Second rule']) {
      await routing.getByRole('button', { name: 'Add a routing rule' }).click();
      await routing.locator('li.rule').last().getByLabel('Name').fill(name);
    }
    await routing.getByRole('button', { name: 'Move Second rule up' }).click();
    expect(await routing.getByRole('button', { name: 'Move First rule down' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save handoff settings' }).click();
    await page.getByText('Handoff settings saved; they apply to new handoffs').waitFor();
    expect(await routingNames()).toEqual([...before, 'Second rule', 'First rule']);
    for (let i = 0; i < 2; i++) await routing.locator('li.rule').last().getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Save handoff settings' }).click();
    await expect.poll(routingNames).toEqual(before);
    await context.close();
  });

  it('the test sidebar shows the rule that fired for "I want to talk to a human"', async () => {
    const context = await signedIn('manager@demo.test');
    const page = await context.newPage();
    await page.goto(`${baseUrl}/inbox/settings/guidance`);
    await page.getByRole('button', { name: 'Test your agent' }).click();
    const sidebar = page.getByRole('complementary', { name: 'Test your agent' });
    await sidebar.getByRole('textbox', { name: 'Test message' }).fill('I want to talk to a human');
    await sidebar.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => sidebar.getByTestId('fired').last().textContent(), { timeout: 10_000 })
      .toBe('Rule fired: Shopper asks for a human (human_request) · shopper requested');
    expect(await sidebar.getByTestId('handoff-preview').last().textContent()).toContain('sign in');

    await sidebar.getByRole('textbox', { name: 'Test message' }).fill('Do you ship to Canada?');
    await sidebar.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => sidebar.getByTestId('fired').last().textContent(), { timeout: 10_000 })
      .toMatch(/^Skill: answer · confidence \d\.\d\d/);
    await page.screenshot({ path: 'test-results/settings-test-sidebar.png' });
    await context.close();
  });

  it('the embed snippet copied from the page works when pasted into a blank page', async () => {
    const context = await signedIn('owner@demo.test');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/inbox/settings/embed`);
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await expect.poll(() => page.getByText('Copied', { exact: true }).count()).toBe(1);
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain(`src="${baseUrl}/widget.js"`);
    expect(snippet).toMatch(/data-site-key="pk_[0-9a-f]+"/);

    // A blank page on its own loopback origin (Chromium blocks public origins from loading loopback scripts).
    const blank = await serveHtml(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><p>Blank page</p>\n${snippet}\n</body></html>`,
    );
    try {
      const shopper = await browser.newContext();
      const shop = await shopper.newPage();
      await shop.goto(blank.url);
      await openChat(shop);
      await shop.getByRole('textbox', { name: 'Message' }).fill('What is your return policy?');
      await shop.getByRole('button', { name: 'Send' }).click();
      await shop.locator('[data-role=agent]').first().waitFor({ timeout: 10_000 });
      expect((await shop.locator('[data-role=agent]').first().textContent())!.length).toBeGreaterThan(20);
      await shopper.close();
    } finally {
      await blank.close();
      await context.close();
    }
  });
});
