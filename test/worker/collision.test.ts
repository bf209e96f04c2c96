// Collision: who views and types on a ticket travels over the inbox socket to every teammate of the
// account (and no other account), a teammate's typing reaches a web-chat shopper, and a reply sent
// after another teammate's reply is refused with replied_meanwhile until the sender confirms.
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { accounts, users } from '../../worker/db/schema';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { call, db, signIn } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { InboxSocket } from './inbox-client';
import { bearer, ShopperSocket, startConversation } from './widget-client';

const login = (acct: FreshAccount, i: number) => signIn(acct.agents[i]!.email, DEMO_PASSWORD);

/** A pong proves every frame sent before the ping was handled. */
async function settle(sock: InboxSocket) {
  sock.send({ type: 'ping' });
  await sock.next('pong');
}

/** An identified web-chat shopper who asked for a person: the ticket it made. */
async function webChatTicket(acct: FreshAccount) {
  const key = (await db().query.accounts.findFirst({ where: eq(accounts.id, acct.accountId) }))!.identityKey;
  const identityToken = await sign(
    { sub: 'cust-collide', email: 'collide@shopper.test', exp: Math.floor(Date.now() / 1000) + 600 },
    key,
    'HS256',
  );
  const conv = await startConversation({ siteKey: acct.siteKey, identityToken });
  const res = await call<{ ticketId?: string }>('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
    body: { clientId: crypto.randomUUID() },
    headers: bearer(conv.resumeToken),
  });
  expect(res.status).toBe(200);
  const ticket = await db().query.tickets.findFirst({
    where: (t, { eq: is }) => is(t.conversationId, conv.conversationId),
  });
  return { conv, ticketId: ticket!.id };
}

