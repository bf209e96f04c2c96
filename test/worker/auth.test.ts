import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { call, db, signIn } from './helpers';
import { sessions, users } from '../../worker/db/schema';

const sessionCount = async () => (await db().select({ n: count() }).from(sessions))[0]!.n;

describe('team sign-in', () => {
  it('signs in with the demo owner and sets an HttpOnly SameSite session cookie', async () => {
    const res = await call<{ user: { email: string; role: string } }>('POST', '/api/auth/sign-in', {
      body: { email: 'owner@demo.test', password: 'demo-password' },
    });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ email: 'owner@demo.test', role: 'owner' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^baton_session=[0-9a-f]{64};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=43200/);
    const me = await call('GET', '/api/auth/me', { cookie: cookie.split(';')[0] });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      user: { email: 'owner@demo.test' },
      permissions: expect.arrayContaining(['team.manage']),
    });
  });

  it('refuses a wrong password with 401 and a clear message', async () => {
    const res = await call('POST', '/api/auth/sign-in', { body: { email: 'leo@demo.test', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'invalid_credentials', message: 'Email or password is incorrect' } });
  });

  it('refuses the 11th failed attempt in a minute for one email, even with the right password', async () => {
    const email = 'ana@demo.test';
    for (let i = 0; i < 10; i++) {
      expect((await call('POST', '/api/auth/sign-in', { body: { email, password: `wrong-${i}` } })).status).toBe(401);
    }
    const blocked = await call('POST', '/api/auth/sign-in', { body: { email, password: 'demo-password' } });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    expect(blocked.json).toMatchObject({ error: { code: 'rate_limited' } });
    // Another email is not affected.
    expect(
      (await call('POST', '/api/auth/sign-in', { body: { email: 'maya@demo.test', password: 'demo-password' } }))
        .status,
    ).toBe(200);
  });

  it('rejects malformed JSON, wrong types and oversized bodies, and creates no session', async () => {
    const before = await sessionCount();
    const malformed = await call('POST', '/api/auth/sign-in', { rawBody: '{"email": "owner@demo.test", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: { code: 'malformed_json' } });

    const wrongTypes = await call('POST', '/api/auth/sign-in', { body: { email: 42, password: ['x'] } });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.json).toMatchObject({
      error: {
        code: 'invalid_request',
        details: expect.arrayContaining([
          expect.objectContaining({ field: 'email' }),
          expect.objectContaining({ field: 'password' }),
        ]),
      },
    });

    const huge = await call('POST', '/api/auth/sign-in', {
      body: { email: 'owner@demo.test', password: 'x'.repeat(70 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ error: { code: 'payload_too_large' } });

    const notJson = await call('POST', '/api/auth/sign-in', {
      rawBody: 'email=owner@demo.test',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJson.status).toBe(415);
    expect(await sessionCount()).toBe(before);
  });

  it('refuses cookie-authenticated writes from another origin (CSRF)', async () => {
    const cookie = await signIn('owner@demo.test');
    const res = await call('PUT', '/api/settings/agent', {
      cookie,
      origin: 'https://evil.example',
      body: { confidenceThreshold: 0.1 },
    });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ error: { code: 'forbidden' } });
    const noOrigin = await call('PUT', '/api/settings/agent', {
      cookie,
      origin: null,
      body: { confidenceThreshold: 0.1 },
    });
    expect(noOrigin.status).toBe(403);
  });

  it('signs out: the session stops working and the member goes Offline', async () => {
    const cookie = await signIn('leo@demo.test');
    await db().update(users).set({ presence: 'online' }).where(eq(users.email, 'leo@demo.test'));
    expect((await call('POST', '/api/auth/sign-out', { cookie })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
    const leo = await db().query.users.findFirst({ where: eq(users.email, 'leo@demo.test') });
    expect(leo?.presence).toBe('offline');
  });

  it('refuses an unknown or expired session cookie', async () => {
    const res = await call('GET', '/api/auth/me', { cookie: `baton_session=${'0'.repeat(64)}` });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('answers unknown routes with the 404 envelope', async () => {
    const res = await call('GET', '/no/such/page');
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error: { code: 'not_found' } });
  });
});
