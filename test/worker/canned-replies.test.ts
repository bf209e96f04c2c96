// Canned replies and macros over the real API: who may keep which (account-wide: Managers and up;
// personal: anyone who replies, seen only by them), 404 for ids outside what you may see, zod at the
// edge (unknown variables refused, nothing stored), variables filled per ticket, macros applied.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { profiles, tickets } from '../../worker/db/schema';
import { cannedReplies } from '../../worker/db/schema-inbox';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { newId } from '../../worker/ids';
import { call, db, insertTicket, signIn } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { bearer, startIdentifiedConversation } from './widget-client';

interface Canned {
  id: string;
  name: string;
  body: string;
  scope: 'account' | 'personal';
  setStatus: string | null;
  addTags: string[];
}

const asOwner = (acct: FreshAccount) => signIn(acct.owner.email, DEMO_PASSWORD);
const asAgent = (acct: FreshAccount, i: number) => signIn(acct.agents[i]!.email, DEMO_PASSWORD);
const create = (cookie: string, body: unknown) =>
  call<{ cannedReply: Canned }>('POST', '/api/canned-replies', { cookie, body });
const list = async (cookie: string) =>
  (await call<{ cannedReplies: Canned[] }>('GET', '/api/canned-replies', { cookie })).json.cannedReplies;

/** A ticket with a conversation (a reply needs one): a verified shopper asks for a person. */
async function escalatedTicket(accountId: string) {
  const conv = await startIdentifiedConversation(undefined, accountId);
  const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
    body: { clientId: crypto.randomUUID() },
    headers: bearer(conv.resumeToken),
  });
  if (res.status !== 200) throw new Error(`escalate: ${res.status} ${res.text}`);
  return (await db().query.tickets.findFirst({ where: eq(tickets.conversationId, conv.conversationId) }))!;
}

