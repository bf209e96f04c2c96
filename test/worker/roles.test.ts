import { describe, expect, it } from 'vitest';
import { call, demoAccount, insertTicket, signIn } from './helpers';

// Expected outcome per demo role for the three actions the design names (DESIGN.md, Tenancy).
const MATRIX = [
  { email: 'owner@demo.test', role: 'owner', settingsEdit: true, assign: true, invite: true },
  { email: 'manager@demo.test', role: 'manager', settingsEdit: true, assign: true, invite: false },
  { email: 'support@demo.test', role: 'support', settingsEdit: false, assign: true, invite: false },
  { email: 'maya@demo.test', role: 'agent', settingsEdit: false, assign: false, invite: false },
] as const;

describe('role permissions are enforced on the server', () => {
  for (const row of MATRIX) {
    it(`${row.role}: settings-edit ${row.settingsEdit ? 'allowed' : 'refused'}`, async () => {
      const cookie = await signIn(row.email);
      const res = await call('PUT', '/api/settings/agent', {
        cookie,
        body: { confidenceThreshold: 0.4, missesBeforeEscalation: 2, idleResolveMinutes: 30 },
      });
      expect(res.status).toBe(row.settingsEdit ? 200 : 403);
      if (!row.settingsEdit)
        expect(res.json).toMatchObject({
          error: { code: 'forbidden', message: expect.stringContaining('settings.edit') },
        });
      // Reading settings is open to every role.
      expect((await call('GET', '/api/settings', { cookie })).status).toBe(200);
    });

    it(`${row.role}: assign ${row.assign ? 'allowed' : 'refused'}`, async () => {
      const account = await demoAccount();
      const ticket = await insertTicket(account.id);
      const cookie = await signIn(row.email);
      const me = await call<{ user: { id: string } }>('GET', '/api/auth/me', { cookie });
      const res = await call('PATCH', `/api/tickets/${ticket.id}/assignee`, {
        cookie,
        body: { assigneeId: me.json.user.id },
      });
      expect(res.status).toBe(row.assign ? 200 : 403);
      const after = await call<{ ticket: { assigneeId: string | null } }>('GET', `/api/tickets/${ticket.id}`, {
        cookie,
      });
      expect(after.json.ticket.assigneeId).toBe(row.assign ? me.json.user.id : null);
    });

    it(`${row.role}: invite ${row.invite ? 'allowed' : 'refused'}`, async () => {
      const cookie = await signIn(row.email);
      const email = `invitee-${row.role}-${crypto.randomUUID().slice(0, 8)}@demo.test`;
      const res = await call<{ link: string }>('POST', '/api/team/invites', { cookie, body: { email, role: 'agent' } });
      expect(res.status).toBe(row.invite ? 201 : 403);
      if (row.invite) expect(res.json.link).toMatch(/\/inbox\/accept-invite#token=inv_[0-9a-f]{48}$/);
    });
  }

  it('an Analyst can read but not edit settings, assign or invite', async () => {
    const owner = await signIn('owner@demo.test');
    const email = `analyst-${crypto.randomUUID().slice(0, 8)}@demo.test`;
    const invite = await call<{ link: string }>('POST', '/api/team/invites', {
      cookie: owner,
      body: { email, role: 'analyst' },
    });
    const token = invite.json.link.split('#token=')[1]!;
    const accepted = await call('POST', '/api/auth/accept-invite', {
      body: { token, name: 'Ann Analyst', password: 'a-long-password' },
    });
    expect(accepted.status).toBe(201);
    const analyst = await signIn(email, 'a-long-password');
    expect((await call('GET', '/api/settings', { cookie: analyst })).status).toBe(200);
    expect((await call('PUT', '/api/settings/agent', { cookie: analyst, body: {} })).status).toBe(403);
    expect(
      (await call('POST', '/api/team/invites', { cookie: analyst, body: { email: 'x@demo.test', role: 'agent' } }))
        .status,
    ).toBe(403);
    // The invite link works once only.
    const again = await call('POST', '/api/auth/accept-invite', {
      body: { token, name: 'Again', password: 'a-long-password' },
    });
    expect(again.status).toBe(404);
  });

  it('Owner changes a role and removes a member; the removed member cannot sign in', async () => {
    const owner = await signIn('owner@demo.test');
    const email = `temp-${crypto.randomUUID().slice(0, 8)}@demo.test`;
    const invite = await call<{ link: string }>('POST', '/api/team/invites', {
      cookie: owner,
      body: { email, role: 'agent' },
    });
    const token = invite.json.link.split('#token=')[1]!;
    const accepted = await call<{ user: { id: string } }>('POST', '/api/auth/accept-invite', {
      body: { token, name: 'Temp', password: 'a-long-password' },
    });
    const id = accepted.json.user.id;
    const promoted = await call('PATCH', `/api/team/users/${id}/role`, { cookie: owner, body: { role: 'support' } });
    expect(promoted.status).toBe(200);
    expect(promoted.json).toMatchObject({ user: { role: 'support' } });
    const badRole = await call('PATCH', `/api/team/users/${id}/role`, { cookie: owner, body: { role: 'emperor' } });
    expect(badRole.status).toBe(400);
    expect(badRole.json).toMatchObject({ error: { details: [expect.objectContaining({ field: 'role' })] } });
    const manager = await signIn('manager@demo.test');
    expect((await call('DELETE', `/api/team/users/${id}`, { cookie: manager })).status).toBe(403);
    expect((await call('DELETE', `/api/team/users/${id}`, { cookie: owner })).status).toBe(200);
    const signInAgain = await call('POST', '/api/auth/sign-in', { body: { email, password: 'a-long-password' } });
    expect(signInAgain.status).toBe(401);
  });

  it('invalid settings are refused with the failing field and change nothing', async () => {
    const cookie = await signIn('manager@demo.test');
    const before = await call<{ settings: unknown }>('GET', '/api/settings', { cookie });
    const res = await call('PUT', '/api/settings/general', { cookie, body: { agentName: '', brandColor: 'red' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: {
        details: expect.arrayContaining([
          expect.objectContaining({ field: 'agentName' }),
          expect.objectContaining({ field: 'brandColor' }),
        ]),
      },
    });
    const after = await call<{ settings: unknown }>('GET', '/api/settings', { cookie });
    expect(after.json.settings).toEqual(before.json.settings);
  });
});
