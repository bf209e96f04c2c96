// Segment (1) of customer-agent-events.txt built in the insights UI: a shopper signed in on the
// storefront gets product cards from the widget (Received Product Recommendation), the store's server
// sends orders through the real track API, and the builder's live count and saved segment show exactly
// who should get the follow-up: until that shopper orders after the recommendation.
import { describe, expect, inject, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { browserForFile, openSignedInChat } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');
const JAMIE = 'jamie@shopper.test'; // the demo storefront's "Sign in" (customer demo-customer-1)
const REC = 'Received Product Recommendation';

async function ownerApiKey(request: APIRequestContext): Promise<string> {
  const signIn = await request.post(`${baseUrl}/api/auth/sign-in`, {
    data: { email: 'owner@demo.test', password: 'demo-password' },
    headers: { origin: baseUrl },
  });
  expect(signIn.status()).toBe(200);
  const key = await request.post(`${baseUrl}/api/api-keys`, {
    data: { name: 'segments browser test' },
    headers: { origin: baseUrl },
  });
  expect(key.status()).toBe(201);
  return ((await key.json()) as { secret: string }).secret;
}

async function track(apiKey: string, body: Record<string, unknown>) {
  const res = await fetch(`${baseUrl}/api/track`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
}

async function shopperGetsRecommendations(page: Page) {
  await openSignedInChat(page, baseUrl);
  await page.getByRole('textbox', { name: 'Message' }).fill('I need running shoes under $150');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.locator('.card[data-sku]').first().waitFor();
}

const members = (page: Page) => page.getByTestId('segment-member').getByRole('link').allTextContents();

describe('segments in the insights UI', () => {
  it('builds segment (1) with the builder and sees the expected member, live and saved', async () => {
    const team = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const apiKey = await ownerApiKey(team.request);

    const shop = await browser.newContext();
    await shopperGetsRecommendations(await shop.newPage());
    // An order Jamie placed an hour before the recommendation does not take them out of the segment;
    // Robin ordered but never got a recommendation.
    await track(apiKey, {
      id: `jamie-earlier-${Date.now()}`,
      event: 'Placed Order',
      profile: { externalId: 'demo-customer-1' },
      time: Date.now() - 3600_000,
      properties: { orderId: `J-${Date.now()}`, value: 80 },
    });
    await track(apiKey, {
      id: `robin-${Date.now()}`,
      event: 'Placed Order',
      profile: { externalId: 'robin-1', email: 'robin@shopper.test' },
      properties: { orderId: `R-${Date.now()}`, value: 45 },
    });

    const page = await team.newPage();
    await page.goto(`${baseUrl}/inbox`);
    await page.getByTestId('nav-insights').click();
    await page.getByRole('navigation', { name: 'Insights' }).getByRole('link', { name: 'Segments' }).click();

    // Condition 1: has at least 1 Received Product Recommendation in the last 14 days.
    await page.getByLabel('Condition 1 how often').selectOption('at_least');
    await page.getByLabel('Condition 1 times').fill('1');
    await page.getByLabel('Condition 1 event').fill(REC);
    await page.getByLabel('Condition 1 when').selectOption('last_days');
    await page.getByLabel('Condition 1 days').fill('14');
    // AND condition 2: has not Placed Order since (the latest) Received Product Recommendation.
    await page.getByRole('button', { name: 'Add “has not done since” condition' }).click();
    await page.getByLabel('Condition 2 event', { exact: true }).fill('Placed Order');
    await page.getByLabel('Condition 2 since event').fill(REC);
    await expect
      .poll(() => page.getByTestId('segment-count').textContent(), { timeout: 10_000 })
      .toMatch(/^\d+ profiles? match$/);
    await expect.poll(() => members(page), { timeout: 10_000 }).toContain(JAMIE);
    expect(await members(page)).not.toContain('robin@shopper.test');

    // Save it; the saved segment lists the same member and offers the exports.
    await page.getByLabel('Segment name').fill('Re-engage: recommended, no order since');
    await page.getByRole('button', { name: 'Save segment' }).click();
    await page.getByRole('heading', { name: 'Re-engage: recommended, no order since' }).waitFor();
    expect(page.url()).toMatch(/\/inbox\/insights\/segments\/[0-9a-f-]{36}$/);
    const saved = page.getByRole('region', { name: /Members/ });
    await expect.poll(() => saved.getByTestId('segment-member').getByRole('link').allTextContents()).toContain(JAMIE);
    expect(await saved.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(/\/export\?format=csv$/);

    // Jamie orders now, after the recommendation: out of the segment.
    await track(apiKey, {
      id: `jamie-now-${Date.now()}`,
      event: 'Placed Order',
      profile: { externalId: 'demo-customer-1' },
      properties: { orderId: `J2-${Date.now()}`, value: 120 },
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Re-engage: recommended, no order since' }).waitFor();
    await expect.poll(() => page.getByTestId('segment-count').textContent(), { timeout: 10_000 }).toMatch(/match$/);
    await expect.poll(() => members(page)).not.toContain(JAMIE);

    // The member links to the shopper's profile: the activity feed shows the recommendation.
    await page.goto(`${baseUrl}/inbox/insights/profiles?q=${encodeURIComponent(JAMIE)}`);
    await page.getByRole('link', { name: JAMIE }).click();
    await page.getByTestId('profile-title').waitFor();
    await expect
      .poll(() => page.getByTestId('event-item').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(REC)]));
    await shop.close();
    await team.close();
  });
});
