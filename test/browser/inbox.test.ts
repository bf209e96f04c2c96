import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForFile, inboxTeammate, shopperAsksForHuman } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

const teammate = (email: string) => inboxTeammate(browser, baseUrl, email);

const count = (page: Page, view: string) => page.getByTestId(`count-${view}`).textContent();

describe('the inbox with two agents Online', () => {
  it('hands one ticket to each, carries replies both ways live, and "No assignee" moves a ticket to Unassigned', async () => {
    const maya = await teammate('maya@demo.test');
    const leo = await teammate('leo@demo.test');
    for (const agent of [maya, leo]) {
      const toggle = agent.page.getByTestId('presence-switch');
      expect(await toggle.getAttribute('aria-checked')).toBe('false');
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    }
    const before = { maya: Number(await count(maya.page, 'mine')), leo: Number(await count(leo.page, 'mine')) };

    const first = await shopperAsksForHuman(browser, baseUrl, 'I want to talk to a person about order 1001');
    const second = await shopperAsksForHuman(browser, baseUrl, 'Can I speak to a human about order 2002?');

    // One each, live: a toast and the My inbox count, with no reload.
    for (const [agent, was] of [
      [maya, before.maya],
      [leo, before.leo],
    ] as const) {
      await agent.page
        .getByTestId('toasts')
        .getByText(/was assigned to you/)
        .waitFor({ timeout: 10_000 });
      await expect
        .poll(async () => Number(await count(agent.page, 'mine')), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(was + 1);
    }

    // Maya opens her ticket from My inbox and learns which shopper it is from its subject.
    await maya.page.getByTestId('view-mine').click();
    await maya.page.getByRole('heading', { name: 'My inbox' }).waitFor();
    await maya.page
      .getByTestId('ticket-row')
      .filter({ hasText: /order (1001|2002)/ })
      .first()
      .getByRole('link')
      .click();
    const view = maya.page.getByTestId('ticket-view');
    await view.waitFor();
    const title = (await view.locator('#ticket-title').textContent()) ?? '';
    const shopper = title.includes('1001') ? first : second;
    expect(await maya.page.getByTestId('transcript').textContent()).toContain(
      title.includes('1001') ? 'order 1001' : 'order 2002',
    );

    // Maya's reply reaches the shopper's open widget live.
    await maya.page.getByLabel('Reply to the shopper').fill('Hi, Maya here: your order ships today.');
    await maya.page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => shopper.page.locator('[data-role=human]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Hi, Maya here: your order ships today.')]));

    // The shopper's answer reaches Maya's open ticket live (rendered as text, not HTML).
    await shopper.page.getByRole('textbox', { name: 'Message' }).fill('Thanks! <b>great</b>');
    await shopper.page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => maya.page.getByTestId('transcript').locator('[data-role=shopper]').allTextContents(), {
        timeout: 10_000,
      })
      .toEqual(expect.arrayContaining([expect.stringContaining('Thanks! <b>great</b>')]));
    expect(await maya.page.getByTestId('transcript').locator('b').count()).toBe(0);

    // An Agent cannot reassign; Support sets it to "No assignee" and it moves to Unassigned.
    expect(await maya.page.getByTestId('assignee-select').isDisabled()).toBe(true);
    const ticketUrl = maya.page.url();
    const support = await teammate('support@demo.test');
    await support.page.goto(ticketUrl);
    await support.page.getByTestId('ticket-view').waitFor();
    await support.page.getByTestId('assignee-select').selectOption({ label: 'No assignee' });
    await expect
      .poll(() => support.page.getByTestId('assignment-history').textContent())
      .toContain('set to No assignee by Sam Support');
    await support.page.getByTestId('view-unassigned').click();
    await expect
      .poll(() => support.page.getByTestId('ticket-list').textContent())
      .toContain(title.replace(/^#\d+ /, ''));
    // It leaves Maya's My inbox live. (Her count is not compared with the one before: while she is Online,
    // round robin may hand her tickets that browser tests running beside this one create.)
    const ticketId = new URL(ticketUrl).searchParams.get('ticket');
    await expect
      .poll(() => maya.page.locator(`[data-testid=ticket-row][data-ticket-id="${ticketId}"]`).count(), {
        timeout: 10_000,
      })
      .toBe(0);

    for (const agent of [maya, leo]) await agent.page.getByTestId('presence-switch').click(); // leave them Offline for later tests
    for (const c of [maya.context, leo.context, support.context, first.context, second.context]) await c.close();
  });

  it('a Manager switches round robin off in Settings (linked from Inbox settings) and agents’ Online switch goes away live', async () => {
    const ana = await teammate('ana@demo.test');
    const manager = await teammate('manager@demo.test');
    await ana.page.getByTestId('presence-switch').waitFor();
    await manager.page.getByRole('link', { name: 'Inbox settings' }).click();
    await manager.page.getByTestId('assignment-settings-link').click();
    await manager.page.waitForURL(/\/inbox\/settings\/hours$/);
    const roundRobin = manager.page.getByRole('switch', { name: /Round robin on/ });
    await roundRobin.uncheck();
    await manager.page.getByRole('button', { name: 'Save round robin' }).click();
    await manager.page.getByText('Round robin saved').waitFor();
    await expect.poll(() => ana.page.getByTestId('presence-switch').count(), { timeout: 10_000 }).toBe(0);

    // Office hours are validated by the server, with the failing field named.
    await manager.page.getByLabel('Time zone').fill('Mars/Olympus');
    await manager.page.getByRole('button', { name: 'Save office hours' }).click();
    await expect
      .poll(() => manager.page.getByRole('alert').allTextContents())
      .toContain('Use an IANA time zone like Europe/Berlin');

    await roundRobin.check();
    await manager.page.getByRole('button', { name: 'Save round robin' }).click();
    await expect.poll(() => ana.page.getByTestId('presence-switch').count(), { timeout: 10_000 }).toBe(1);
    await ana.context.close();
    await manager.context.close();
  });
});
