// The Performance page's charts in real Chromium, on the demo store's tickets: each chart's title names
// its unit, its y-axis is labelled from 0 to a round top at or above the largest value in the table
// beside it (rates end at 100 %), the days are written under the bars, and the text is not stretched;
// the Metrics page's chart of one event has its per-day numbers beside it too.
import { describe, expect, inject, it } from 'vitest';
import { askTheAgent, browserForFile } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

describe('performance charts', () => {
  it('label their axes in the unit of the figures beside them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signIn = await context.request.post(`${baseUrl}/api/auth/sign-in`, {
      data: { email: 'owner@demo.test', password: 'demo-password' },
      headers: { origin: baseUrl },
    });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    // Today has at least one conversation (the report counts it once the room's index row is written).
    await page.goto(`${baseUrl}/`);
    await askTheAgent(page, 'do you ship to canada?');
    await expect
      .poll(async () => {
        const report = (await (await context.request.get(`${baseUrl}/api/reports/performance`)).json()) as {
          totals: { conversations: number };
        };
        return report.totals.conversations;
      })
      .toBeGreaterThan(0);
    await page.goto(`${baseUrl}/inbox/insights/performance`);

    const conversations = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Conversations per day (count)' }),
    });
    await conversations.locator('svg.chart').waitFor();
    const values = (await conversations.locator('tbody td.n').allTextContents()).map(
      (v) => Number(v.replace(/,/g, '')) || 0,
    );
    const ticks = await conversations.locator('svg.chart text.tick').allTextContents();
    const yTicks = ticks.slice(0, 3).map((t) => Number(t.replace(/,/g, '')));
    expect(yTicks[0]).toBe(0);
    expect(Math.max(...values)).toBeGreaterThan(0);
    expect(yTicks[2]).toBeGreaterThanOrEqual(Math.max(...values));
    expect(yTicks[1]).toBe(yTicks[2]! / 2);
    const days = await conversations.locator('tbody td:first-child').allTextContents();
    expect(ticks.slice(3)).toContain(days[0]);
    expect(ticks.slice(3)).toContain(days[days.length - 1]);
    // Uniform scaling: the chart's rendered aspect ratio is its viewBox's.
    const ratio = await conversations.locator('svg.chart').evaluate((svg: SVGSVGElement) => {
      const box = svg.viewBox.baseVal;
      const rect = svg.getBoundingClientRect();
      return rect.width / rect.height / (box.width / box.height);
    });
    expect(ratio).toBeCloseTo(1, 1);

    const resolution = page.locator('section.card', {
      has: page.getByRole('heading', { name: 'Resolution rate per day (% of conversations)' }),
    });
    expect((await resolution.locator('svg.chart text.tick').allTextContents()).slice(0, 3)).toEqual([
      '0.0%',
      '50.0%',
      '100.0%',
    ]);

    // Metrics: an event's daily bars have its per-day numbers beside them, summing to its total.
    await page.goto(`${baseUrl}/inbox/insights/metrics`);
    const started = page.getByRole('row', { name: /Started Conversation/ });
    const total = Number((await started.locator('td.n').textContent())!.replace(/,/g, ''));
    await started.getByRole('link', { name: 'Started Conversation' }).click();
    const perDay = page.getByRole('table', { name: 'Started Conversation per day' });
    await perDay.waitFor();
    expect(await perDay.locator('thead th').allTextContents()).toEqual(['Day', 'Events']);
    const counts = (await perDay.locator('tbody td.n').allTextContents()).map((v) => Number(v.replace(/,/g, '')));
    expect(counts.every((n) => n > 0)).toBe(true); // days without the event are left out
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    await context.close();
  });
});
