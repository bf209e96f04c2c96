// Real headless Chromium (Debian's package) driven by playwright-core, and the steps many browser
// tests share.
import { afterAll, beforeAll } from 'vitest';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function browserForFile(): Pick<Browser, 'newContext' | 'newPage'> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const launched = () => {
    if (!browser) throw new Error('Chromium is not running: use the browser inside a test');
    return browser;
  };
  return { newContext: (options) => launched().newContext(options), newPage: (options) => launched().newPage(options) };
}

/** Opens the widget on a storefront page and waits for its message box. */
export async function openChat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Open chat', exact: true }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

/** On the demo storefront: signs in as its demo shopper, then opens the widget at its message box. */
export async function openSignedInChat(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: /Signed in as/ }).waitFor();
  await openChat(page);
}

/** Opens the widget on a storefront page, sends one message and waits for the Customer Agent's answer. */
export async function askTheAgent(page: Page, text: string): Promise<void> {
  await openChat(page);
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('[data-role=agent]').first().waitFor();
}

/** In an open chat as an anonymous shopper: asks for a person and leaves an email address. */
export async function continueByEmail(page: Page, address: string): Promise<void> {
  await page.getByTestId('baton-escalate').click();
  const choice = page.getByTestId('baton-handoff-choice');
  await choice.getByRole('textbox', { name: 'Email address' }).fill(address);
  await choice.getByRole('button', { name: 'Continue by email' }).click();
}

type ContextMaker = Pick<Browser, 'newContext'>;

/** A teammate signed in to the inbox in a context of its own, its live socket connected. */
export async function inboxTeammate(
  browser: ContextMaker,
  baseUrl: string,
  email: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/inbox`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor();
  await expect.poll(() => page.locator('.live-live').count()).toBe(1); // the inbox socket is connected
  return { context, page };
}

/** A signed-in shopper on the demo storefront who asks for a person in the widget. */
export async function shopperAsksForHuman(
  browser: ContextMaker,
  baseUrl: string,
  text: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openSignedInChat(page, baseUrl);
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect
    .poll(() => page.locator('[data-role=system]').allTextContents(), { timeout: 10_000 })
    .toEqual(expect.arrayContaining([expect.stringMatching(/teammate will reply here/)]));
  return { context, page };
}
