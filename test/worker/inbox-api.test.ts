import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { accounts, tickets, users } from '../../worker/db/schema';
import { ticketReads } from '../../worker/db/schema-inbox';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { countQuery, listQuery, pageQuery } from '../../worker/tickets/list';
import type { TicketPage } from '../../worker/tickets/list';
import { call, db, insertTicket, signIn } from './helpers';
import { announcement, freshAccount, logOf, type FreshAccount } from './dispatch-helpers';
import { InboxSocket } from './inbox-client';
import { bearer, sendHttp, ShopperSocket, startConversation } from './widget-client';

const emailOf = (acct: FreshAccount, who: 'owner' | 'support' | number) =>
  who === 'owner' ? acct.owner.email : who === 'support' ? acct.support.email : acct.agents[who]!.email;
const login = (acct: FreshAccount, who: 'owner' | 'support' | number) => signIn(emailOf(acct, who), DEMO_PASSWORD);

describe('presence', () => {
  it('a member sets only their own status; nobody can set another’s', async () => {
    const acct = await freshAccount('presence-api', 2);
    const maya = await login(acct, 0);
    const on = await call('PUT', '/api/presence', { cookie: maya, body: { presence: 'online' } });
    expect(on).toMatchObject({ status: 200, json: { presence: 'online' } });
    expect((await acct.stub.snapshot()).rotation.find((m) => m.userId === acct.agents[0]!.id)?.online).toBe(true);

    // There is no way to name someone else: an extra field is refused and changes nothing.
    const other = await call('PUT', '/api/presence', {
      cookie: maya,
      body: { presence: 'online', userId: acct.agents[1]!.id },
    });
    expect(other.status).toBe(400);
    const owner = await login(acct, 'owner');
    const asOwner = await call('PUT', '/api/presence', {
      cookie: owner,
      body: { presence: 'online', userId: acct.agents[1]!.id },
    });
    expect(asOwner.status).toBe(400);
    expect((await acct.stub.snapshot()).rotation.some((m) => m.userId === acct.agents[1]!.id)).toBe(false);
    expect((await call('PUT', '/api/presence', { cookie: maya, body: { presence: 'away' } })).status).toBe(400);
    expect((await call('PUT', '/api/presence', { body: { presence: 'online' } })).status).toBe(401);
  });

  it('signing out sets Offline, in the rotation and in D1', async () => {
    const acct = await freshAccount('signout', 1);
    const cookie = await login(acct, 0);
    await call('PUT', '/api/presence', { cookie, body: { presence: 'online' } });
    expect((await acct.ticket()).assigneeId).toBe(acct.agents[0]!.id);
    expect((await call('POST', '/api/auth/sign-out', { cookie })).status).toBe(200);
    expect(await acct.ticket()).toMatchObject({ assigneeId: null, reason: 'no agent online: waiting in Unassigned' });
    const row = await db().query.users.findFirst({ where: eq(users.id, acct.agents[0]!.id) });
    expect(row?.presence).toBe('offline');
  });
});

