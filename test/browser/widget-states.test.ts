// States that tell the truth, in real Chromium: with web chat switched off the storefront shows no
// launcher at all; with handoff off there is no "Talk to a person"; after "continue by email" the
// chat says the team replies by email and offers no reply box. Settings are changed through the
// real settings API and put back afterwards (the browser suite shares one worker).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { askTheAgent, continueByEmail, launchBrowser } from '../support/browser';

let browser: Browser;
let admin: BrowserContext;
const baseUrl = inject('baseUrl');

type Settings = Record<string, Record<string, unknown>>;

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await browser.newContext();
  const res = await admin.request.post(`${baseUrl}/api/auth/sign-in`, {
    data: { email: 'owner@demo.test', password: 'demo-password' },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(200);
});
afterAll(async () => {
  await admin?.close();
  await browser?.close();
});

async function settings(request: APIRequestContext): Promise<Settings> {
  return ((await (await request.get(`${baseUrl}/api/settings`)).json()) as { settings: Settings }).settings;
}

async function put(request: APIRequestContext, section: string, body: unknown) {
  const res = await request.put(`${baseUrl}/api/settings/${section}`, { data: body, headers: { origin: baseUrl } });
  expect(res.status(), await res.text()).toBe(200);
}

describe('honest widget states', () => {
  it('web chat switched off: no launcher at all; back on: the launcher returns', async () => {
    const before = await settings(admin.request);
    await put(admin.request, 'channels', { ...before.channels, webChat: { enabled: false } });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const config = page.waitForResponse((r) => r.url().includes('/api/widget/config'));
      await page.goto(`${baseUrl}/`);
      await config;
      await page.waitForTimeout(300); // the loader has had the config's answer; nothing may appear after it
      expect(await page.locator('[data-baton]').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Open chat' }).count()).toBe(0);
      await context.close();
    } finally {
      await put(admin.request, 'channels', before.channels);
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Open chat', exact: true }).waitFor();
    await context.close();
  });

  it('handoff off: no "Talk to a person"', async () => {
    const before = await settings(admin.request);
    const handoff = before.handoff as { channels: Record<string, Record<string, unknown>> };
    await put(admin.request, 'handoff', {
      ...handoff,
      channels: { ...handoff.channels, web_chat: { ...handoff.channels.web_chat, method: 'none' } },
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await page.getByRole('button', { name: 'Open chat', exact: true }).click();
      await page.getByRole('textbox', { name: 'Message' }).waitFor();
      expect(await page.getByTestId('baton-escalate').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Talk to a person' }).count()).toBe(0);
      await context.close();
    } finally {
      await put(admin.request, 'handoff', before.handoff);
    }
  });

  it('after "continue by email": the team replies by email, and there is no reply box for that handoff', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await askTheAgent(page, 'Where is my parcel? It has been two weeks');
    await continueByEmail(page, 'sam@shopper.test');
    await expect
      .poll(() => page.getByTestId('baton-handoff-status').textContent(), { timeout: 10_000 })
      .toBe('Our team will reply by email.');
    expect(await page.getByRole('textbox', { name: 'Message' }).isVisible()).toBe(false);
    const said = (await page.locator('[data-role=system]').allTextContents()).join(' ');
    expect(said).toContain('by email');
    expect(said).not.toMatch(/reply here/);
    // Still true after a reload, from the room's word (the browser keeps no memory of it).
    const saved = await page.evaluate(
      () => Object.entries(localStorage).find(([k]) => k.startsWith('baton:pk_') && !k.endsWith(':config'))?.[1] ?? '',
    );
    expect(saved).toContain('resumeToken');
    expect(saved).not.toContain('byEmail');
    await page.reload();
    await page.getByRole('button', { name: 'Open chat', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('baton-handoff-status').textContent(), { timeout: 10_000 })
      .toBe('Our team will reply by email.');
    expect(await page.getByRole('textbox', { name: 'Message' }).isVisible()).toBe(false);
    await context.close();
  });
});
