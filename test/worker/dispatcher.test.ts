import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { tickets, users } from '../../worker/db/schema';
import { readSettings, writeSection } from '../../worker/settings/store';
import { openDb } from '../../worker/db/client';
import { ticketCreatedInput, type TicketRoute } from '../../worker/dispatch/types';
import { FailingD1 } from '../support/failing-d1';
import { db, insertTicket } from './helpers';
import { announcement, freshAccount, logOf, logsOfAccount, prng, restart, type FreshAccount } from './dispatch-helpers';

const ticketRow = (id: string) => db().query.tickets.findFirst({ where: eq(tickets.id, id) });

async function officeHours(acct: FreshAccount, patch: { afterHoursBacklog?: boolean } = {}) {
  const settings = await readSettings(db(), acct.accountId);
  await writeSection(db(), acct.accountId, null, 'officeHours', {
    ...settings.officeHours,
    enabled: true,
    timezone: 'America/New_York',
    weekly: { ...settings.officeHours.weekly, mon: [{ start: '09:00', end: '17:00' }], sat: [], sun: [] },
  });
  await writeSection(db(), acct.accountId, null, 'roundRobin', {
    ...settings.roundRobin,
    afterHoursBacklog: patch.afterHoursBacklog ?? false,
  });
}

// Saturday 4 January 2025, 12:00 in New York (17:00 UTC): closed. Monday 6 January, 09:30 New York: open.
const SATURDAY_NOON_NY = Date.UTC(2025, 0, 4, 17, 0);
const MONDAY_0930_NY = Date.UTC(2025, 0, 6, 14, 30);