describe('assignment permissions', () => {
  it('an Agent cannot assign, bulk-assign or switch round robin; Support can assign; Manager can switch', async () => {
    const acct = await freshAccount('perm', 2);
    const t = await acct.ticket();
    const agent = await login(acct, 0);
    const self = acct.agents[0]!.id;
    const refused = await call('PATCH', `/api/tickets/${t.id}/assignee`, { cookie: agent, body: { assigneeId: self } });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      error: { code: 'forbidden', message: expect.stringContaining('tickets.assign') },
    });
    expect(
      (await call('POST', '/api/tickets/bulk-assign', { cookie: agent, body: { ticketIds: [t.id], assigneeId: self } }))
        .status,
    ).toBe(403);
    expect((await call('PUT', '/api/settings/round-robin', { cookie: agent, body: { enabled: false } })).status).toBe(
      403,
    );
    expect(await logOf(t.id)).toHaveLength(1); // only the round-robin entry: nothing changed

    const support = await login(acct, 'support');
    const ok = await call<{ ticket: { assigneeId: string }; assignment: { method: string; reason: string } }>(
      'PATCH',
      `/api/tickets/${t.id}/assignee`,
      { cookie: support, body: { assigneeId: self } },
    );
    expect(ok.status).toBe(200);
    expect(ok.json.ticket.assigneeId).toBe(self);
    expect(ok.json.assignment).toMatchObject({ method: 'manual', reason: 'assigned by Support' });
    expect((await call('PUT', '/api/settings/round-robin', { cookie: support, body: { enabled: false } })).status).toBe(
      403,
    );
    const owner = await login(acct, 'owner');
    const off = await call('PUT', '/api/settings/round-robin', { cookie: owner, body: { enabled: false } });
    expect(off).toMatchObject({
      status: 200,
      json: { settings: { roundRobin: { enabled: false, afterHoursBacklog: false } } },
    });
  });

  it('bulk assign to a person, to No assignee and to a team; refuses ids of another account', async () => {
    const acct = await freshAccount('bulk-api', 2);
    const other = await freshAccount('bulk-other', 1);
    const [a, b] = acct.agents;
    const teamId = await acct.team('Billing', [a!.id, b!.id]);
    await acct.online(a!.id);
    await acct.online(b!.id);
    const ts = [await acct.ticket('email', { kind: 'unassigned' }), await acct.ticket('email', { kind: 'unassigned' })];
    const support = await login(acct, 'support');
    const toB = await call<{ assignments: Array<{ assigneeId: string; method: string }> }>(
      'POST',
      '/api/tickets/bulk-assign',
      {
        cookie: support,
        body: { ticketIds: ts.map((t) => t.id), assigneeId: b!.id },
      },
    );
    expect(toB.json.assignments.map((x) => [x.assigneeId, x.method])).toEqual([
      [b!.id, 'bulk'],
      [b!.id, 'bulk'],
    ]);
    const toTeam = await call<{ assignments: Array<{ assigneeId: string; teamId: string }> }>(
      'POST',
      '/api/tickets/bulk-assign',
      {
        cookie: support,
        body: { ticketIds: ts.map((t) => t.id), teamId },
      },
    );
    expect(toTeam.json.assignments.map((x) => x.assigneeId)).toEqual([a!.id, b!.id]);
    const none = await call('POST', '/api/tickets/bulk-assign', {
      cookie: support,
      body: { ticketIds: [ts[0]!.id], assigneeId: null },
    });
    expect(none.status).toBe(200);
    expect((await db().query.tickets.findFirst({ where: eq(tickets.id, ts[0]!.id) }))?.assigneeId).toBeNull();

    const foreign = await other.ticket();
    const mixed = await call('POST', '/api/tickets/bulk-assign', {
      cookie: support,
      body: { ticketIds: [ts[1]!.id, foreign.id], assigneeId: a!.id },
    });
    expect(mixed.status).toBe(404);
    expect(
      (
        await call('POST', '/api/tickets/bulk-assign', {
          cookie: support,
          body: { ticketIds: [ts[1]!.id], teamId, assigneeId: a!.id },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('POST', '/api/tickets/bulk-assign', { cookie: support, body: { ticketIds: [], assigneeId: a!.id } }))
        .status,
    ).toBe(400);
    expect(
      (await call('PATCH', `/api/tickets/${foreign.id}/assignee`, { cookie: support, body: { assigneeId: null } }))
        .status,
    ).toBe(404);
  });
});

