import { describe, expect, it } from 'vitest';
import { call, demoAccount, insertTicket, otherAccount, signIn } from './helpers';

describe('tenancy', () => {
  it("a session from account B cannot read or change account A's data: 404", async () => {
    const demo = await demoAccount();
    const other = await otherAccount('tenancy');
    const ticketA = await insertTicket(demo.id);
    const cookieB = await signIn(other.ownerEmail);

    const read = await call('GET', `/api/tickets/${ticketA.id}`, { cookie: cookieB });
    expect(read.status).toBe(404);
    const assign = await call('PATCH', `/api/tickets/${ticketA.id}/assignee`, {
      cookie: cookieB,
      body: { assigneeId: null },
    });
    expect(assign.status).toBe(404);

    const ownerA = await signIn('owner@demo.test');
    const usersA = await call<{ users: Array<{ id: string; email: string }> }>('GET', '/api/team/users', {
      cookie: ownerA,
    });
    const maya = usersA.json.users.find((u) => u.email === 'maya@demo.test')!;
    expect(
      (await call('PATCH', `/api/team/users/${maya.id}/role`, { cookie: cookieB, body: { role: 'admin' } })).status,
    ).toBe(404);
    expect((await call('DELETE', `/api/team/users/${maya.id}`, { cookie: cookieB })).status).toBe(404);

    const usersB = await call<{ users: Array<{ email: string }> }>('GET', '/api/team/users', { cookie: cookieB });
    expect(usersB.json.users.map((u) => u.email)).toEqual([other.ownerEmail]);

    // Account A's owner can read it, so the 404 above is about tenancy, not a missing row.
    expect((await call('GET', `/api/tickets/${ticketA.id}`, { cookie: ownerA })).status).toBe(200);
  });

  it('assigning to a member of another account is refused', async () => {
    const demo = await demoAccount();
    const other = await otherAccount('assignee');
    const cookieB = await signIn(other.ownerEmail);
    const meB = await call<{ user: { id: string } }>('GET', '/api/auth/me', { cookie: cookieB });
    const ticketA = await insertTicket(demo.id);
    const ownerA = await signIn('owner@demo.test');
    const res = await call('PATCH', `/api/tickets/${ticketA.id}/assignee`, {
      cookie: ownerA,
      body: { assigneeId: meB.json.user.id },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: { code: 'invalid_assignee' } });
  });
});
