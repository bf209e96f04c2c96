// A message that was not delivered says so on its ticket, in real Chromium against `wrangler dev` with
// the Twilio stand-in (test/support/twilio-standin.ts) as TWILIO_API_BASE. The demo store's SMS is
// connected through the settings API (test/browser/sms-inbox.test.ts covers doing that on the page);
// a customer texts, asks for a person, then unsubscribes at the carrier (Twilio's own opt-out list);
// the teammate's reply in the inbox is refused by Twilio for good (21610) → after the queue's sender
// recorded it, the transcript shows "Not delivered by sms: <Twilio's reason>" under that reply, and
// nothing under the messages that went out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { startWorker, type RunningWorker } from '../support/worker-server';
import { startTwilioStandin, TWILIO_STANDIN_TOKEN } from '../support/twilio-standin';
import type { RunningPhoneStandin } from '../support/phone-standin';

let browser: Browser;
let worker: RunningWorker;
let twilio: RunningPhoneStandin;

beforeAll(async () => {
  twilio = await startTwilioStandin();
  worker = await startWorker({ TWILIO_API_BASE: twilio.url });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await twilio?.stop();
});

const STORE_NUMBER = '+15550002222';
const CUSTOMER = '+15557651111';
const ACCOUNT_SID = `AC${'7c'.repeat(16)}`;

async function standin<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `${twilio.url}${path}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
  );
  if (!res.ok) throw new Error(`stand-in ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const sentByTwilio = async () =>
  (await standin<{ messages: Array<{ to: string; body: string }> }>(`/__messages?accountSid=${ACCOUNT_SID}`)).messages;

/** The stand-in posts a signed inbound SMS to the worker, as Twilio would; waits until the worker answered it. */
async function textFromCustomer(webhookUrl: string, body: string): Promise<void> {
  const { messageSid } = await standin<{ messageSid: string }>('/__inbound', {
    accountSid: ACCOUNT_SID,
    url: webhookUrl,
    from: CUSTOMER,
    to: STORE_NUMBER,
    body,
  });
  const answered = async () =>
    (
      await standin<{ webhooks: Array<{ body: string; answered: number | null }> }>(
        `/__webhooks?accountSid=${ACCOUNT_SID}`,
      )
    ).webhooks.find((h) => h.body.includes(messageSid))?.answered ?? null;
  await expect.poll(answered, { timeout: 20_000 }).toBe(200);
}

/** Signs the context in as the demo Owner and connects SMS to the stand-in; returns the webhook URL. */
async function connectSms(context: BrowserContext): Promise<string> {
  const base = worker.url;
  const headers = { origin: base };
  const send = async (method: 'post' | 'put', path: string, data: unknown) => {
    const res = await context.request[method](`${base}${path}`, { data, headers });
    if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  await send('post', '/api/auth/sign-in', { email: 'owner@demo.test', password: 'demo-password' });
  await send('put', '/api/settings/channels', { sms: { enabled: true, senderNumber: STORE_NUMBER, twoWay: true } });
  const { connection } = (await send('put', '/api/settings/channels/sms/connection', {
    accountSid: ACCOUNT_SID,
    authToken: TWILIO_STANDIN_TOKEN,
  })) as { connection: { webhookUrl: string } };
  return connection.webhookUrl;
}

describe('undelivered messages on the ticket', () => {
  it('a reply the provider refuses for good shows "Not delivered by sms: <reason>" under it', async () => {
    const base = worker.url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const webhookUrl = await connectSms(context);

    // An SMS conversation handed to a person: an SMS ticket in the inbox.
    await textFromCustomer(webhookUrl, 'What is your return policy?');
    await textFromCustomer(webhookUrl, 'I want to talk to a real person');
    const smsTickets = async () =>
      (
        (await (await context.request.get(`${base}/api/tickets?view=all&channel=sms`)).json()) as {
          tickets: Array<{ id: string }>;
        }
      ).tickets;
    const [ticket] = await expect.poll(smsTickets, { timeout: 20_000 }).toHaveLength(1).then(smsTickets);
    await expect
      .poll(async () => (await sentByTwilio()).some((m) => m.body.includes('handing you over to a person')), {
        timeout: 20_000,
      })
      .toBe(true);
    const sentBefore = (await sentByTwilio()).length;

    // The customer unsubscribes at the carrier: Twilio refuses anything sent to them from now on.
    await standin('/__unsubscribe', { accountSid: ACCOUNT_SID, phone: CUSTOMER });

    const page = await context.newPage();
    await page.goto(`${base}/inbox?ticket=${ticket!.id}`);
    await page.getByTestId('ticket-view').waitFor();
    expect(await page.getByTestId('undelivered').count()).toBe(0); // everything so far went out
    const reply = 'Hi, this is the store team. Your return label is on its way.';
    await page.getByLabel('Reply to the shopper').fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();

    // The queue hands the reply to the SMS sender; Twilio refuses it (21610) and nothing is sent.
    // Opening the ticket again shows the reply marked, with Twilio's reason.
    const marked = async () => {
      await page.reload();
      await page.getByTestId('ticket-view').waitFor();
      return page.getByTestId('undelivered').allTextContents();
    };
    const [notice] = await expect.poll(marked, { timeout: 30_000, interval: 1_000 }).toHaveLength(1).then(marked);
    expect(notice).toMatch(/^Not delivered by sms: .*unsubscribed recipient/);
    const replyItem = page.getByTestId('transcript').locator('li', { hasText: reply });
    expect(await replyItem.getByTestId('undelivered').textContent()).toBe(notice);
    expect((await sentByTwilio()).length).toBe(sentBefore);
    await page.screenshot({ path: 'test-results/undelivered-sms.png' });
    await context.close();
  });
});