describe('ticket views', () => {
  it('All / My inbox / Unassigned with counts, filters and keyset pages that never repeat or skip', async () => {
    const acct = await freshAccount('views', 1);
    const me = acct.agents[0]!.id;
    const base = Date.now() - 100_000;
    // 25 tickets, several sharing a created_at millisecond (the id breaks the tie).
    for (let i = 0; i < 25; i++) {
      await insertTicket(acct.accountId, {
        createdAt: base + Math.floor(i / 3) * 1000,
        channel: i % 5 === 0 ? 'sms' : 'email',
        assigneeId: i % 2 === 0 ? me : null,
        status: i === 24 ? 'closed' : 'open',
      });
    }
    const cookie = await login(acct, 0);
    const first = await call<TicketPage>('GET', '/api/tickets?view=all&limit=10', { cookie });
    expect(first.status).toBe(200);
    expect(first.json.counts).toEqual({ all: 24, mine: 12, unassigned: 12, sla: 0 });
    const seen: string[] = first.json.tickets.map((t) => t.id);
    let next = first.json.nextCursor;
    while (next) {
      const page = await call<TicketPage>('GET', `/api/tickets?view=all&limit=10&cursor=${next}`, { cookie });
      seen.push(...page.json.tickets.map((t) => t.id));
      next = page.json.nextCursor;
    }
    expect(seen).toHaveLength(24);
    expect(new Set(seen).size).toBe(24);
    const all = await db().select().from(tickets).where(eq(tickets.accountId, acct.accountId));
    const expected = all
      .filter((t) => t.status === 'open')
      .sort((x, y) => y.createdAt - x.createdAt || (y.id < x.id ? -1 : 1))
      .map((t) => t.id);
    expect(seen).toEqual(expected);

    const mine = await call<TicketPage>('GET', '/api/tickets?view=mine', { cookie });
    expect(mine.json.tickets.every((t) => t.assigneeId === me)).toBe(true);
    expect(mine.json.tickets).toHaveLength(12);
    const unassignedSms = await call<TicketPage>('GET', '/api/tickets?view=unassigned&channel=sms', { cookie });
    expect(unassignedSms.json.tickets.every((t) => t.channel === 'sms' && t.assigneeId === null)).toBe(true);
    const closed = await call<TicketPage>('GET', '/api/tickets?status=closed', { cookie });
    expect(closed.json.counts.all).toBe(1);

    const bad = await call('GET', '/api/tickets?view=everything&cursor=nope', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: {
        code: 'invalid_query',
        details: expect.arrayContaining([
          expect.objectContaining({ field: 'view' }),
          expect.objectContaining({ field: 'cursor' }),
        ]),
      },
    });
  });

  it('every view walks one of the ticket indexes and never sorts the whole account', async () => {
    const shapes = [
      { view: 'all' },
      { view: 'mine' },
      { view: 'unassigned' },
      { view: 'all', channel: 'sms' },
      { view: 'all', team: crypto.randomUUID() },
      { view: 'mine', status: 'pending', cursor: `1700000000000_${crypto.randomUUID()}` },
      { view: 'sla' },
      { view: 'all', q: 'refund' },
      { view: 'mine', q: 'emma wil' },
    ];
    for (const shape of shapes) {
      const q = listQuery.parse(shape);
      for (const query of [
        pageQuery(db(), 'acct', 'user', q, Date.now()),
        countQuery(db(), 'acct', 'user', q, q.view, Date.now()),
      ]) {
        const { sql, params } = query.toSQL();
        const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>();
        const details = plan.results.map((r) => r.detail).join(' | ');
        expect(details, JSON.stringify(shape)).toMatch(/USING (COVERING )?INDEX tickets_view_/);
        // Ties on created_at are sorted by id within their block ("LAST TERM"), never the whole view.
        expect(details, JSON.stringify(shape)).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
        if (q.cursor && sql.includes('limit')) expect(details).toMatch(/created_at<\?/);
      }
    }
  });
});

