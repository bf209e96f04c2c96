import { describe, expect, inject, it } from 'vitest';
import type { APIRequestContext } from 'playwright-core';
import { browserForFile, openChat, openSignedInChat } from '../support/browser';

const browser = browserForFile();
const baseUrl = inject('baseUrl');

async function signInAsOwner(request: APIRequestContext) {
  const res = await request.post(`${baseUrl}/api/auth/sign-in`, {
    data: { email: 'owner@demo.test', password: 'demo-password' },
    headers: { origin: baseUrl },
  });
  expect(res.status()).toBe(200);
}

async function putWebChatHandoff(request: APIRequestContext, helpdesk: 'inbox' | 'gorgias') {
  const current = (await (await request.get(`${baseUrl}/api/settings`)).json()) as {
    settings: { handoff: { channels: Record<string, Record<string, unknown>>; routingRules: unknown[] } };
  };
  const handoff = current.settings.handoff;
  handoff.channels.web_chat = { ...handoff.channels.web_chat, helpdesk };
  const res = await request.put(`${baseUrl}/api/settings/handoff`, { data: handoff, headers: { origin: baseUrl } });
  expect(res.status()).toBe(200);
}

describe('handoff in the widget', () => {
  it('an anonymous shopper sees the sign-in/email choice; after signing in the same conversation reaches the Inbox', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await openChat(page);
    await page.getByRole('textbox', { name: 'Message' }).fill('Where is my parcel? It has been two weeks');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('[data-role=agent]').first().waitFor();

    await page.getByTestId('baton-escalate').click();
    const choice = page.getByTestId('baton-handoff-choice');
    await choice.waitFor();
    expect(await choice.getByRole('textbox', { name: 'Email address' }).isVisible()).toBe(true);
    expect(await choice.getByRole('button', { name: 'Continue by email' }).isVisible()).toBe(true);
    const conversationId = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('baton:pk_') && !k.endsWith(':config'));
      return key ? (JSON.parse(localStorage.getItem(key)!) as { conversationId: string }).conversationId : null;
    });
    expect(conversationId).toBeTruthy();

    // The storefront's own sign-in (its server mints the token), then Baton('identify', token).
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-role=system]').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/teammate will reply|busy right now|offline until/)]));

    // The team sees a ticket for this very conversation.
    const team = await browser.newContext();
    await signInAsOwner(team.request);
    const tickets = (await (await team.request.get(`${baseUrl}/api/tickets?view=all`)).json()) as {
      tickets: Array<{ id: string; subject: string; requesterEmail: string | null }>;
    };
    const ticket = tickets.tickets.find((t) => t.subject.startsWith('Where is my parcel?'));
    expect(ticket).toBeDefined();
    expect(ticket!.requesterEmail).toBe('jamie@shopper.test');
    const detail = await (await team.request.get(`${baseUrl}/api/tickets/${ticket!.id}`)).text();
    expect(detail).toContain(conversationId!);
    await team.close();
    await context.close();
  });

  it('a Gorgias handoff shows the email-continuation message and closes the chat', async () => {
    const admin = await browser.newContext();
    await signInAsOwner(admin.request);
    await putWebChatHandoff(admin.request, 'gorgias');
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await openSignedInChat(page, baseUrl);
      await page.getByRole('textbox', { name: 'Message' }).fill('I want to talk to a person');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect
        .poll(() => page.locator('[data-seq]').allTextContents(), { timeout: 10_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(/team will reply to jamie@shopper\.test by email/)]));
      await expect
        .poll(() => page.getByText('This conversation has ended').count(), { timeout: 5000 })
        .toBeGreaterThan(0);
      await context.close();
    } finally {
      await putWebChatHandoff(admin.request, 'inbox');
      await admin.close();
    }
  });
});