describe('round robin', () => {
  it('walks the fixed rotation order, one ticket each, and logs why', async () => {
    const acct = await freshAccount('order');
    const [a, b, c] = acct.agents;
    // Coming Online in a different order does not change the rotation (creation order, then id).
    for (const agent of [c!, a!, b!])
      expect(await acct.online(agent.id)).toEqual({ ok: true, value: { presence: 'online' } });
    const snapshot = await acct.stub.snapshot();
    expect(snapshot.rotation.map((m) => m.userId)).toEqual([a!.id, b!.id, c!.id]);

    const got = [];
    for (let i = 0; i < 6; i++) got.push(await acct.ticket('email'));
    expect(got.map((t) => t.assigneeId)).toEqual([a!.id, b!.id, c!.id, a!.id, b!.id, c!.id]);
    expect(got[0]).toMatchObject({
      method: 'round_robin',
      reason: 'online, next in rotation (3 agents online), email is assigned at any hour',
    });
    const row = await ticketRow(got[0]!.id);
    expect(row?.assigneeId).toBe(a!.id);
    const log = await logOf(got[0]!.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: 'round_robin', assigneeId: a!.id, actorId: null, previousAssigneeId: null });
    // D1 mirrors presence for the inbox.
    const presence = await db().select({ presence: users.presence }).from(users).where(eq(users.id, a!.id));
    expect(presence[0]?.presence).toBe('online');
  });

  it('gives every ticket to the only Online agent until another comes Online', async () => {
    const acct = await freshAccount('solo');
    const [a, b] = acct.agents;
    await acct.online(a!.id);
    const first = [await acct.ticket(), await acct.ticket(), await acct.ticket()];
    expect(first.map((t) => t.assigneeId)).toEqual([a!.id, a!.id, a!.id]);
    expect(first[0]!.reason).toContain('the only agent online');
    await acct.online(b!.id);
    const next = [await acct.ticket(), await acct.ticket()];
    expect(next.map((t) => t.assigneeId)).toEqual([b!.id, a!.id]);
  });

  it('skips Offline agents and waits in Unassigned when nobody is Online', async () => {
    const acct = await freshAccount('skip');
    const [a, b, c] = acct.agents;
    const none = await acct.ticket('sms');
    expect(none).toMatchObject({
      assigneeId: null,
      method: 'round_robin',
      reason: 'no agent online: waiting in Unassigned',
    });
    expect((await ticketRow(none.id))?.assigneeId).toBeNull();
    expect(await logOf(none.id)).toEqual([
      expect.objectContaining({ assigneeId: null, reason: 'no agent online: waiting in Unassigned' }),
    ]);

    for (const agent of [a!, b!, c!]) await acct.online(agent.id);
    expect((await acct.ticket()).assigneeId).toBe(a!.id);
    await acct.offline(b!.id);
    expect((await acct.ticket()).assigneeId).toBe(c!.id);
    expect((await acct.ticket()).assigneeId).toBe(a!.id);
    await acct.online(b!.id);
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
    // Going Offline rebalances nothing: the tickets B already had stay with B.
    await acct.offline(b!.id);
    const bTickets = await db().select().from(tickets).where(eq(tickets.assigneeId, b!.id));
    expect(bTickets).toHaveLength(1);
  });

  it('does nothing automatically when round robin is off', async () => {
    const acct = await freshAccount('off');
    await acct.online(acct.agents[0]!.id);
    await writeSection(db(), acct.accountId, null, 'roundRobin', { enabled: false, afterHoursBacklog: false });
    expect(await acct.ticket()).toMatchObject({
      assigneeId: null,
      reason: 'round robin is off: waiting in Unassigned',
    });
  });

  it('a retried ticketCreated returns the first decision and assigns once', async () => {
    const acct = await freshAccount('retry');
    for (const agent of acct.agents) await acct.online(agent.id);
    const row = await insertTicket(acct.accountId, { channel: 'email' });
    const input = await announcement(row.id);
    const results = await Promise.all([
      acct.stub.ticketCreated(input),
      acct.stub.ticketCreated(input),
      acct.stub.ticketCreated(input),
    ]);
    await acct.landed();
    expect(new Set(results.map((r) => r.assigneeId)).size).toBe(1);
    expect(await logOf(row.id)).toHaveLength(1);
    // The pointer moved once: the next ticket goes to the second agent.
    expect((await acct.ticket()).assigneeId).toBe(acct.agents[1]!.id);
  });

  it('a settings save reaches the next ticket: the call carries the version, the held copy is refreshed', async () => {
    const acct = await freshAccount('held-version', 1);
    await acct.online(acct.agents[0]!.id);
    expect((await acct.ticket()).assigneeId).toBe(acct.agents[0]!.id); // the Dispatcher now holds the settings
    await writeSection(db(), acct.accountId, null, 'roundRobin', { enabled: false, afterHoursBacklog: false });
    expect(await acct.ticket()).toMatchObject({
      assigneeId: null,
      reason: 'round robin is off: waiting in Unassigned',
    });
  });

  it('decides a round-robin ticket with D1 down (nothing read), and its write lands once D1 is back', async () => {
    const acct = await freshAccount('no-reads', 2);
    for (const agent of acct.agents) await acct.online(agent.id);
    expect((await acct.ticket()).assigneeId).toBe(acct.agents[0]!.id);
    const row = await insertTicket(acct.accountId, { channel: 'email' });
    const input = await announcement(row.id);
    const failing = new FailingD1(env.DB, 1000);
    await runInDurableObject(acct.stub, (instance) => void Object.assign(instance, { db: openDb(failing.binding()) }));
    const decision = await acct.stub.ticketCreated(input);
    expect(decision.assigneeId).toBe(acct.agents[1]!.id);
    expect(failing.statements).toBe(0); // nothing read: D1 is used only for the outbox's write batch
    expect((await ticketRow(row.id))?.assigneeId).toBeNull();
    await restart(acct.stub); // the real binding is back
    await runDurableObjectAlarm(acct.stub);
    expect((await ticketRow(row.id))?.assigneeId).toBe(acct.agents[1]!.id);
    expect(await logOf(row.id)).toHaveLength(1);
  });

  it('decides team, person and keep routes with D1 down too: the caller passes what the route names', async () => {
    const acct = await freshAccount('no-reads-routes', 3);
    const [a, b, c] = acct.agents;
    const teamId = await acct.team('VIP', [b!.id, c!.id]);
    for (const agent of acct.agents) await acct.online(agent.id);
    expect((await acct.ticket()).assigneeId).toBe(a!.id); // the Dispatcher holds the settings now
    const routes: Array<[TicketRoute, string | null, string]> = [
      [{ kind: 'team', teamId }, b!.id, 'team'],
      [{ kind: 'team', teamId }, c!.id, 'team'],
      [{ kind: 'user', userId: a!.id }, a!.id, 'rule'],
      [{ kind: 'keep', userId: c!.id }, c!.id, 'rule'],
      [{ kind: 'team', teamId: crypto.randomUUID() }, null, 'team'], // no such team: Unassigned, said why
      [{ kind: 'user', userId: acct.owner.id }, acct.owner.id, 'rule'],
      [{ kind: 'round_robin' }, b!.id, 'round_robin'],
    ];
    const inputs = [];
    for (const [route] of routes) {
      const row = await insertTicket(acct.accountId, { channel: 'email' });
      inputs.push(await announcement(row.id, route));
    }
    const failing = new FailingD1(env.DB, 1000);
    await runInDurableObject(acct.stub, (instance) => void Object.assign(instance, { db: openDb(failing.binding()) }));
    for (const [i, [, assigneeId, method]] of routes.entries()) {
      expect(await acct.stub.ticketCreated(inputs[i]!)).toMatchObject({ assigneeId, method });
    }
    expect(failing.statements).toBe(0); // no read: only the outbox's write batches were tried
    await restart(acct.stub);
    await acct.landed();
    for (const [i, [, assigneeId]] of routes.entries())
      expect((await ticketRow(inputs[i]!.ticket.id))?.assigneeId).toBe(assigneeId);
  });

  it('refuses a target that is not what the route names, and one of another account', async () => {
    const acct = await freshAccount('target-check', 1);
    const other = await freshAccount('target-other', 1);
    await acct.online(acct.agents[0]!.id);
    const row = await insertTicket(acct.accountId, { channel: 'email' });
    const input = await announcement(row.id, { kind: 'user', userId: acct.agents[0]!.id });
    expect(ticketCreatedInput.safeParse(input).success).toBe(true);
    const mismatch = ticketCreatedInput.safeParse({ ...input, route: { kind: 'user', userId: other.agents[0]!.id } });
    expect(mismatch.error?.issues[0]?.message).toBe('target does not match the route');
    expect(ticketCreatedInput.safeParse({ ...input, route: { kind: 'round_robin' } }).success).toBe(false);
    // Another account's member, named by its own id: read as "no such person here".
    const foreign = await announcement(row.id, { kind: 'user', userId: other.agents[0]!.id });
    expect(await acct.stub.ticketCreated(foreign)).toMatchObject({ assigneeId: null, method: 'rule' });
  });

  it('refuses a ticket of another account', async () => {
    const one = await freshAccount('tenant-a', 1);
    const two = await freshAccount('tenant-b', 1);
    await two.online(two.agents[0]!.id);
    const foreign = await insertTicket(one.accountId, { channel: 'email' });
    await expect(two.stub.ticketCreated(await announcement(foreign.id))).rejects.toThrow(/another account/);
    expect((await ticketRow(foreign.id))?.assigneeId).toBeNull();
  });
});