describe('the ticket page', () => {
  it('shows the ticket, history, notes, tasks and the customer’s ticket count; status changes', async () => {
    const acct = await freshAccount('page', 1);
    await acct.online(acct.agents[0]!.id);
    const email = `shopper-${crypto.randomUUID().slice(0, 6)}@example.com`;
    const older = await insertTicket(acct.accountId, { requesterEmail: email, channel: 'email' });
    const row = await insertTicket(acct.accountId, { requesterEmail: email, channel: 'email' });
    await acct.stub.ticketCreated(await announcement(older.id));
    await acct.stub.ticketCreated(await announcement(row.id));
    await acct.landed();
    const cookie = await login(acct, 0);

    const note = await call('POST', `/api/tickets/${row.id}/notes`, {
      cookie,
      body: { body: 'Customer is <b>VIP</b>' },
    });
    expect(note.status).toBe(201);
    const due = Date.now() + 86_400_000;
    const task = await call<{ task: { id: string } }>('POST', `/api/tickets/${row.id}/tasks`, {
      cookie,
      body: { title: 'Call back', dueAt: due },
    });
    expect(task.status).toBe(201);
    const done = await call('PATCH', `/api/tickets/${row.id}/tasks/${task.json.task.id}`, {
      cookie,
      body: { done: true },
    });
    expect(done.json).toMatchObject({ task: { doneAt: expect.any(Number) } });
    expect((await call('POST', `/api/tickets/${row.id}/notes`, { cookie, body: { body: '   ' } })).status).toBe(400);

    const page = await call<{
      ticket: { number: number };
      transcript: unknown[];
      assignmentHistory: Array<{ reason: string }>;
      notes: Array<{ body: string }>;
      tasks: Array<{ title: string; dueAt: number }>;
      customerTicketCount: number;
    }>('GET', `/api/tickets/${row.id}`, { cookie });
    expect(page.status).toBe(200);
    expect(page.json.transcript).toEqual([]); // an email ticket with no chat conversation
    expect(page.json.assignmentHistory[0]!.reason).toMatch(/^online, next in rotation/);
    expect(page.json.notes.map((n) => n.body)).toEqual(['Customer is <b>VIP</b>']);
    expect(page.json.tasks).toEqual([expect.objectContaining({ title: 'Call back', dueAt: due })]);
    expect(page.json.customerTicketCount).toBe(2);

    const closed = await call('PATCH', `/api/tickets/${row.id}/status`, { cookie, body: { status: 'closed' } });
    expect(closed.json).toMatchObject({ ticket: { status: 'closed', closedAt: expect.any(Number) } });
    expect((await call('PATCH', `/api/tickets/${row.id}/status`, { cookie, body: { status: 'done' } })).status).toBe(
      400,
    );
    const reopened = await call('PATCH', `/api/tickets/${row.id}/status`, { cookie, body: { status: 'open' } });
    expect(reopened.json).toMatchObject({ ticket: { status: 'open', closedAt: null } });
  });

  it('a teammate reply reaches the shopper’s widget live, once, and sets time to first response', async () => {
    const acct = await freshAccount('reply', 1);
    const conv = await startConversation({ siteKey: acct.siteKey });
    const shopper = await ShopperSocket.open(conv);
    const ticket = await insertTicket(acct.accountId, { conversationId: conv.conversationId, channel: 'web_chat' });
    const cookie = await login(acct, 0);
    const clientId = crypto.randomUUID();
    const first = await call<{ message: { seq: number; role: string; authorName: string } }>(
      'POST',
      `/api/tickets/${ticket.id}/replies`,
      {
        cookie,
        body: { clientId, text: 'Hi, this is Agent — I can help.' },
      },
    );
    expect(first.status).toBe(201);
    expect(first.json.message).toMatchObject({ role: 'human', authorName: acct.agents[0]!.name });
    const live = await shopper.next('message', (f) => f.message.role === 'human');
    expect(live.message.text).toBe('Hi, this is Agent — I can help.');
    const retry = await call<{ message: { seq: number } }>('POST', `/api/tickets/${ticket.id}/replies`, {
      cookie,
      body: { clientId, text: 'Hi, this is Agent — I can help.' },
    });
    expect(retry.json.message.seq).toBe(first.json.message.seq);
    const row = await db().query.tickets.findFirst({ where: eq(tickets.id, ticket.id) });
    expect(row?.firstResponseAt).toEqual(expect.any(Number));
    const page = await call<{ transcript: Array<{ role: string }> }>('GET', `/api/tickets/${ticket.id}`, { cookie });
    expect(page.json.transcript.filter((m) => m.role === 'human')).toHaveLength(1);

    const emailTicket = await insertTicket(acct.accountId, { channel: 'email' });
    expect(
      (
        await call('POST', `/api/tickets/${emailTicket.id}/replies`, {
          cookie,
          body: { clientId: crypto.randomUUID(), text: 'hi' },
        })
      ).status,
    ).toBe(409);
    const analystless = await login(acct, 'owner');
    expect(
      (
        await call('POST', `/api/tickets/${ticket.id}/replies`, {
          cookie: analystless,
          body: { clientId: crypto.randomUUID(), text: '' },
        })
      ).status,
    ).toBe(400);
    shopper.close();
  });
});

