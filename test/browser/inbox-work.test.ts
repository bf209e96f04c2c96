// The inbox as a working team uses it, on the demo's dozen tickets (POST /__demo/tickets, played once
// per store through the product's own paths): search, row actions, canned replies, shortcuts,
// collision markers and accessibility, in real Chromium.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inboxTeammate, launchBrowser } from '../support/browser';
import { axeViolations } from '../support/axe';

let browser: Browser;
const baseUrl = inject('baseUrl');
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const res = await fetch(`${baseUrl}/__demo/tickets`, { method: 'POST' });
  expect(res.status, await res.clone().text()).toBe(200);
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function signedIn(email: string, width = 1280, height = 800): Promise<Page> {
  const { context, page } = await inboxTeammate(browser, baseUrl, email, { width, height });
  contexts.push(context);
  return page;
}

const rows = (page: Page) => page.getByTestId('ticket-row');

describe('search', () => {
  it('finds a ticket by requester email and by a word in its transcript', async () => {
    const page = await signedIn('owner@demo.test');
    const box = page.getByRole('searchbox', { name: 'Search tickets' });
    await box.fill('emma.wilson@example.com');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Where is my order?');
    expect(page.url()).toContain('q=emma.wilson');

    // "depot" is only in Maya's reply to Emma.
    await box.fill('depot');
    await expect.poll(() => rows(page).allTextContents()).toEqual([expect.stringContaining('Where is my order?')]);
    await box.fill('xylophone');
    await page.getByText('No open tickets here match “xylophone”.').waitFor();
    await box.press('Escape');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(1);
  });
});

describe('filters', () => {
  it('status, channel and team narrow the view and go into the URL', async () => {
    const page = await signedIn('owner@demo.test');
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByLabel('Status').selectOption('closed');
    await expect.poll(() => page.url()).toContain('status=closed');
    // Every row is closed (the demo has closed tickets with ratings), once the closed page has loaded.
    await expect
      .poll(async () => {
        const all = await rows(page).count();
        return (
          all > 0 &&
          (await rows(page)
            .locator('.chip', { hasText: /^closed$/ })
            .count()) === all
        );
      })
      .toBe(true);

    await filters.getByLabel('Status').selectOption('open');
    await filters.getByLabel('Channel').selectOption('sms');
    await expect.poll(() => page.url()).toContain('channel=sms');
    await expect
      .poll(async () => {
        const texts = await rows(page).allTextContents();
        return texts.length > 0 && texts.every((t) => t.includes('SMS'));
      })
      .toBe(true);
    await filters.getByLabel('Channel').selectOption('');
    await expect.poll(() => page.url()).not.toContain('channel=');

    const team = filters.getByLabel('Team');
    const firstTeam = await team.locator('option').nth(1).getAttribute('value');
    await team.selectOption(firstTeam!);
    await expect.poll(() => page.url()).toContain(`team=${firstTeam}`);
  });
});

