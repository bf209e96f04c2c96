// Accounts on a real deployment: /setup is closed once any store exists (the shared test database has
// the demo store; the browser test test/browser/setup.test.ts runs setup on an empty one), and the
// operator API behind `npm run account:create` adds a store whose Owner joins through a one-time invite.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import worker from '../../worker/index';
import { accounts, settings, users } from '../../worker/db/schema';
import { call, db, ORIGIN } from './helpers';
import { testEnv } from './test-env';

const operator = { authorization: `Bearer ${testEnv.OPERATOR_TOKEN}` };

describe('first-run setup', () => {
  it('is closed on a database that has a store: the page is 404 and a submission 409, changing nothing', async () => {
    expect((await call('GET', '/setup')).status).toBe(404);
    const before = (await db().select({ id: accounts.id }).from(accounts)).length;
    const res = await call<{ error: { code: string } }>('POST', '/setup', {
      rawBody: 'storeName=Mine&ownerName=Eve&email=eve%40x.test&password=0123456789',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('already_set_up');
    expect((await db().select({ id: accounts.id }).from(accounts)).length).toBe(before);
    expect(await db().query.users.findFirst({ where: eq(users.email, 'eve@x.test') })).toBeUndefined();
  });
});

describe('operator API (npm run account:create)', () => {
  it('is off without OPERATOR_TOKEN and refuses a missing or wrong token', async () => {
    const request = () =>
      new Request(`${ORIGIN}/api/operator/stores`, {
        method: 'POST',
        headers: { ...operator, 'content-type': 'application/json' },
        body: JSON.stringify({ storeName: 'X', ownerEmail: 'x@x.test' }),
      });
    const ctx = createExecutionContext();
    const off = await worker.fetch(request(), { ...env, OPERATOR_TOKEN: '' }, ctx);
    await waitOnExecutionContext(ctx);
    expect(off.status).toBe(404);
    expect(
      (await call('POST', '/api/operator/stores', { body: { storeName: 'X', ownerEmail: 'x@x.test' } })).status,
    ).toBe(401);
    const wrong = await call('POST', '/api/operator/stores', {
      headers: { authorization: 'Bearer nope' },
      body: { storeName: 'X', ownerEmail: 'x@x.test' },
    });
    expect(wrong.status).toBe(401);
  });

  it('creates a store and a one-time Owner invite; the Owner joins with it and sees only their store', async () => {
    const bad = await call<{ error: { details: Array<{ field: string }> } }>('POST', '/api/operator/stores', {
      headers: operator,
      body: { storeName: '', ownerEmail: 'nope' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d) => d.field).sort()).toEqual(['ownerEmail', 'storeName']);
    expect(
      (
        await call('POST', '/api/operator/stores', {
          headers: operator,
          body: { storeName: 'Taken', ownerEmail: 'owner@demo.test' },
        })
      ).status,
    ).toBe(409);

    const created = await call<{ account: { id: string; name: string; siteKey: string }; ownerInviteLink: string }>(
      'POST',
      '/api/operator/stores',
      {
        headers: operator,
        body: { storeName: 'Fjord & Co. Outfitters', ownerEmail: 'owner@fjord.test' },
      },
    );
    expect(created.status).toBe(201);
    const { account, ownerInviteLink } = created.json;
    expect(account.siteKey).toMatch(/^pk_/);
    expect(ownerInviteLink.startsWith(`${ORIGIN}/inbox/accept-invite#token=inv_`)).toBe(true);
    const row = await db().query.accounts.findFirst({ where: eq(accounts.id, account.id) });
    expect(row).toMatchObject({ name: 'Fjord & Co. Outfitters' });
    expect(row!.slug).toMatch(/^fjord-co-outfitters-[0-9a-f]{6}$/);
    expect(await db().query.settings.findFirst({ where: eq(settings.accountId, account.id) })).toBeDefined();

    const token = ownerInviteLink.split('#token=')[1]!;
    const joined = await call<{ user: { role: string } }>('POST', '/api/auth/accept-invite', {
      body: { token, name: 'Freya', password: 'a-long-password' },
    });
    expect(joined.status).toBe(201);
    expect(joined.json.user.role).toBe('owner');
    const cookie = joined.headers.get('set-cookie')!.split(';')[0]!;
    const me = await call<{ accountId: string; user: { email: string } }>('GET', '/api/auth/me', { cookie });
    expect(me.json).toMatchObject({ accountId: account.id, user: { email: 'owner@fjord.test' } });
    // The invite is single-use.
    expect(
      (await call('POST', '/api/auth/accept-invite', { body: { token, name: 'Again', password: 'a-long-password' } }))
        .status,
    ).toBe(404);
  });
});