describe('the inbox socket', () => {
  it('streams new tickets, a toast to the assignee only, status changes and messages of the open ticket', async () => {
    const acct = await freshAccount('socket', 2);
    const [a] = acct.agents;
    const cookieA = await login(acct, 0);
    const cookieB = await login(acct, 1);
    const sockA = await InboxSocket.open(cookieA);
    const sockB = await InboxSocket.open(cookieB);
    expect(await sockA.next('hello')).toEqual({ type: 'hello', userId: a!.id, presence: 'offline' });
    await call('PUT', '/api/presence', { cookie: cookieA, body: { presence: 'online' } });
    expect(await sockB.next('presence')).toEqual({ type: 'presence', userId: a!.id, presence: 'online' });

    const t = await acct.ticket('email');
    const created = await sockB.next('ticket.created');
    expect(created.ticket).toMatchObject({ id: t.id, assigneeId: a!.id });
    expect(created.assignment.reason).toMatch(/^online, next in rotation/);
    expect((await sockA.next('ticket.assigned')).ticket.id).toBe(t.id);
    expect(sockB.pending().some((f) => f.type === 'ticket.assigned')).toBe(false);

    await call('PATCH', `/api/tickets/${t.id}/status`, { cookie: cookieB, body: { status: 'pending' } });
    expect((await sockA.next('ticket.updated', (f) => f.ticket.status === 'pending')).ticket.id).toBe(t.id);

    sockA.send({ type: 'view', ticketId: t.id });
    sockA.send({ type: 'ping' });
    await sockA.next('pong'); // the view frame was handled before the ping
    const message = {
      seq: 7,
      role: 'shopper' as const,
      text: 'still there?',
      at: Date.now(),
      clientId: null,
      authorName: null,
      cards: [],
      prompt: null,
      link: null,
    };
    await acct.stub.conversationMessage({ conversationId: crypto.randomUUID(), ticketId: t.id, message });
    expect((await sockA.next('message')).message.text).toBe('still there?');
    // B is not viewing it: no message, but every list hears its preview (B's row moves live).
    const toB = await sockB.settle();
    expect(toB.some((f) => f.type === 'message')).toBe(false);
    expect(toB.filter((f) => f.type === 'ticket.activity')).toEqual([
      {
        type: 'ticket.activity',
        ticketId: t.id,
        lastMessage: { role: 'shopper', text: 'still there?', at: message.at },
      },
    ]);
    // A has it open, so A has read it (the row won't turn unread under A's eyes); B has not.
    const readMarks = await db().select().from(ticketReads).where(eq(ticketReads.ticketId, t.id));
    expect(readMarks.map((r) => [r.userId, r.readAt])).toEqual([[a!.id, message.at]]);
    // A system notice is no row's preview: it reaches the viewer's transcript only.
    await acct.stub.conversationMessage({
      conversationId: crypto.randomUUID(),
      ticketId: t.id,
      message: { ...message, seq: 8, role: 'system', text: 'Handed back' },
    });
    await sockA.next('message', (f) => f.message.seq === 8);
    expect((await sockB.settle()).some((f) => f.type === 'ticket.activity')).toBe(false);

    sockA.send('{nope');
    expect(await sockA.next('error')).toMatchObject({ code: 'bad_frame' });
    sockA.send({ type: 'view', ticketId: 'not-a-uuid' });
    expect(await sockA.next('error')).toMatchObject({
      code: 'invalid_frame',
      message: expect.stringContaining('ticketId'),
    });

    // Signing out closes that session's sockets.
    await call('POST', '/api/auth/sign-out', { cookie: cookieA });
    expect(await sockA.closedWith()).toBe(4401);
    sockB.close();
  });

  it('needs a session and the inbox’s own origin', async () => {
    const acct = await freshAccount('socket-auth', 1);
    await expect(InboxSocket.open('baton_session=nope')).rejects.toMatchObject({ status: 401 });
    const cookie = await login(acct, 0);
    await expect(InboxSocket.open(cookie, 'https://evil.example')).rejects.toMatchObject({ status: 403 });
  });
});

