// CSAT in the widget: a signed-in shopper's web-chat ticket is closed by the team, the widget asks
// "How did we do?", the shopper rates 4 with a comment, and the team sees it on the shopper's profile.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile, openSignedInChat } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

interface TicketDetail {
  ticket: { id: string; conversationId: string | null; profileId: string | null };
}

describe('CSAT in the widget', () => {
  it('after the team closes the ticket, the shopper rates the conversation and the team sees it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await openSignedInChat(page, baseUrl);
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.waitFor();
    const marker = `csat-${crypto.randomUUID().slice(0, 8)}`;
    await message.fill(`I want to talk to a person about order ${marker}`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.locator('[data-role=system]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/teammate will reply|busy right now|offline until/)]));

    // The team closes the ticket through the API.
    const team = await browser.newContext();
    const signedIn = await team.request.post(`${baseUrl}/api/auth/sign-in`, {
      data: { email: 'owner@demo.test', password: 'demo-password' },
      headers: { origin: baseUrl },
    });
    expect(signedIn.status()).toBe(200);
    const list = (await (await team.request.get(`${baseUrl}/api/tickets?view=all`)).json()) as {
      tickets: Array<{ id: string; subject: string }>;
    };
    const summary = list.tickets.find((t) => t.subject.includes(marker));
    expect(summary).toBeDefined();
    const closed = await team.request.patch(`${baseUrl}/api/tickets/${summary!.id}/status`, {
      data: { status: 'closed' },
      headers: { origin: baseUrl },
    });
    expect(closed.status()).toBe(200);

    // The widget asks for a rating under the prompt.
    await expect
      .poll(() => page.locator('[data-role=system]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('How did we do? Rate your conversation from 1 to 5.')]));
    const group = page.getByRole('group', { name: 'Rate this conversation' });
    await group.waitFor();
    const send = page.getByRole('button', { name: 'Send rating' });
    expect(await send.isDisabled()).toBe(true);
    const four = group.getByRole('button', { name: '4', exact: true });
    expect(await four.getAttribute('aria-pressed')).toBe('false');
    // Keyboard: focus the 2, then Tab twice to the 4 and press Space.
    await group.getByRole('button', { name: '2', exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await four.getAttribute('aria-pressed')).toBe('true');
    expect(await group.getByRole('button', { name: '2', exact: true }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Sorted quickly <b>thanks</b>');
    await send.click();
    await page.getByText('Thanks for your feedback!').waitFor();
    expect(await page.getByRole('group', { name: 'Rate this conversation' }).count()).toBe(0);

    // The rating is on the shopper's profile.
    const detail = (await (await team.request.get(`${baseUrl}/api/tickets/${summary!.id}`)).json()) as TicketDetail;
    expect(detail.ticket.profileId).toBeTruthy();
    const profile = (await (await team.request.get(`${baseUrl}/api/profiles/${detail.ticket.profileId}`)).json()) as {
      csat: Array<{ ticketId: string; rating: number; comment: string | null }>;
    };
    expect(profile.csat).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticketId: summary!.id, rating: 4, comment: 'Sorted quickly <b>thanks</b>' }),
      ]),
    );
    await team.close();
    await context.close();
  });

  it('a failed rating shows an error with a retry that then succeeds', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openSignedInChat(page, baseUrl);
    const marker = `csat-${crypto.randomUUID().slice(0, 8)}`;
    await page.getByRole('textbox', { name: 'Message' }).fill(`I want to talk to a person about ${marker}`);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('[data-role=system]').count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const team = await browser.newContext();
    await team.request.post(`${baseUrl}/api/auth/sign-in`, {
      data: { email: 'owner@demo.test', password: 'demo-password' },
      headers: { origin: baseUrl },
    });
    const list = (await (await team.request.get(`${baseUrl}/api/tickets?view=all`)).json()) as {
      tickets: Array<{ id: string; subject: string }>;
    };
    const summary = list.tickets.find((t) => t.subject.includes(marker));
    expect(
      (
        await team.request.patch(`${baseUrl}/api/tickets/${summary!.id}/status`, {
          data: { status: 'closed' },
          headers: { origin: baseUrl },
        })
      ).status(),
    ).toBe(200);
    await team.close();

    const group = page.getByRole('group', { name: 'Rate this conversation' });
    await group.waitFor({ timeout: 10_000 });
    await group.getByRole('button', { name: '5', exact: true }).click();
    let fail = true;
    await page.route('**/api/csat', (route) => (fail ? route.abort() : route.continue()));
    await page.getByRole('button', { name: 'Send rating' }).click();
    await page.getByRole('alert').filter({ hasText: 'Your rating wasn’t sent.' }).waitFor();
    fail = false;
    await page.getByRole('button', { name: 'Retry', exact: true }).click();
    await page.getByText('Thanks for your feedback!').waitFor();
    await context.close();
  });
});
