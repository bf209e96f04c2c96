import { beforeAll, describe, expect, it } from 'vitest';
import { sign } from 'hono/jwt';
import { call, ORIGIN } from './helpers';
import { lastAudit, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('embed');
});

interface Embed {
  origin: string;
  siteKey: string;
  snippet: string;
  identityKey: { hint: string; rotatedAt: number | null };
}

const token = (key: string) =>
  sign({ sub: 'cust-1', email: 'cust-1@shopper.test', exp: Math.floor(Date.now() / 1000) + 600 }, key, 'HS256');
const start = (identityToken: string) =>
  call('POST', '/api/widget/conversations', {
    body: { siteKey: store.siteKey, identityToken },
    origin: 'https://shop.example',
  });

describe('embed settings', () => {
  it('every role sees the snippet with the site key and Baton origin, but never the identity key', async () => {
    for (const role of ['owner', 'agent'] as const) {
      const res = await call<Embed>('GET', '/api/settings/embed', { cookie: await store.as(role) });
      expect(res.status).toBe(200);
      expect(res.json.siteKey).toBe(store.siteKey);
      expect(res.json.snippet).toContain(
        `<script async src="${ORIGIN}/widget.js" data-site-key="${store.siteKey}"></script>`,
      );
      expect(res.json.snippet).toContain(
        'window.Baton=window.Baton||function(){(Baton.q=Baton.q||[]).push(arguments)};',
      );
      expect(res.json.identityKey).toEqual({ hint: expect.stringMatching(/^idk_…[0-9a-f]{4}$/), rotatedAt: null });
      expect(res.text).not.toMatch(/idk_[0-9a-f]{64}/);
    }
  });

  it('Owner/Admin rotate the identity key: shown once, old tokens stop working at once, new ones work', async () => {
    const first = await call<{ identityKey: string; hint: string; rotatedAt: number }>(
      'POST',
      '/api/settings/identity-key/rotate',
      { cookie: await store.as('owner') },
    );
    expect(first.status).toBe(200);
    expect(first.json.identityKey).toMatch(/^idk_[0-9a-f]{64}$/);
    expect((await start(await token(first.json.identityKey))).status).toBe(201);

    const second = await call<{ identityKey: string }>('POST', '/api/settings/identity-key/rotate', {
      cookie: await store.as('admin'),
    });
    expect(second.status).toBe(200);
    expect(second.json.identityKey).not.toBe(first.json.identityKey);
    const old = await start(await token(first.json.identityKey));
    expect(old.status).toBe(401);
    expect(old.json).toMatchObject({ error: { code: 'invalid_token' } });
    expect((await start(await token(second.json.identityKey))).status).toBe(201);

    const embed = await call<Embed>('GET', '/api/settings/embed', { cookie: await store.as('manager') });
    expect(embed.json.identityKey.hint).toBe(`idk_…${second.json.identityKey.slice(-4)}`);
    expect(embed.json.identityKey.rotatedAt).toEqual(expect.any(Number));
    expect(embed.text).not.toContain(second.json.identityKey);

    // The audit entry names who rotated and the key hints, never the key.
    const audit = await lastAudit(store.accountId, 'keys.identity.rotate');
    expect(audit).toMatchObject({
      actorId: store.userId('admin'),
      changes: { after: `idk_…${second.json.identityKey.slice(-4)}` },
    });
    expect(JSON.stringify(audit)).not.toContain(second.json.identityKey);
  });

  it('Manager and every other role get 403 from rotate', async () => {
    for (const role of ['manager', 'support', 'agent', 'analyst'] as const) {
      const res = await call('POST', '/api/settings/identity-key/rotate', { cookie: await store.as(role) });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: { message: expect.stringContaining('keys.rotate') } });
    }
  });
});
