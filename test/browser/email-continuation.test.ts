// Web chat "continue by email", end to end in real Chromium against `wrangler dev` with the email API
// stand-in (test/support/notification-standins.ts) as EMAIL_API_URL: an anonymous shopper leaves an
// email in the widget → the ticket is an email ticket started in web chat → a teammate replies in the
// inbox → the stand-in receives the email with its threading headers → the shopper's reply (with
// In-Reply-To, to the signed Reply-To, through wrangler's local /cdn-cgi/handler/email) appears on the
// same open ticket, live; the anonymous chat never shows the teammate's reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { askTheAgent, continueByEmail, launchBrowser } from '../support/browser';
import { startWorker, type RunningWorker } from '../support/worker-server';
import { startNotificationStandins, type ReceivedEmail } from '../support/notification-standins';

let browser: Browser;
let worker: RunningWorker;
let standin: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  standin = await startNotificationStandins();
  worker = await startWorker({ EMAIL_API_URL: `${standin.url}/email` });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await standin?.stop();
});

async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  return (
    (await (await fetch(`${standin.url}/__emails?to=${encodeURIComponent(address)}`)).json()) as {
      emails: ReceivedEmail[];
    }
  ).emails;
}

describe('continue by email', () => {
  it('teammate reply goes out as email with threading headers; the emailed answer lands on the same ticket live; none reaches the chat', async () => {
    const base = worker.url;
    const shopperAddress = `anon-${crypto.randomUUID().slice(0, 6)}@buyer.test`;
    const shopper = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const chat = await shopper.newPage();
    await chat.goto(`${base}/`);
    await askTheAgent(chat, 'My parcel never arrived, order 4242');
    await continueByEmail(chat, shopperAddress);
    await expect
      .poll(() => chat.locator('[data-role=system]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([`Our team will reply to ${shopperAddress} by email.`]));
    // One consistent thing: no reply box for this handoff.
    await expect.poll(() => chat.getByRole('textbox', { name: 'Message' }).count(), { timeout: 10_000 }).toBe(0);

    // The team: an email ticket, started in web chat.
    const team = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const inbox = await team.newPage();
    await inbox.goto(`${base}/inbox`);
    await inbox.getByLabel('Email').fill('owner@demo.test');
    await inbox.getByLabel('Password').fill('demo-password');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    await inbox.getByTestId('signed-in-user').waitFor();
    const list = (await (await team.request.get(`${base}/api/tickets?view=all&channel=email`)).json()) as {
      tickets: Array<{ id: string; subject: string; channel: string }>;
    };
    const ticket = list.tickets.find((t) => t.subject.startsWith('My parcel never arrived'));
    expect(ticket).toMatchObject({ channel: 'email' });
    await inbox.goto(`${base}/inbox?ticket=${ticket!.id}`);
    await inbox.getByTestId('ticket-view').waitFor();
    await expect.poll(() => inbox.locator('.live-live').count(), { timeout: 10_000 }).toBe(1);
    await inbox.getByTestId('email-origin').waitFor();
    expect(await inbox.getByTestId('email-thread').textContent()).toContain(shopperAddress);
    expect(await inbox.getByTestId('transcript').textContent()).toContain('My parcel never arrived, order 4242');

    await inbox.getByLabel('Reply to the shopper').fill('Sorry about that! We are sending a new parcel today.');
    await inbox.getByRole('button', { name: 'Send' }).click();
    const [sent] = await expect
      .poll(() => emailsTo(shopperAddress), { timeout: 20_000 })
      .toHaveLength(1)
      .then(() => emailsTo(shopperAddress));
    expect(sent).toMatchObject({
      subject: 'Re: My parcel never arrived, order 4242',
      replyTo: expect.stringMatching(/^reply\+[a-z2-7]{42}@/),
    });
    expect(sent!.text).toContain('Sorry about that! We are sending a new parcel today.');
    expect(sent!.headers!['Message-ID']).toMatch(/^<baton\.[0-9a-f]{32}@/);
    expect(sent!.headers!['Auto-Submitted']).toBeUndefined();
    await expect
      .poll(() => inbox.getByTestId('email-thread').locator('[data-direction=out]').getAttribute('data-state'), {
        timeout: 10_000,
      })
      .toBe('sent');

    // The shopper answers the email: it arrives through Email Routing (wrangler's local endpoint).
    const raw = [
      `From: <${shopperAddress}>`,
      `To: <${sent!.replyTo}>`,
      'Subject: Re: My parcel never arrived, order 4242',
      `Message-ID: <${crypto.randomUUID()}@buyer.test>`,
      `In-Reply-To: ${sent!.headers!['Message-ID']}`,
      `References: ${sent!.headers!['Message-ID']}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thank you, that is great!',
      '',
      `On Thu, ${sent!.from} wrote:`,
      '> Sorry about that!',
      '',
    ].join('\r\n');
    const routed = await fetch(
      `${base}/cdn-cgi/handler/email?from=${encodeURIComponent(shopperAddress)}&to=${encodeURIComponent(sent!.replyTo!)}`,
      { method: 'POST', body: raw },
    );
    expect(routed.ok).toBe(true);
    await expect
      .poll(() => inbox.getByTestId('transcript').locator('[data-role=shopper]').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Thank you, that is great!')]));
    expect((await inbox.getByTestId('transcript').textContent()) ?? '').not.toContain('> Sorry about that!');

    // The anonymous chat never shows the teammate's reply (also after a reload).
    await chat.reload();
    await chat
      .getByRole('button', { name: 'Open chat', exact: true })
      .click()
      .catch(() => undefined);
    await chat.locator('[data-role=system]').first().waitFor();
    expect(await chat.locator('[data-role=human]').count()).toBe(0);
    expect((await chat.content()).includes('We are sending a new parcel today')).toBe(false);
    await team.close();
    await shopper.close();
  });
});