describe('canned replies', () => {
  it('account-wide ones are for Managers and up, personal ones for their owner only', async () => {
    const acct = await freshAccount('canned-roles', 2);
    const owner = await asOwner(acct);
    const maya = await asAgent(acct, 0);
    const leo = await asAgent(acct, 1);

    const shared = await create(owner, {
      name: 'Greeting',
      body: 'Hi {{shopper.name}}, {{agent.name}} here.',
      scope: 'account',
    });
    expect(shared).toMatchObject({
      status: 201,
      json: { cannedReply: { scope: 'account', setStatus: null, addTags: [] } },
    });
    const refused = await create(maya, { name: 'Mine', body: 'x', scope: 'account' });
    expect(refused).toMatchObject({
      status: 403,
      json: { error: { message: expect.stringContaining('save it as personal') } },
    });
    const mine = await create(maya, { name: 'Refund steps', body: 'Refunds take 3–5 days.', scope: 'personal' });
    expect(mine.status).toBe(201);

    expect((await list(maya)).map((c) => c.name)).toEqual(['Refund steps', 'Greeting']); // yours first
    expect((await list(leo)).map((c) => c.name)).toEqual(['Greeting']);
    // Leo cannot see, change or delete Maya's; nor an Agent the account-wide one.
    const mayaId = mine.json.cannedReply.id;
    expect(
      (await call('PATCH', `/api/canned-replies/${mayaId}`, { cookie: leo, body: { name: 'stolen' } })).status,
    ).toBe(404);
    expect((await call('DELETE', `/api/canned-replies/${mayaId}`, { cookie: leo })).status).toBe(404);
    expect(
      (
        await call('PATCH', `/api/canned-replies/${shared.json.cannedReply.id}`, {
          cookie: leo,
          body: { body: 'changed' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/canned-replies/${mayaId}`, { cookie: maya, body: { body: 'Refunds take 5 days.' } }))
        .json,
    ).toMatchObject({ cannedReply: { name: 'Refund steps', body: 'Refunds take 5 days.' } });
    expect(
      (
        await call('PATCH', `/api/canned-replies/${shared.json.cannedReply.id}`, {
          cookie: owner,
          body: { setStatus: 'pending' },
        })
      ).json,
    ).toMatchObject({ cannedReply: { body: 'Hi {{shopper.name}}, {{agent.name}} here.', setStatus: 'pending' } });
    expect((await call('DELETE', `/api/canned-replies/${mayaId}`, { cookie: maya })).status).toBe(200);
    expect((await list(maya)).map((c) => c.name)).toEqual(['Greeting']);

    // Another account: its ids are 404 both ways.
    const other = await freshAccount('canned-other', 1);
    const stranger = await asOwner(other);
    expect(await list(stranger)).toEqual([]);
    expect(
      (
        await call('PATCH', `/api/canned-replies/${shared.json.cannedReply.id}`, {
          cookie: stranger,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/canned-replies/${shared.json.cannedReply.id}`, { cookie: stranger })).status,
    ).toBe(404);
    expect((await call('GET', '/api/canned-replies')).status).toBe(401);
  });

  it('refuses bad input with the field and reason, and stores nothing', async () => {
    const acct = await freshAccount('canned-input', 1);
    const owner = await asOwner(acct);
    const bad = await create(owner, { name: 'Typo', body: 'Hi {{shoper.name}}', scope: 'account' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('{{shoper.name}} is not a variable; use {{shopper.name}}');
    for (const body of [
      { name: '', body: 'x', scope: 'account' },
      { name: 'x', body: 'x', scope: 'team' },
      { name: 'x', body: 'x', scope: 'account', setStatus: 'solved' },
      { name: 'x', body: 'x', scope: 'account', addTags: ['<b>'] },
      { name: 'x', body: 'x', scope: 'account', ownerId: acct.agents[0]!.id },
    ])
      expect((await create(owner, body)).status).toBe(400);
    expect(await db().select().from(cannedReplies).where(eq(cannedReplies.accountId, acct.accountId))).toEqual([]);
    expect((await call('PATCH', `/api/canned-replies/${newId()}`, { cookie: owner, body: {} })).status).toBe(400);
    expect((await call('PATCH', '/api/canned-replies/not-an-id', { cookie: owner, body: { name: 'x' } })).status).toBe(
      404,
    );
  });

  it('fills the variables for the ticket and the member, and a macro sets status and adds tags', async () => {
    const acct = await freshAccount('canned-use', 1);
    const owner = await asOwner(acct);
    const maya = await asAgent(acct, 0);
    const profileId = newId();
    await db().insert(profiles).values({
      id: profileId,
      accountId: acct.accountId,
      name: 'Emma Wilson',
      email: 'emma@shop.test',
      createdAt: 0,
      updatedAt: 0,
    });
    const ticket = await insertTicket(acct.accountId, {
      profileId,
      requesterEmail: 'emma@shop.test',
      tags: ['shipping'],
    });
    const nameless = await insertTicket(acct.accountId);
    const numberOf = async (id: string) => (await db().query.tickets.findFirst({ where: eq(tickets.id, id) }))!.number;
    const macro = (
      await create(owner, {
        name: 'Refund issued',
        body: 'Hi {{shopper.name}}, your refund for #{{ ticket.number }} is on its way. {{agent.name}}',
        scope: 'account',
        setStatus: 'pending',
        addTags: ['Refund', 'shipping'],
      })
    ).json.cannedReply;

    const used = await call<{ text: string; macro: { setStatus: string; addTags: string[] } }>(
      'GET',
      `/api/tickets/${ticket.id}/canned-replies/${macro.id}`,
      { cookie: maya },
    );
    expect(used.json).toEqual({
      text: `Hi Emma Wilson, your refund for #${await numberOf(ticket.id)} is on its way. ${acct.agents[0]!.name}`,
      macro: { setStatus: 'pending', addTags: ['refund', 'shipping'] },
    });
    // No name known: empty, and the sentence still reads.
    const plain = await call<{ text: string }>('GET', `/api/tickets/${nameless.id}/canned-replies/${macro.id}`, {
      cookie: maya,
    });
    expect(plain.json.text).toBe(
      `Hi, your refund for #${await numberOf(nameless.id)} is on its way. ${acct.agents[0]!.name}`,
    );

    // Another account's ticket or canned reply: 404.
    const other = await freshAccount('canned-use-other', 1);
    const stranger = await asOwner(other);
    expect(
      (await call('GET', `/api/tickets/${ticket.id}/canned-replies/${macro.id}`, { cookie: stranger })).status,
    ).toBe(404);
    const theirs = await insertTicket(other.accountId);
    expect(
      (await call('GET', `/api/tickets/${theirs.id}/canned-replies/${macro.id}`, { cookie: stranger })).status,
    ).toBe(404);
  });

  it('a macro goes with its reply in one request: status and tags set with it, a retry changes nothing (not even what was set by hand since), the 20-tag limit is checked before sending', async () => {
    const acct = await freshAccount('canned-macro', 1);
    const owner = await asOwner(acct);
    const maya = await asAgent(acct, 0);
    const ticket = await escalatedTicket(acct.accountId);
    const macro = (
      await create(owner, {
        name: 'Waiting on carrier',
        body: 'We asked the carrier.',
        scope: 'account',
        setStatus: 'pending',
        addTags: ['carrier', 'Late'],
      })
    ).json.cannedReply;
    const reply = (body: Record<string, unknown>, cookie = maya) =>
      call<{ message: { seq: number; at: number; text: string }; ticket?: { status: string; tags: string[] } }>(
        'POST',
        `/api/tickets/${ticket.id}/replies`,
        { cookie, body: { text: 'We asked the carrier.', ...body } },
      );
    const stored = async () => (await db().query.tickets.findFirst({ where: eq(tickets.id, ticket.id) }))!;
    const humanReplies = async () =>
      (
        await call<{ transcript: Array<{ role: string }> }>('GET', `/api/tickets/${ticket.id}`, { cookie: owner })
      ).json.transcript.filter((m) => m.role === 'human').length;

    const clientId = crypto.randomUUID();
    const sent = await reply({ clientId, macroId: macro.id });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json.ticket).toMatchObject({ status: 'pending', tags: expect.arrayContaining(['carrier', 'late']) });
    expect(await stored()).toMatchObject({ status: 'pending', tags: expect.arrayContaining(['carrier', 'late']) });
    expect((await stored()).firstResponseAt).toBe(sent.json.message.at);
    expect(await humanReplies()).toBe(1);

    // A teammate then sets the status and tags by hand; the same request comes again (a retry after a
    // lost answer): the first reply, and the ticket as it stands — the macro is not applied twice.
    const byHand = { status: 'open', tags: ['carrier'] };
    expect((await call('PATCH', `/api/tickets/${ticket.id}/status`, { cookie: owner, body: byHand })).status).toBe(200);
    expect((await call('PUT', `/api/tickets/${ticket.id}/tags`, { cookie: owner, body: byHand })).status).toBe(200);
    const again = await reply({ clientId, macroId: macro.id });
    expect(again.status, again.text).toBe(201);
    expect(again.json.message.seq).toBe(sent.json.message.seq);
    expect(again.json.ticket).toMatchObject(byHand);
    expect(await humanReplies()).toBe(1);
    expect(await stored()).toMatchObject(byHand);

    // A request cut off after its reply was stored, before the macro's changes: sent again, it makes them.
    const cutOff = crypto.randomUUID();
    expect((await reply({ clientId: cutOff })).status).toBe(201);
    expect((await stored()).status).toBe('open');
    const completed = await reply({ clientId: cutOff, macroId: macro.id });
    expect(completed.json.ticket).toMatchObject({ status: 'pending', tags: ['carrier', 'late'] });
    expect(await stored()).toMatchObject({ status: 'pending', tags: ['carrier', 'late'] });
    expect(await humanReplies()).toBe(2);

    // 19 tags already: the macro's two would make 21. Refused before anything is sent.
    const many = Array.from({ length: 19 }, (_, i) => `t${i}`);
    await db().update(tickets).set({ tags: many, status: 'open' }).where(eq(tickets.id, ticket.id));
    const refused = await reply({ clientId: crypto.randomUUID(), macroId: macro.id });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('would give this ticket 21 tags (at most 20)');
    expect(await humanReplies()).toBe(2);
    expect(await stored()).toMatchObject({ status: 'open', tags: many });

    // Someone else's personal macro, another account's, or a malformed id: 404 / 400, nothing sent.
    const personal = (await create(owner, { name: 'Mine', body: 'x', scope: 'personal', setStatus: 'closed' })).json
      .cannedReply;
    expect((await reply({ clientId: crypto.randomUUID(), macroId: personal.id })).status).toBe(404);
    expect((await reply({ clientId: crypto.randomUUID(), macroId: 'nope' })).status).toBe(400);
    expect(await humanReplies()).toBe(2);
    expect((await stored()).status).toBe('open');
  });
});
