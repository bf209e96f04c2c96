// Inbox search (worker/tickets/search.ts) over the demo's tickets played into an account of its own:
// requester email and name, ticket number, subject and transcript words, combined with the views and
// filters, keyset pages, other accounts never found, and input that is not FTS syntax.
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { tickets } from '../../worker/db/schema';
import { messageIndex } from '../../worker/db/schema-inbox';
import { indexMessages } from '../../worker/inbox/search-index';
import { ftsQuery } from '../../worker/tickets/search';
import type { TicketPage } from '../../worker/tickets/list';
import { runBatch } from '../../worker/db/batch';
import { call, db, signIn } from './helpers';
import { demoTicketsAccount } from './inbox-demo-helpers';

let accountId = '';
let maya = '';
let owner = '';
const search = async (cookie: string, params: Record<string, string>) => {
  const res = await call<TicketPage>('GET', `/api/tickets?${new URLSearchParams(params)}`, { cookie });
  expect(res.status, res.text).toBe(200);
  return res.json;
};
const emails = (page: TicketPage) => page.tickets.map((t) => t.requesterEmail).sort();

beforeAll(async () => {
  const account = await demoTicketsAccount('search');
  accountId = account.accountId;
  maya = await signIn(account.email('maya'));
  owner = await signIn(account.email('owner'));
  // A second account with the same shoppers: search never crosses accounts.
  await demoTicketsAccount('search-other');
}, 60_000);

describe('ticket search', () => {
  it('finds a ticket by requester email, by name (accents ignored) and by number', async () => {
    expect(emails(await search(owner, { q: 'emma.wilson@example.com' }))).toEqual(['emma.wilson@example.com']);
    expect(emails(await search(owner, { q: 'Emma Wil' }))).toEqual(['emma.wilson@example.com']);
    expect(emails(await search(owner, { q: 'muller', status: 'closed' }))).toEqual(['ava.mueller@example.com']);
    const [liam] = await db()
      .select()
      .from(tickets)
      .where(and(eq(tickets.accountId, accountId), eq(tickets.requesterEmail, 'liam.chen@example.com')));
    expect(emails(await search(owner, { q: `#${liam!.number}` }))).toEqual(['liam.chen@example.com']);
  });

  it('finds a ticket by a word of its transcript: the shopper’s, the Customer Agent’s or a teammate’s', async () => {
    // "depot" is only in Maya's reply to Emma; "customs" only in Noah's second message (pending).
    expect(emails(await search(owner, { q: 'depot' }))).toEqual(['emma.wilson@example.com']);
    expect(emails(await search(owner, { q: 'customs', status: 'pending' }))).toEqual(['noah.patel@example.com']);
    expect(emails(await search(owner, { q: 'chargeb' }))).toEqual(['sofia.rossi@example.com']);
    expect((await search(owner, { q: 'customs' })).tickets).toEqual([]); // open only by default
  });

  it('is combined with the views and filters, and keeps their counts', async () => {
    expect(emails(await search(maya, { q: 'emma', view: 'mine' }))).toEqual(['emma.wilson@example.com']);
    expect((await search(maya, { q: 'emma', view: 'unassigned' })).tickets).toEqual([]);
    expect((await search(owner, { q: 'emma', channel: 'sms' })).tickets).toEqual([]);
    const plain = await search(owner, {});
    const searched = await search(owner, { q: 'emma' });
    expect(searched.counts).toEqual(plain.counts);
  });

  it('pages with the keyset cursor, never repeating or skipping', async () => {
    const all = (await search(owner, { q: 'example.com', limit: '100' })).tickets.map((t) => t.id);
    expect(all.length).toBe((await search(owner, {})).counts.all);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TicketPage = await search(owner, { q: 'example.com', limit: '2', ...(cursor ? { cursor } : {}) });
      walked.push(...page.tickets.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it('treats any input as words, never as FTS syntax; an empty search lists the view', async () => {
    for (const q of ['"', 'emma" OR "liam', '*', 'NEAR(a b)', 'a:b', '-', '((']) {
      const res = await call('GET', `/api/tickets?${new URLSearchParams({ q })}`, { cookie: owner });
      expect(res.status, `${q}: ${res.text}`).toBe(200);
    }
    expect(ftsQuery('emma" OR "liam')).toBe('"emma" "OR" "liam"*'); // quoted: a word, not the operator
    expect(ftsQuery('  -- ')).toBeNull();
    expect((await search(owner, { q: '' })).tickets.length).toBe((await search(owner, {})).tickets.length);
    const long = await call('GET', `/api/tickets?q=${'a'.repeat(201)}`, { cookie: owner });
    expect(long.status).toBe(400);
  });

  it('indexes a message once however often its batch is retried, and the preview only moves forward', async () => {
    const [emma] = await db()
      .select()
      .from(tickets)
      .where(and(eq(tickets.accountId, accountId), eq(tickets.requesterEmail, 'emma.wilson@example.com')));
    const conversationId = emma!.conversationId!;
    const rows = () => db().select().from(messageIndex).where(eq(messageIndex.conversationId, conversationId));
    const before = await rows();
    const message = {
      seq: 1000,
      role: 'shopper' as const,
      text: 'one more zebra question',
      at: Date.now(),
      clientId: null,
      authorName: null,
      cards: [],
      prompt: null,
      link: null,
    };
    await runBatch(db(), indexMessages(db(), { accountId, conversationId }, [message]));
    await runBatch(db(), indexMessages(db(), { accountId, conversationId }, [message]));
    await runBatch(db(), indexMessages(db(), { accountId, conversationId }, [{ ...message, seq: 999, text: 'older' }]));
    expect((await rows()).length).toBe(before.length + 2);
    expect(emails(await search(owner, { q: 'zebra' }))).toEqual(['emma.wilson@example.com']);
    const conv = await env.DB.prepare('SELECT last_message_text FROM conversations WHERE id = ?')
      .bind(conversationId)
      .first<{ last_message_text: string }>();
    expect(conv?.last_message_text).toBe('one more zebra question');
  });
});
