import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';
import { getSettings, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('audit');
});

interface Entry {
  id: string;
  action: string;
  createdAt: number;
  actor: { id: string; name: string; email: string } | null;
  changes: Array<{ path: string; before: unknown; after: unknown }>;
}

describe('audit log', () => {
  it('shows who changed what and when, newest first, with the changed fields only', async () => {
    const manager = await store.as('manager');
    const general = (await getSettings(manager)).general!;
    expect(
      (
        await call('PUT', '/api/settings/general', {
          cookie: manager,
          body: { ...general, greeting: 'Hello from the audit test' },
        })
      ).status,
    ).toBe(200);
    const res = await call<{ entries: Entry[]; nextCursor: string | null }>('GET', '/api/audit', {
      cookie: await store.as('owner'),
    });
    expect(res.status).toBe(200);
    const [latest] = res.json.entries;
    expect(latest).toMatchObject({
      action: 'settings.general.update',
      actor: { id: store.userId('manager'), email: `manager@${store.slug}.test` },
      changes: [{ path: 'greeting', before: general.greeting, after: 'Hello from the audit test' }],
    });
    expect(Date.now() - latest!.createdAt).toBeLessThan(60_000);
  });

  it('pages with a cursor', async () => {
    const owner = await store.as('owner');
    const general = (await getSettings(owner)).general!;
    for (const n of [1, 2, 3])
      await call('PUT', '/api/settings/general', { cookie: owner, body: { ...general, agentName: `Agent ${n}` } });
    const first = await call<{ entries: Entry[]; nextCursor: string }>('GET', '/api/audit?limit=2', { cookie: owner });
    expect(first.json.entries).toHaveLength(2);
    const second = await call<{ entries: Entry[] }>(
      'GET',
      `/api/audit?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { cookie: owner },
    );
    expect(second.json.entries[0]!.id).not.toBe(first.json.entries[1]!.id);
    expect(second.json.entries[0]!.createdAt).toBeLessThanOrEqual(first.json.entries[1]!.createdAt);
    expect((await call('GET', '/api/audit?cursor=bogus', { cookie: owner })).status).toBe(400);
  });

  it('only Owner and Admin read it', async () => {
    expect((await call('GET', '/api/audit', { cookie: await store.as('admin') })).status).toBe(200);
    for (const role of ['manager', 'support', 'agent', 'analyst'] as const) {
      expect((await call('GET', '/api/audit', { cookie: await store.as(role) })).status).toBe(403);
    }
  });
});