describe('office hours', () => {
  it('leaves after-hours web chat in Unassigned while after-hours SMS and email are assigned', async () => {
    const acct = await freshAccount('hours');
    await officeHours(acct);
    const [a, b] = acct.agents;
    await acct.online(a!.id);
    await acct.online(b!.id);
    await acct.stub.fixClock(SATURDAY_NOON_NY);
    const chat = await acct.ticket('web_chat');
    expect(chat).toMatchObject({ assigneeId: null, reason: 'web chat outside office hours: waiting in Unassigned' });
    const sms = await acct.ticket('sms');
    const email = await acct.ticket('email');
    expect([sms.assigneeId, email.assigneeId]).toEqual([a!.id, b!.id]);
    expect(sms.reason).toBe('online, next in rotation (2 agents online), SMS is assigned at any hour');

    await acct.stub.fixClock(MONDAY_0930_NY);
    const inside = await acct.ticket('web_chat');
    expect(inside).toMatchObject({
      assigneeId: a!.id,
      reason: 'online, next in rotation (2 agents online), inside office hours',
    });
    // The backlog setting is off (the default): the after-hours chat stays where it was.
    await runDurableObjectAlarm(acct.stub);
    expect((await ticketRow(chat.id))?.assigneeId).toBeNull();
  });

  it('hands the after-hours backlog out oldest first when hours open, if the account opted in', async () => {
    const acct = await freshAccount('backlog');
    await officeHours(acct, { afterHoursBacklog: true });
    const [a, b] = acct.agents;
    await acct.online(a!.id);
    await acct.online(b!.id);
    await acct.stub.fixClock(SATURDAY_NOON_NY);
    const older = await acct.ticket('web_chat');
    const newer = await acct.ticket('web_chat');
    const taken = await acct.ticket('web_chat');
    expect(older.reason).toBe(
      'web chat outside office hours: waiting in Unassigned (handed out when office hours open)',
    );
    expect((await acct.stub.snapshot()).backlog).toEqual([older.id, newer.id, taken.id]);
    // Someone takes one by hand meanwhile: the hand-out must leave it alone.
    const manual = await acct.stub.assign({
      accountId: acct.accountId,
      actor: { id: acct.support.id, name: 'Support' },
      ticketIds: [taken.id],
      to: { kind: 'user', userId: b!.id },
    });
    expect(manual.ok).toBe(true);

    await acct.stub.fixClock(MONDAY_0930_NY);
    expect(await runDurableObjectAlarm(acct.stub)).toBe(true);
    expect((await ticketRow(older.id))?.assigneeId).toBe(a!.id);
    expect((await ticketRow(newer.id))?.assigneeId).toBe(b!.id);
    expect((await ticketRow(taken.id))?.assigneeId).toBe(b!.id);
    const log = await logOf(older.id);
    expect(log.at(-1)?.reason).toMatch(/^after-hours web chat, handed out oldest first/);
    expect((await acct.stub.snapshot()).backlog).toEqual([]);
  });
});