describe('the row menu', () => {
  it('assigns a ticket and sets its status without opening it', async () => {
    const page = await signedIn('manager@demo.test');
    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('liam.chen@example.com');
    await expect.poll(() => rows(page).count()).toBe(1);
    const row = rows(page).first();
    await row.getByRole('button', { name: /Actions for ticket #\d+/ }).click();
    // The option reads "Leo" or "Leo (Online)" depending on Leo's presence.
    const assignee = row.getByTestId('row-menu').getByLabel('Assignee');
    const leo = await assignee.locator('option', { hasText: /^Leo\b/ }).getAttribute('value');
    await assignee.selectOption(leo!);
    await page.getByText(/assigned to Leo/).waitFor();
    await expect.poll(() => row.locator('.assignee').textContent()).toBe('Leo');
    expect(await row.getByTestId('row-menu').count()).toBe(0);

    await row.getByRole('button', { name: /Actions for ticket #\d+/ }).click();
    await row.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => row.locator('.assignee').textContent()).toBe('Marco Manager');
  });
});

describe('keyboard shortcuts', () => {
  it('j/k move between rows, Enter opens, r goes to the reply box, / to search, ? lists them', async () => {
    const page = await signedIn('owner@demo.test');
    await expect.poll(() => rows(page).count()).toBeGreaterThan(2);
    const focusedRow = () =>
      page.evaluate(
        () => document.activeElement?.closest('[data-testid="ticket-row"]')?.getAttribute('data-ticket-id') ?? null,
      );
    const ids = await rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-ticket-id')));
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('j');
    expect(await focusedRow()).toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    expect(await focusedRow()).toBe(ids[1]);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-view').waitFor();
    expect(page.url()).toContain(`ticket=${ids[1]}`);

    await page.locator('#ticket-title').click();
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reply-text');
    await page.keyboard.press('Escape');
    await page.locator('#ticket-title').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ticket-search');

    await page.locator('#ticket-title').click();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    expect(await help.textContent()).toContain('Next ticket in the list');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
  });
});

describe('collision', () => {
  it('two teammates on one ticket see each other viewing and typing; a send after the other’s reply asks first', async () => {
    const leo = await signedIn('leo@demo.test');
    const maya = await signedIn('maya@demo.test');
    for (const page of [leo, maya]) {
      await page.getByRole('searchbox', { name: 'Search tickets' }).fill('ethan.garcia@example.com');
      await expect.poll(() => rows(page).count()).toBe(1);
    }

    // Maya opens the ticket: Leo's row shows her eye mark; Leo opens it and sees her there.
    await rows(maya).first().locator('a').click();
    await maya.getByTestId('ticket-view').waitFor();
    await expect.poll(() => rows(leo).first().getByTestId('row-watchers').textContent()).toContain('Maya viewing');
    // On the row she is a chip with her initials, named in full on hover and for screen readers.
    const mayaChip = rows(leo).first().getByTestId('row-watcher').filter({ hasText: 'Maya viewing' });
    expect(await mayaChip.getAttribute('title')).toBe('Maya viewing');
    expect(await mayaChip.locator('[aria-hidden="true"]').textContent()).toBe('MA');
    await rows(leo).first().locator('a').click();
    await leo.getByTestId('ticket-view').waitFor();
    // (Earlier tests' teammates may have it open too: each page names the others, never itself.)
    await expect.poll(() => leo.getByTestId('ticket-watchers').textContent()).toContain('Maya is viewing this ticket');
    await expect.poll(() => maya.getByTestId('ticket-watchers').textContent()).toContain('Leo is viewing this ticket');
    expect(await leo.getByTestId('ticket-watchers').textContent()).not.toContain('Leo');

    // Leo starts typing: Maya sees it on the ticket and on the row.
    await leo.getByLabel('Reply to the shopper').fill('Hi Ethan, I have locked your account while we check this.');
    await expect.poll(() => maya.getByTestId('ticket-watchers').textContent()).toContain('Leo is typing a reply…');
    await expect.poll(() => rows(maya).first().getByTestId('row-watchers').textContent()).toContain('Leo typing…');
    const leoChip = rows(maya).first().getByTestId('row-watcher').filter({ hasText: 'Leo typing…' });
    expect(await leoChip.locator('[aria-hidden="true"]').textContent()).toBe('LE ✎');

    // Maya replies first (her draft began after nothing new: it goes straight out).
    await maya.getByLabel('Reply to the shopper').fill('Hi Ethan, Maya here: I am cancelling that order now.');
    await maya.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => maya.getByTestId('transcript').textContent()).toContain('I am cancelling that order now');
    expect(await maya.getByTestId('reply-conflict').count()).toBe(0);

    // Leo's Send asks first, naming Maya; Send anyway sends his reply.
    await leo.getByRole('button', { name: 'Send', exact: true }).click();
    const ask = leo.getByTestId('reply-conflict');
    await expect.poll(() => ask.textContent()).toContain('Maya replied while you were typing — send anyway?');
    await expect.poll(() => leo.getByTestId('transcript').textContent()).toContain('I am cancelling that order now');
    expect(await leo.getByTestId('transcript').textContent()).not.toContain('I have locked your account');
    await ask.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => leo.getByTestId('transcript').textContent()).toContain('I have locked your account');
    expect(await ask.count()).toBe(0);
    await expect.poll(() => maya.getByTestId('transcript').textContent()).toContain('I have locked your account');
  });
});

describe('canned replies', () => {
  it('a Manager adds an account-wide macro in settings; "/" in the reply box inserts it with its variables filled, and sending applies it', async () => {
    const page = await signedIn('manager@demo.test');
    await page.getByRole('link', { name: 'Inbox settings' }).click();
    const section = page.getByTestId('canned-settings');
    await section.getByLabel('Name').fill('Delivery update');
    await section
      .getByLabel('Text')
      .fill('Hi {{shopper.name}}, this is {{agent.name}} about ticket #{{ticket.number}}.');
    await section.getByLabel('Who can use it').selectOption('account');
    await section.getByLabel('On send, set status').selectOption('pending');
    await section.getByLabel('On send, add tags (comma separated)').fill('gift-card');
    await section.getByRole('button', { name: 'Add canned reply' }).click();
    await section.getByText('Saved “Delivery update”').waitFor();
    await expect
      .poll(() => section.getByTestId('canned-item').allTextContents())
      .toContainEqual(expect.stringContaining('Macro: status → pending, tags + gift-card'));

    // A typo in a variable is refused with the reason.
    await section.getByLabel('Name').fill('Typo');
    await section.getByLabel('Text').fill('Hi {{shoper.name}}');
    await section.getByRole('button', { name: 'Add canned reply' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('{{shoper.name}} is not a variable');

    await page.getByRole('link', { name: 'All messages' }).click();
    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('chloe.dubois@example.com');
    await expect.poll(() => rows(page).count()).toBe(1);
    const number = (await rows(page).first().locator('.number').textContent())!.replace('#', '');
    const ticketId = await rows(page).first().getAttribute('data-ticket-id');
    await rows(page).first().locator('a').click();
    await page.getByTestId('ticket-view').waitFor();

    const box = page.getByLabel('Reply to the shopper');
    await box.click();
    await page.keyboard.type('/deliv');
    const picker = page.getByRole('listbox', { name: 'Canned replies' });
    await picker.waitFor();
    expect(await picker.getByRole('option').allTextContents()).toEqual([expect.stringContaining('Delivery update')]);
    expect(await box.getAttribute('aria-activedescendant')).toBe(
      await picker.getByRole('option').first().getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(`Hi Chloé Dubois, this is Marco Manager about ticket #${number}.`);
    expect(await picker.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('macro-pending').textContent())
      .toContain('status → pending, tags + gift-card');

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('transcript').textContent())
      .toContain(`this is Marco Manager about ticket #${number}.`);
    await expect
      .poll(() =>
        page.evaluate(async (id) => {
          const t = (await (await fetch(`/api/tickets/${id}`)).json()) as {
            ticket: { status: string; tags: string[] };
          };
          return { status: t.ticket.status, tags: t.ticket.tags };
        }, ticketId),
      )
      .toEqual({ status: 'pending', tags: expect.arrayContaining(['gift-card']) }); // beside the tags the handoff gave it
  });
});

describe('a phone-sized window (360 px)', () => {
  it('the list, a ticket’s transcript and its reply box, the settings and the insights pages fit and work; axe finds nothing serious', async () => {
    const page = await signedIn('owner@demo.test', 360, 740);
    /**
     * Nothing wider than the window: no sideways scrolling of the page, nothing cut off at the right
     * edge, and inside a box that scrolls sideways nothing but a table past its edge (a wide table
     * scrolls in its card; a form, a code block or text wraps).
     */
    const overflow = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const all = Array.from(document.querySelectorAll('main *'));
        const boxes = all.filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX));
        const wide = all.filter((el) => {
          const r = el.getBoundingClientRect();
          const boxed = boxes.some((box) => box !== el && box.contains(el));
          return !boxed && r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed';
        });
        const sideways = boxes.flatMap((box) => {
          const edge = box.getBoundingClientRect().right;
          return Array.from(box.querySelectorAll('*')).filter(
            (el) => !el.closest('table') && el.getBoundingClientRect().right > edge + 1,
          );
        });
        return {
          scroll: document.documentElement.scrollWidth - width,
          wide: wide.slice(0, 5).map((el) => el.outerHTML.slice(0, 80)),
          sideways: sideways.slice(0, 5).map((el) => el.outerHTML.slice(0, 80)),
        };
      });
    const fits = { scroll: 0, wide: [], sideways: [] };
    await expect.poll(() => rows(page).count()).toBeGreaterThan(2);
    expect(await overflow()).toEqual(fits);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('searchbox', { name: 'Search tickets' }).fill('emma.wilson@example.com');
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).first().locator('a').click();
    const view = page.getByTestId('ticket-view');
    await view.waitFor();
    await page.getByTestId('transcript').waitFor();
    expect(await overflow()).toEqual(fits);
    // The transcript is readable (not a thin strip) and the reply box takes a reply and can send it.
    const transcript = await page.getByTestId('transcript').boundingBox();
    expect(transcript!.width).toBeGreaterThan(300);
    expect(transcript!.height).toBeGreaterThan(150);
    const box = page.getByLabel('Reply to the shopper');
    await box.scrollIntoViewIfNeeded();
    await box.fill('Checking on this now.');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await send.scrollIntoViewIfNeeded();
    expect(await send.isEnabled()).toBe(true);
    const sendBox = await send.boundingBox();
    expect(sendBox!.x + sendBox!.width).toBeLessThanOrEqual(360);
    expect(await axeViolations(page)).toEqual([]);
    await box.fill('');

    // Back to the list, which is all there again.
    await view.getByRole('button', { name: 'Back to list' }).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await overflow()).toEqual(fits);

    // Settings fit too: General, Embed (its code blocks wrap), Office hours & assignment with its weekly
    // hours and SLA target, Knowledge & catalog (the import form); and every Insights page.
    for (const path of [
      'settings/general',
      'settings/embed',
      'settings/hours',
      'settings/knowledge',
      'insights/metrics',
      'insights/profiles',
      'insights/segments',
      'insights/performance',
      'insights/webhooks',
      'insights/api-keys',
    ]) {
      await page.goto(`${baseUrl}/inbox/${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflow(), path).toEqual(fits);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});

describe('accessibility', () => {
  for (const [width, height] of [
    [1280, 800],
    [375, 740],
  ] as const) {
    it(`axe finds no serious or critical violation on the list, a ticket (with the "/" picker) Inbox settings and Settings at ${width} px`, async () => {
      const page = await signedIn('owner@demo.test', width, height);
      await expect.poll(() => rows(page).count()).toBeGreaterThan(2);
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('searchbox', { name: 'Search tickets' }).fill('emma.wilson@example.com');
      await expect.poll(() => rows(page).count()).toBe(1);
      await rows(page).first().locator('a').click();
      await page.getByTestId('ticket-view').waitFor();
      await page.getByTestId('transcript').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('Reply to the shopper').click();
      await page.keyboard.type('/');
      await page.getByTestId('canned-picker').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto(`${baseUrl}/inbox?page=settings`);
      await page.getByTestId('canned-settings').waitFor();
      expect(await axeViolations(page)).toEqual([]);

      // Settings: the General page and the one home of round robin and office hours.
      for (const slug of ['general', 'hours']) {
        await page.goto(`${baseUrl}/inbox/settings/${slug}`);
        await page.locator('main h1, main h2').first().waitFor();
        expect(await axeViolations(page), slug).toEqual([]);
      }
    });
  }
});
