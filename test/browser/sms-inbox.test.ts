// SMS end to end in real Chromium against `wrangler dev` with the Twilio stand-in
// (test/support/twilio-standin.ts) as TWILIO_API_BASE: the Owner connects SMS on Settings → Channels
// (the credentials are tested against the stand-in before they are saved, the token is never shown
// back, the webhook URL is what the page shows) → the stand-in posts a signed inbound SMS to that URL →
// the Customer Agent answers by SMS → the shopper asks for a person → an SMS ticket in the inbox with
// the number → the teammate's reply in the inbox reaches the stand-in and its signed status callbacks
// mark it delivered on the ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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
const CUSTOMER = '+15557650000';
const ACCOUNT_SID = `AC${'5b'.repeat(16)}`;

interface StandinMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
}

async function sentByTwilio(): Promise<StandinMessage[]> {
  return (
    (await (await fetch(`${twilio.url}/__messages?accountSid=${ACCOUNT_SID}`)).json()) as { messages: StandinMessage[] }
  ).messages;
}

/** The stand-in posts a signed inbound SMS to the worker, as Twilio would; resolves with the worker's answer. */
async function textFromCustomer(webhookUrl: string, body: string): Promise<number | null> {
  const res = await fetch(`${twilio.url}/__inbound`, {
    method: 'POST',
    body: JSON.stringify({ accountSid: ACCOUNT_SID, url: webhookUrl, from: CUSTOMER, to: STORE_NUMBER, body }),
  });
  const { messageSid } = (await res.json()) as { messageSid: string };
  const answered = async () => {
    const { webhooks } = (await (await fetch(`${twilio.url}/__webhooks?accountSid=${ACCOUNT_SID}`)).json()) as {
      webhooks: Array<{ body: string; answered: number | null }>;
    };
    return webhooks.find((h) => h.body.includes(messageSid))?.answered ?? null;
  };
  await expect.poll(answered, { timeout: 20_000 }).not.toBeNull();
  return answered();
}

describe('SMS in the inbox', () => {
  it("connect Twilio in settings → inbound SMS → agent answer → a person → the teammate's inbox reply reaches Twilio, delivered", async () => {
    const base = worker.url;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/inbox/settings/channels`);
    await page.getByLabel('Email').fill('owner@demo.test');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The SMS channel: sender number, two-way, on.
    const sms = page.getByTestId('channel-sms');
    await sms.getByLabel('SMS sender number').fill(STORE_NUMBER);
    await sms.getByLabel('This number is two-way').check();
    await sms.getByRole('switch', { name: 'SMS on' }).click();
    await page.getByRole('button', { name: 'Save channels' }).click();
    await expect.poll(() => page.getByTestId('channels-result').textContent()).toBe('Channels saved');

    // The Twilio connection: a wrong token is refused by the stand-in and nothing is stored.
    const connection = page.getByTestId('connection-sms');
    await expect.poll(() => connection.locator('dl').textContent()).toContain(STORE_NUMBER);
    expect(await connection.locator('.status').textContent()).toBe('not connected');
    await connection.getByLabel(/^Account SID/).fill(ACCOUNT_SID);
    await connection.getByLabel('Auth token').fill('not-the-token');
    await connection.getByRole('button', { name: 'Test and save' }).click();
    await expect
      .poll(() => connection.getByTestId('connection-sms-result').textContent())
      .toContain('Twilio did not accept these credentials');
    expect(await connection.locator('.status').textContent()).toBe('not connected');

    await connection.getByLabel('Auth token').fill(TWILIO_STANDIN_TOKEN);
    await connection.getByRole('button', { name: 'Test and save' }).click();
    await expect.poll(() => connection.getByTestId('connection-sms-result').textContent()).toBe('Tested and saved');
    expect(await connection.locator('.status').textContent()).toBe('connected');
    expect(await connection.getByTestId('saved-authToken').textContent()).toBe(
      `saved ••••${TWILIO_STANDIN_TOKEN.slice(-4)}`,
    );
    expect(await connection.getByLabel('Auth token').inputValue()).toBe('');
    expect(await page.content()).not.toContain(TWILIO_STANDIN_TOKEN);
    await connection.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => connection.getByTestId('connection-sms-result').textContent()).toBe('Connection works');
    const webhookUrl = await connection.getByTestId('webhook-url-sms').inputValue();
    expect(webhookUrl).toMatch(new RegExp(`^${base}/api/channels/sms/twilio/[^/]+$`));
    await page.screenshot({ path: 'test-results/sms-connection.png' });

    // A signed inbound SMS to the URL the page showed: a conversation, and the agent answers by SMS.
    expect(await textFromCustomer(webhookUrl, 'What is your return policy?')).toBe(200);
    const [answer] = await expect.poll(sentByTwilio, { timeout: 20_000 }).toHaveLength(1).then(sentByTwilio);
    expect(answer).toMatchObject({ to: CUSTOMER, from: STORE_NUMBER });

    // The customer asks for a person: an SMS ticket in the inbox with their number.
    expect(await textFromCustomer(webhookUrl, 'I want to talk to a real person')).toBe(200);
    const smsTickets = async () =>
      (
        (await (await context.request.get(`${base}/api/tickets?view=all&channel=sms`)).json()) as {
          tickets: Array<{ id: string; channel: string }>;
        }
      ).tickets;
    const [ticket] = await expect.poll(smsTickets, { timeout: 20_000 }).toHaveLength(1).then(smsTickets);
    // The handoff notice goes out by SMS too (before the teammate's reply is counted).
    await expect
      .poll(async () => (await sentByTwilio()).some((m) => m.body.includes('handing you over to a person')), {
        timeout: 20_000,
      })
      .toBe(true);
    const before = (await sentByTwilio()).length;
    await page.goto(`${base}/inbox?ticket=${ticket!.id}`);
    await page.getByTestId('ticket-view').waitFor();
    await expect
      .poll(() => page.getByTestId('phone-deliveries').textContent(), { timeout: 10_000 })
      .toContain(CUSTOMER);
    expect(await page.getByTestId('transcript').textContent()).toContain('I want to talk to a real person');

    // The teammate answers in the inbox: the stand-in receives it, and its status callbacks show "delivered".
    const reply = 'Hi, this is the store team. Your return label is on its way.';
    await page.getByLabel('Reply to the shopper').fill(reply);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(async () => (await sentByTwilio()).slice(before).map((m) => m.body), { timeout: 20_000 })
      .toEqual([reply]);
    expect((await sentByTwilio()).at(-1)).toMatchObject({ to: CUSTOMER, from: STORE_NUMBER });
    const last = page.getByTestId('phone-deliveries').locator('li').last();
    await expect.poll(() => last.getAttribute('data-state'), { timeout: 20_000 }).toBe('delivered');
    await page.screenshot({ path: 'test-results/sms-ticket.png' });
    await context.close();
  });
});