describe('settings', () => {
  it('office hours are validated and readable by every role', async () => {
    const acct = await freshAccount('hours-api', 1);
    const manager = await login(acct, 'owner');
    const bad = await call('PUT', '/api/settings/office-hours', {
      cookie: manager,
      body: {
        enabled: true,
        timezone: 'Mars/Olympus',
        weekly: { mon: [{ start: '17:00', end: '09:00' }] },
        holidays: ['2025-13-40'],
      },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.json as { error: { details: Array<{ field: string }> } }).error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['timezone', 'weekly.mon.0', 'holidays.0']));
    const ok = await call('PUT', '/api/settings/office-hours', {
      cookie: manager,
      body: {
        enabled: true,
        timezone: 'Europe/Berlin',
        weekly: {
          mon: [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '18:00' },
          ],
        },
        holidays: ['2025-12-25'],
      },
    });
    expect(ok.status).toBe(200);
    const agent = await login(acct, 0);
    expect((await call('PUT', '/api/settings/office-hours', { cookie: agent, body: { enabled: false } })).status).toBe(
      403,
    );
    const read = await call<{ settings: { officeHours: { timezone: string; weekly: { tue: unknown[] } } } }>(
      'GET',
      '/api/settings',
      { cookie: agent },
    );
    expect(read.json.settings.officeHours.timezone).toBe('Europe/Berlin');
    expect(read.json.settings.officeHours.weekly.tue).toEqual([{ start: '09:00', end: '17:00' }]);
  });
});

describe('end to end through the handoff', () => {
  it('two Online agents get one handoff each; the shopper’s messages reach the agent live; No assignee moves it to Unassigned', async () => {
    const acct = await freshAccount('e2e', 2);
    const [a, b] = acct.agents;
    const cookieA = await login(acct, 0);
    const cookieB = await login(acct, 1);
    for (const cookie of [cookieA, cookieB])
      await call('PUT', '/api/presence', { cookie, body: { presence: 'online' } });
    const sockA = await InboxSocket.open(cookieA);
    const sockB = await InboxSocket.open(cookieB);
    await sockA.next('hello');
    await sockB.next('hello');

    const key = (await db().query.accounts.findFirst({ where: eq(accounts.id, acct.accountId) }))!.identityKey;
    const shopper = async (sub: string) => {
      const identityToken = await sign(
        { sub, email: `${sub}@shopper.test`, exp: Math.floor(Date.now() / 1000) + 600 },
        key,
        'HS256',
      );
      const conv = await startConversation({ siteKey: acct.siteKey, identityToken });
      const res = await call('POST', `/api/widget/conversations/${conv.conversationId}/escalate`, {
        body: { clientId: crypto.randomUUID() },
        headers: bearer(conv.resumeToken),
      });
      expect(res.status).toBe(200);
      return conv;
    };
    const first = await shopper('cust-1');
    const second = await shopper('cust-2');
    const toastA = await sockA.next('ticket.assigned');
    const toastB = await sockB.next('ticket.assigned');
    expect([toastA.ticket.assigneeId, toastB.ticket.assigneeId]).toEqual([a!.id, b!.id]);
    const ticketA = toastA.ticket;

    // A opens the ticket; the shopper writes; A sees it without reloading.
    sockA.send({ type: 'view', ticketId: ticketA.id });
    sockA.send({ type: 'ping' });
    await sockA.next('pong');
    await sendHttp(first, 'my order number is 1042');
    expect((await sockA.next('message', (f) => f.message.role === 'shopper')).message.text).toBe(
      'my order number is 1042',
    );

    // A answers; the shopper's widget shows it.
    const widget = await ShopperSocket.open(first);
    const reply = await call('POST', `/api/tickets/${ticketA.id}/replies`, {
      cookie: cookieA,
      body: { clientId: crypto.randomUUID(), text: 'Found it — it ships today.' },
    });
    expect(reply.status).toBe(201);
    expect((await widget.next('message', (f) => f.message.role === 'human')).message.text).toBe(
      'Found it — it ships today.',
    );

    // Back to Unassigned.
    const owner = await login(acct, 'owner');
    expect(
      (await call('PATCH', `/api/tickets/${ticketA.id}/assignee`, { cookie: owner, body: { assigneeId: null } }))
        .status,
    ).toBe(200);
    const unassigned = await call<TicketPage>('GET', '/api/tickets?view=unassigned', { cookie: owner });
    expect(unassigned.json.tickets.map((t) => t.id)).toContain(ticketA.id);
    expect(second.conversationId).not.toBe(first.conversationId);
    widget.close();
    sockA.close();
    sockB.close();
  });
});