describe('manual assignment and teams', () => {
  it('manual, self and No assignee leave the rotation pointer where it was', async () => {
    const acct = await freshAccount('manual');
    const [a, b, c] = acct.agents;
    for (const agent of [a!, b!, c!]) await acct.online(agent.id);
    const t1 = await acct.ticket();
    expect(t1.assigneeId).toBe(a!.id);
    const actor = { id: acct.support.id, name: 'Sam' };
    const manual = await acct.stub.assign({
      accountId: acct.accountId,
      actor,
      ticketIds: [t1.id],
      to: { kind: 'user', userId: c!.id },
    });
    expect(manual).toMatchObject({
      ok: true,
      value: [{ assigneeId: c!.id, method: 'manual', reason: 'assigned by Sam' }],
    });
    const self = await acct.stub.assign({
      accountId: acct.accountId,
      actor: { id: a!.id, name: 'Agent 0' },
      ticketIds: [t1.id],
      to: { kind: 'user', userId: a!.id },
    });
    expect(self).toMatchObject({ ok: true, value: [{ method: 'self' }] });
    const cleared = await acct.stub.assign({
      accountId: acct.accountId,
      actor,
      ticketIds: [t1.id],
      to: { kind: 'none' },
    });
    expect(cleared).toMatchObject({
      ok: true,
      value: [{ assigneeId: null, method: 'unassign', reason: 'set to No assignee by Sam' }],
    });
    expect((await ticketRow(t1.id))?.assigneeId).toBeNull();
    expect((await logOf(t1.id)).map((l) => [l.method, l.previousAssigneeId])).toEqual([
      ['round_robin', null],
      ['manual', a!.id],
      ['self', c!.id],
      ['unassign', a!.id],
    ]);
    // Round robin continues after A as if nothing happened.
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
  });

  it('bulk to a team round-robins among its Online members with the team’s own pointer', async () => {
    const acct = await freshAccount('team', 4);
    const [a, b, c, d] = acct.agents;
    const teamId = await acct.team('Returns', [a!.id, b!.id, d!.id]);
    for (const agent of [a!, b!, c!]) await acct.online(agent.id); // d is in the team but Offline
    const first = await acct.ticket(); // global rotation: a
    expect(first.assigneeId).toBe(a!.id);
    const bulk = [
      await acct.ticket('sms', { kind: 'unassigned' }),
      await acct.ticket('sms', { kind: 'unassigned' }),
      await acct.ticket('sms', { kind: 'unassigned' }),
    ];
    const res = await acct.stub.assign({
      accountId: acct.accountId,
      actor: { id: acct.support.id, name: 'Sam' },
      ticketIds: bulk.map((t) => t.id),
      to: { kind: 'team', teamId },
      bulk: true,
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.map((o) => o.assigneeId)).toEqual([a!.id, b!.id, a!.id]);
    expect(res.value.every((o) => o.method === 'team' && o.teamId === teamId)).toBe(true);
    expect(res.value[0]!.reason).toBe(
      "bulk-assigned by Sam to team Returns; Returns: online, next in the team's rotation (2 members online)",
    );
    for (const t of bulk) expect((await ticketRow(t.id))?.teamId).toBe(teamId);
    // The team remembers its own turn...
    const more = await acct.ticket('sms', { kind: 'unassigned' });
    const again = await acct.stub.assign({
      accountId: acct.accountId,
      actor: { id: acct.support.id, name: 'Sam' },
      ticketIds: [more.id],
      to: { kind: 'team', teamId },
    });
    expect(again.ok && again.value[0]!.assigneeId).toBe(b!.id);
    // ...and the account's rotation is untouched: after a comes b.
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
  });

  it('a handoff routed to a team, a person or Unassigned follows the route', async () => {
    const acct = await freshAccount('routes');
    const [a, b, c] = acct.agents;
    const teamId = await acct.team('VIP', [c!.id]);
    await acct.online(a!.id);
    await acct.online(c!.id);
    expect(await acct.ticket('email', { kind: 'team', teamId })).toMatchObject({ assigneeId: c!.id, method: 'team' });
    expect(await acct.ticket('email', { kind: 'user', userId: b!.id })).toMatchObject({
      assigneeId: b!.id,
      method: 'rule',
      reason: `handoff rule: assigned to ${b!.name}`,
    });
    expect(await acct.ticket('email', { kind: 'keep', userId: b!.id })).toMatchObject({
      assigneeId: b!.id,
      method: 'rule',
    });
    expect(await acct.ticket('email', { kind: 'unassigned' })).toMatchObject({ assigneeId: null, method: 'unassign' });
    expect(await acct.ticket('email', { kind: 'user', userId: crypto.randomUUID() })).toMatchObject({
      assigneeId: null,
      method: 'rule',
    });
    // None of that moved the account's pointer.
    expect((await acct.ticket()).assigneeId).toBe(a!.id);
  });

  it('refuses an assignee outside the account or a ticket it does not own', async () => {
    const acct = await freshAccount('refuse', 1);
    const other = await freshAccount('refuse-other', 1);
    const t = await acct.ticket();
    const actor = { id: acct.owner.id, name: 'Owner' };
    expect(
      await acct.stub.assign({
        accountId: acct.accountId,
        actor,
        ticketIds: [t.id],
        to: { kind: 'user', userId: other.agents[0]!.id },
      }),
    ).toMatchObject({ ok: false, code: 'invalid_assignee' });
    const foreign = await other.ticket();
    expect(
      await acct.stub.assign({ accountId: acct.accountId, actor, ticketIds: [foreign.id], to: { kind: 'none' } }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('presence', () => {
  it('lapses when the session that set it expires', async () => {
    const acct = await freshAccount('lapse', 2);
    const [a, b] = acct.agents;
    const t0 = Date.UTC(2025, 0, 6, 15, 0);
    await acct.stub.fixClock(t0);
    await acct.online(a!.id, t0 + 60_000);
    await acct.online(b!.id);
    expect((await acct.ticket()).assigneeId).toBe(a!.id);
    await acct.stub.fixClock(t0 + 120_000);
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
    await runDurableObjectAlarm(acct.stub);
    const row = await db().select({ presence: users.presence }).from(users).where(eq(users.id, a!.id));
    expect(row[0]?.presence).toBe('offline');
  });

  it('an Analyst has no Online status', async () => {
    const acct = await freshAccount('analyst', 1);
    await db().update(users).set({ role: 'analyst' }).where(eq(users.id, acct.agents[0]!.id));
    expect(await acct.online(acct.agents[0]!.id)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('keeps presence and the pointer across a restart', async () => {
    const acct = await freshAccount('restart');
    const [a, b, c] = acct.agents;
    for (const agent of [a!, b!, c!]) await acct.online(agent.id);
    expect((await acct.ticket()).assigneeId).toBe(a!.id);
    await restart(acct.stub);
    expect((await acct.ticket()).assigneeId).toBe(b!.id);
    expect((await acct.stub.snapshot()).rotation.filter((m) => m.online)).toHaveLength(3);
  });
});

describe('under concurrency', () => {
  it('1,000 tickets while agents flap Online/Offline at random: each assigned once, ±1 among the always-Online', {
    timeout: 120_000,
  }, async () => {
    const acct = await freshAccount('property', 5);
    const [steadyA, steadyB, ...flappers] = acct.agents;
    const rand = prng(20250106);
    await acct.online(steadyA!.id);
    await acct.online(steadyB!.id);
    const flapperOnline = new Set<string>();
    const decided = new Map<string, string | null>();
    const channels = ['web_chat', 'email', 'sms', 'whatsapp'] as const;

    for (let round = 0; round < 100; round++) {
      if (round === 50) await restart(acct.stub);
      const rows = await Promise.all(
        Array.from({ length: 10 }, () =>
          insertTicket(acct.accountId, { channel: channels[Math.floor(rand() * channels.length)]! }),
        ),
      );
      const toggles = flappers
        .filter(() => rand() < 0.3)
        .map((f) => {
          const goingOnline = !flapperOnline.has(f.id);
          if (goingOnline) flapperOnline.add(f.id);
          else flapperOnline.delete(f.id);
          return goingOnline ? acct.online(f.id) : acct.offline(f.id);
        });
      // Some tickets are announced twice at once, as a retrying handoff would.
      const calls = rows.flatMap((row) =>
        Array.from({ length: rand() < 0.1 ? 2 : 1 }, async () => {
          const d = await acct.stub.ticketCreated(await announcement(row.id));
          if (decided.has(row.id)) expect(d.assigneeId).toBe(decided.get(row.id));
          decided.set(row.id, d.assigneeId);
        }),
      );
      await Promise.all([...toggles, ...calls]);
    }

    expect(decided.size).toBe(1000);
    await acct.landed();
    const rows = await db()
      .select({ id: tickets.id, assigneeId: tickets.assigneeId })
      .from(tickets)
      .where(eq(tickets.accountId, acct.accountId));
    expect(rows).toHaveLength(1000);
    for (const row of rows) expect(row.assigneeId).toBe(decided.get(row.id));
    expect(rows.every((r) => r.assigneeId !== null)).toBe(true); // two agents were Online throughout
    const logs = await logsOfAccount(acct.accountId);
    expect(logs).toHaveLength(1000); // one assignment per ticket, never two
    expect(new Set(logs.map((l) => l.ticketId)).size).toBe(1000);
    const count = (id: string) => rows.filter((r) => r.assigneeId === id).length;
    expect(Math.abs(count(steadyA!.id) - count(steadyB!.id))).toBeLessThanOrEqual(1);
    expect(count(steadyA!.id)).toBeGreaterThan(200);
  });

  it('loses nothing when the object restarts in the middle of concurrent calls', { timeout: 60_000 }, async () => {
    const acct = await freshAccount('abort', 3);
    for (const agent of acct.agents) await acct.online(agent.id);
    const rows = await Promise.all(
      Array.from({ length: 60 }, () => insertTicket(acct.accountId, { channel: 'email' })),
    );
    const announce = (row: (typeof rows)[number]) =>
      announcement(row.id).then((input) => acct.stub.ticketCreated(input));
    // Half go in, the object is killed while they run, and callers retry whatever failed.
    const first = rows.slice(0, 30).map((row) =>
      announce(row).then(
        () => null,
        () => row,
      ),
    );
    await restart(acct.stub);
    const failed = (await Promise.all(first)).filter((r) => r !== null);
    const decisions = await Promise.all([...failed, ...rows.slice(30)].map(announce));
    expect(decisions.every((d) => d.assigneeId !== null)).toBe(true);
    for (const row of rows.slice(0, 30)) await announce(row); // every retry is harmless

    await acct.landed();
    const after = await db()
      .select({ id: tickets.id, assigneeId: tickets.assigneeId })
      .from(tickets)
      .where(eq(tickets.accountId, acct.accountId));
    expect(after.filter((r) => r.assigneeId === null)).toEqual([]);
    const logs = await logsOfAccount(acct.accountId);
    expect(logs).toHaveLength(60);
    const counts = acct.agents.map((a) => after.filter((r) => r.assigneeId === a.id).length);
    expect(counts).toEqual([20, 20, 20]);
    expect((await acct.stub.snapshot()).pendingWrites).toBe(false);
  });
});