describe('collision', () => {
  it('teammates see who views and types a ticket; leaving and closing the socket clear it; other accounts hear nothing', async () => {
    const acct = await freshAccount('collide', 2);
    const other = await freshAccount('collide-other', 1);
    const [a, b] = acct.agents;
    const t = await acct.ticket('email');
    const sockA = await InboxSocket.open(await login(acct, 0));
    const sockB = await InboxSocket.open(await login(acct, 1));
    const outsider = await InboxSocket.open(await login(other, 0));
    expect(await sockA.next('watchers.all')).toEqual({ type: 'watchers.all', tickets: {} });
    await sockB.next('watchers.all');

    sockB.send({ type: 'view', ticketId: t.id });
    expect(await sockA.next('watchers', (f) => f.ticketId === t.id)).toEqual({
      type: 'watchers',
      ticketId: t.id,
      watchers: [{ userId: b!.id, name: b!.name, typing: false }],
    });
    sockB.send({ type: 'typing', ticketId: t.id, on: true });
    expect((await sockA.next('watchers')).watchers).toEqual([{ userId: b!.id, name: b!.name, typing: true }]);

    // A repeated typing mark changes nothing, so it is not broadcast.
    sockB.send({ type: 'typing', ticketId: t.id, on: true });
    await settle(sockB);
    await settle(sockA);
    expect(sockA.pending().some((f) => f.type === 'watchers')).toBe(false);

    // A newcomer learns every watched ticket at once.
    const late = await InboxSocket.open(await login(acct, 0));
    expect((await late.next('watchers.all')).tickets).toEqual({
      [t.id]: [{ userId: b!.id, name: b!.name, typing: true }],
    });

    // A opens it too: both listed, by name; B stops typing.
    sockA.send({ type: 'view', ticketId: t.id });
    const byName = [a!, b!].sort((x, y) => x.name.localeCompare(y.name)).map((m) => m.id);
    expect((await sockB.next('watchers', (f) => f.watchers.length === 2)).watchers.map((w) => w.userId)).toEqual(
      byName,
    );
    sockB.send({ type: 'typing', ticketId: t.id, on: false });
    expect((await sockA.next('watchers', (f) => f.watchers.every((w) => !w.typing))).watchers).toHaveLength(2);

    // B leaves for the list, then comes back and closes the tab.
    sockB.send({ type: 'view', ticketId: null });
    expect((await sockA.next('watchers', (f) => f.watchers.length === 1)).watchers[0]!.userId).toBe(a!.id);
    sockB.send({ type: 'typing', ticketId: t.id, on: true }); // typing implies viewing
    expect(
      (await sockA.next('watchers', (f) => f.watchers.length === 2)).watchers.find((w) => w.userId === b!.id)?.typing,
    ).toBe(true);
    sockB.close();
    expect((await sockA.next('watchers', (f) => f.watchers.length === 1)).watchers).toEqual([
      { userId: a!.id, name: a!.name, typing: false },
    ]);

    // Invalid frames are refused and change nothing.
    sockA.send({ type: 'typing', ticketId: 'nope', on: true });
    expect(await sockA.next('error')).toMatchObject({
      code: 'invalid_frame',
      message: expect.stringContaining('ticketId'),
    });
    sockA.send({ type: 'typing', ticketId: t.id });
    expect(await sockA.next('error')).toMatchObject({ code: 'invalid_frame', message: expect.stringContaining('on') });

    await settle(outsider);
    expect(outsider.pending().some((f) => f.type === 'watchers')).toBe(false);
    sockA.close();
    late.close();
    outsider.close();
  });

  it('a teammate typing on a web-chat ticket shows "typing" in the shopper’s chat, with their name, until they stop', async () => {
    const acct = await freshAccount('collide-chat', 1);
    const [a] = acct.agents;
    const { conv, ticketId } = await webChatTicket(acct);
    const shopper = await ShopperSocket.open(conv);
    const sock = await InboxSocket.open(await login(acct, 0));
    await sock.next('watchers.all');

    sock.send({ type: 'view', ticketId });
    sock.send({ type: 'typing', ticketId, on: true });
    expect(await shopper.next('typing')).toEqual({ type: 'typing', on: true, name: a!.name });
    sock.send({ type: 'typing', ticketId, on: false });
    expect(await shopper.next('typing')).toEqual({ type: 'typing', on: false });
    // Closing the inbox while typing also ends it.
    sock.send({ type: 'typing', ticketId, on: true });
    await shopper.next('typing', (f) => f.on);
    sock.close();
    expect(await shopper.next('typing')).toEqual({ type: 'typing', on: false });
    shopper.close();
  });

  it('a reply after another teammate’s reply since the draft began is refused until confirmed', async () => {
    const acct = await freshAccount('collide-reply', 2);
    const { ticketId } = await webChatTicket(acct);
    const cookieA = await login(acct, 0);
    const cookieB = await login(acct, 1);
    const page = await call<{ transcript: Array<{ seq: number }> }>('GET', `/api/tickets/${ticketId}`, {
      cookie: cookieA,
    });
    const seen = Math.max(...page.json.transcript.map((m) => m.seq));

    // Nobody replied since: A's own draft goes through, and A's own reply never blocks A.
    const first = await call('POST', `/api/tickets/${ticketId}/replies`, {
      cookie: cookieA,
      body: { clientId: crypto.randomUUID(), text: 'Looking into it', unlessRepliedAfter: seen },
    });
    expect(first.status).toBe(201);
    const mine = await call('POST', `/api/tickets/${ticketId}/replies`, {
      cookie: cookieA,
      body: { clientId: crypto.randomUUID(), text: 'One moment', unlessRepliedAfter: seen },
    });
    expect(mine.status).toBe(201);

    // B, whose draft began before A's replies, is asked first; nothing is stored.
    const clientId = crypto.randomUUID();
    const refused = await call('POST', `/api/tickets/${ticketId}/replies`, {
      cookie: cookieB,
      body: { clientId, text: 'Hi! I can help', unlessRepliedAfter: seen },
    });
    expect(refused).toMatchObject({
      status: 409,
      json: {
        error: {
          code: 'replied_meanwhile',
          message: `${acct.agents[0]!.name} replied while you were typing — send anyway?`,
        },
      },
    });
    const after = await call<{ transcript: Array<{ text: string }> }>('GET', `/api/tickets/${ticketId}`, {
      cookie: cookieB,
    });
    expect(after.json.transcript.some((m) => m.text === 'Hi! I can help')).toBe(false);

    // Confirmed: sent without the condition, same clientId.
    const sent = await call('POST', `/api/tickets/${ticketId}/replies`, {
      cookie: cookieB,
      body: { clientId, text: 'Hi! I can help' },
    });
    expect(sent.status).toBe(201);
    expect(
      (
        await call('POST', `/api/tickets/${ticketId}/replies`, {
          cookie: cookieB,
          body: { clientId: crypto.randomUUID(), text: 'x', unlessRepliedAfter: -1 },
        })
      ).status,
    ).toBe(400);
  });

  it('teammates who share a display name are still told apart: the check compares member ids', async () => {
    const acct = await freshAccount('collide-same-name', 2);
    const [a, b] = acct.agents;
    await db()
      .update(users)
      .set({ name: 'Sam' })
      .where(inArray(users.id, [a!.id, b!.id]));
    const { ticketId } = await webChatTicket(acct);
    const cookieA = await login(acct, 0);
    const cookieB = await login(acct, 1);
    const page = await call<{ transcript: Array<{ seq: number }> }>('GET', `/api/tickets/${ticketId}`, {
      cookie: cookieA,
    });
    const seen = Math.max(...page.json.transcript.map((m) => m.seq));
    const replyAs = (cookie: string, text: string) =>
      call('POST', `/api/tickets/${ticketId}/replies`, {
        cookie,
        body: { clientId: crypto.randomUUID(), text, unlessRepliedAfter: seen },
      });

    expect((await replyAs(cookieA, 'Looking into it')).status).toBe(201);
    // A's own second reply from the same draft point is not a collision.
    expect((await replyAs(cookieA, 'One moment')).status).toBe(201);
    // B is another member named Sam: asked first, nothing stored.
    const refused = await replyAs(cookieB, 'Hi! I can help');
    expect(refused).toMatchObject({
      status: 409,
      json: { error: { code: 'replied_meanwhile', message: 'Sam replied while you were typing — send anyway?' } },
    });
    const after = await call<{ transcript: Array<{ text: string }> }>('GET', `/api/tickets/${ticketId}`, {
      cookie: cookieB,
    });
    expect(after.json.transcript.map((m) => m.text)).not.toContain('Hi! I can help');
  });
});
