// XSS corpus in real Chromium (issue 13, attack suite): a signed-in shopper sends 160 injection payloads
// (test/support/xss-corpus.ts) through the widget, then asks for a person; the payloads are then shown
// in the shopper's widget and in a teammate's inbox transcript. Every payload would call
// window.__xss(n) (or alert) if it ran. Asserts: 0 calls, 0 dialogs, every payload visible as text,
// and no element injected into a rendered message.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserForFile, openSignedInChat } from '../support/browser';
import { packPayloads, xssCorpus } from '../support/xss-corpus';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

declare global {
  interface Window {
    __xss?: (n: number) => void;
    __xssHits?: number[];
  }
}

/** A context whose pages record any payload that runs, and count dialogs (alert/confirm/prompt). */
async function watchedContext(): Promise<{
  context: BrowserContext;
  page: Page;
  dialogs: () => number;
  hits: () => Promise<number[]>;
}> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__xssHits = [];
    window.__xss = (n: number) => window.__xssHits!.push(n);
  });
  const page = await context.newPage();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  return { context, page, dialogs: () => dialogs, hits: () => page.evaluate(() => window.__xssHits ?? []) };
}

const INJECTED =
  'img, script, iframe, svg, math, object, embed, video, audio, style, form, input, textarea, select, details, marquee, meta, base, link, template, a[href^="javascript"]';

describe('XSS corpus rendered in the widget and the inbox', () => {
  it('shows 100+ payloads as text in both; none runs', async () => {
    const corpus = xssCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    const marker = `XSS corpus ${crypto.randomUUID().slice(0, 8)}`;
    const messages = [marker, ...packPayloads(corpus, 1900)];

    // The shopper: signed in on the demo storefront, so asking for a person makes an Inbox ticket.
    const shopper = await watchedContext();
    await openSignedInChat(shopper.page, baseUrl);
    const box = shopper.page.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    for (const text of messages) {
      const before = await shopper.page.locator('[data-role=shopper]').count();
      await box.fill(text);
      await shopper.page.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => shopper.page.locator('[data-role=shopper]').count(), { timeout: 10_000 })
        .toBe(before + 1);
    }
    await box.fill('I want to talk to a person');
    await shopper.page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => shopper.page.locator('[data-role=system]').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/teammate will reply here/)]));

    const widgetText = (await shopper.page.locator('[data-role=shopper]').allTextContents()).join('\n');
    const missingInWidget = corpus.filter((p) => !widgetText.includes(p));
    expect(missingInWidget).toEqual([]);
    expect(await shopper.page.locator(`[data-role=shopper] :is(${INJECTED})`).count()).toBe(0);

    // A teammate opens the ticket in the inbox.
    const teammate = await watchedContext();
    await teammate.page.goto(`${baseUrl}/inbox`);
    await teammate.page.getByLabel('Email').fill('owner@demo.test');
    await teammate.page.getByLabel('Password').fill('demo-password');
    await teammate.page.getByRole('button', { name: 'Sign in' }).click();
    await teammate.page.getByTestId('signed-in-user').waitFor();
    const ticketId = await teammate.page.evaluate(async (mark) => {
      const list = (await (await fetch('/api/tickets?view=all&status=open')).json()) as {
        tickets: Array<{ id: string }>;
      };
      for (const t of list.tickets.slice(0, 20)) {
        const detail = await (await fetch(`/api/tickets/${t.id}`)).text();
        if (detail.includes(mark)) return t.id;
      }
      return null;
    }, marker);
    expect(ticketId).not.toBeNull();
    await teammate.page.goto(`${baseUrl}/inbox?ticket=${ticketId}`);
    await expect
      .poll(
        async () =>
          (await teammate.page.locator('li.msg[data-role=shopper]').allTextContents()).join('\n').includes(marker),
        { timeout: 15_000 },
      )
      .toBe(true);
    const inboxText = (await teammate.page.locator('li.msg[data-role=shopper]').allTextContents()).join('\n');
    expect(corpus.filter((p) => !inboxText.includes(p))).toEqual([]);
    expect(await teammate.page.locator(`li.msg :is(${INJECTED})`).count()).toBe(0);

    // Give any deferred handler (onload, autofocus, media errors) time to fire before counting.
    await Promise.all([shopper.page.waitForTimeout(500), teammate.page.waitForTimeout(500)]);
    expect(await shopper.hits()).toEqual([]);
    expect(await teammate.hits()).toEqual([]);
    expect(shopper.dialogs()).toBe(0);
    expect(teammate.dialogs()).toBe(0);
    console.log(
      `XSS corpus: ${corpus.length} payloads in ${messages.length - 1} messages, rendered in widget and inbox, 0 executions`,
    );
    await Promise.all([shopper.context.close(), teammate.context.close()]);
  }, 120_000);
});
