import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, db, insertTicket } from './helpers';
import { fieldsOf, getSettings, lastAudit, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';
import { tickets } from '../../worker/db/schema';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('teams');
});

interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

describe('teams and members', () => {
  it('Managers create, rename and staff a team; everyone can list them; every change is audited', async () => {
    const cookie = await store.as('manager');
    const created = await call<{ team: Team }>('POST', '/api/teams', {
      cookie,
      body: { name: 'Returns desk', memberIds: [store.userId('agent')] },
    });
    expect(created.status).toBe(201);
    const id = created.json.team.id;
    expect((await lastAudit(store.accountId, 'teams.create'))!.changes).toMatchObject({
      teamId: id,
      name: 'Returns desk',
    });

    const renamed = await call<{ team: Team }>('PATCH', `/api/teams/${id}`, { cookie, body: { name: 'Returns' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.team).toEqual({ id, name: 'Returns', memberIds: [store.userId('agent')] });
    expect((await lastAudit(store.accountId, 'teams.rename'))!.changes).toMatchObject({
      before: 'Returns desk',
      after: 'Returns',
    });

    const staffed = await call<{ team: Team }>('PUT', `/api/teams/${id}/members`, {
      cookie,
      body: { memberIds: [store.userId('support'), store.userId('agent')] },
    });
    expect(staffed.status).toBe(200);
    expect((await lastAudit(store.accountId, 'teams.members'))!.changes).toMatchObject({
      before: [store.userId('agent')],
    });

    const list = await call<{ teams: Team[] }>('GET', '/api/teams', { cookie: await store.as('analyst') });
    expect(list.json.teams.find((t) => t.id === id)?.memberIds.sort()).toEqual(
      [store.userId('support'), store.userId('agent')].sort(),
    );
  });

  it('invalid input: empty name and unknown members are 400 with the field; a taken name is 409', async () => {
    const cookie = await store.as('owner');
    const empty = await call('POST', '/api/teams', { cookie, body: { name: ' ' } });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.json)).toEqual(['name']);
    const stranger = await call('POST', '/api/teams', {
      cookie,
      body: { name: 'Night shift', memberIds: [crypto.randomUUID()] },
    });
    expect(stranger.status).toBe(400);
    expect(fieldsOf(stranger.json)).toEqual(['memberIds']);
    const taken = await call('POST', '/api/teams', { cookie, body: { name: 'frontline' } });
    expect(taken.status).toBe(409);
  });

  it('a team used by the handoff settings cannot be deleted; an unused one can, and its tickets forget it', async () => {
    const cookie = await store.as('admin');
    const team = (await call<{ team: Team }>('POST', '/api/teams', { cookie, body: { name: 'VIP' } })).json.team;
    const handoff = (await getSettings(cookie)).handoff as {
      channels: Record<string, Record<string, unknown>>;
      routingRules: unknown[];
    };
    const routed = {
      ...handoff,
      routingRules: [
        {
          id: 'vip',
          name: 'VIP first',
          enabled: true,
          when: { tagsAny: ['vip'] },
          route: { kind: 'team', teamId: team.id },
        },
      ],
    };
    expect((await call('PUT', '/api/settings/handoff', { cookie, body: routed })).status).toBe(200);
    const inUse = await call('DELETE', `/api/teams/${team.id}`, { cookie });
    expect(inUse.status).toBe(409);
    expect(inUse.json).toMatchObject({ error: { code: 'team_in_use', message: expect.stringContaining('VIP first') } });

    expect(
      (await call('PUT', '/api/settings/handoff', { cookie, body: { ...handoff, routingRules: [] } })).status,
    ).toBe(200);
    const ticket = await insertTicket(store.accountId, { teamId: team.id });
    const deleted = await call('DELETE', `/api/teams/${team.id}`, { cookie });
    expect(deleted.status).toBe(200);
    expect((await db().query.tickets.findFirst({ where: eq(tickets.id, ticket.id) }))!.teamId).toBeNull();
    expect((await call('DELETE', `/api/teams/${team.id}`, { cookie })).status).toBe(404);
    expect((await lastAudit(store.accountId, 'teams.delete'))!.changes).toMatchObject({ name: 'VIP' });
  });

  it('Support, Agent and Analyst get 403 from every team write', async () => {
    const teamId = (await call<{ teams: Team[] }>('GET', '/api/teams', { cookie: await store.as('owner') })).json
      .teams[0]!.id;
    for (const role of ['support', 'agent', 'analyst'] as const) {
      const cookie = await store.as(role);
      expect((await call('POST', '/api/teams', { cookie, body: { name: 'Mine' } })).status).toBe(403);
      expect((await call('PATCH', `/api/teams/${teamId}`, { cookie, body: { name: 'Mine' } })).status).toBe(403);
      expect((await call('PUT', `/api/teams/${teamId}/members`, { cookie, body: { memberIds: [] } })).status).toBe(403);
      expect((await call('DELETE', `/api/teams/${teamId}`, { cookie })).status).toBe(403);
    }
  });

  it("another store's team is 404", async () => {
    const other = await storeWithEveryRole('teams-other');
    const theirs = (await call<{ teams: Team[] }>('GET', '/api/teams', { cookie: await other.as('owner') })).json
      .teams[0]!.id;
    const cookie = await store.as('owner');
    expect((await call('PATCH', `/api/teams/${theirs}`, { cookie, body: { name: 'Stolen' } })).status).toBe(404);
    expect((await call('DELETE', `/api/teams/${theirs}`, { cookie })).status).toBe(404);
  });
});
