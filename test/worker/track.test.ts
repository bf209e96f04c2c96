// The track API: a store's server sends Placed Order and profile updates with an account API key.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, db } from './helpers';
import { freshStore, memberEmail, track } from './insights-helpers';
import { signIn } from './helpers';
import { apiKeys, events, orders, profiles } from '../../worker/db/schema';
import { sha256Hex } from '../../worker/ids';
import { accounts } from '../../worker/db/schema';
import { sign } from 'hono/jwt';
import { sendHttp, startConversation } from './widget-client';

const order = (id: string, externalId: string, extra: Record<string, unknown> = {}) => ({
  id,
  event: 'Placed Order',
  profile: { externalId, email: `${externalId}@shopper.test`, name: 'Pat Shopper' },
  properties: {
    orderId: `A-${id}`,
    value: 129.5,
    items: [{ title: 'Swift Road Running Shoe', sku: 'SHOE-1', quantity: 1, price: 129.5 }],
  },
  ...extra,
});

describe('API keys', () => {
  it('an Owner creates a key shown once (only its hash is stored), lists it by prefix, and revokes it', async () => {
    const store = await freshStore('keys');
    const created = await call<{ key: { id: string; prefix: string }; secret: string }>('POST', '/api/api-keys', {
      cookie: store.cookie,
      body: { name: 'Shopify sync' },
    });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^sk_[0-9a-f]{48}$/);
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, created.json.key.id));
    expect(row!.keyHash).toBe(await sha256Hex(created.json.secret));
    expect(JSON.stringify(row)).not.toContain(created.json.secret);

    const list = await call<{ keys: Array<{ id: string; prefix: string; name: string }> }>('GET', '/api/api-keys', {
      cookie: store.cookie,
    });
    expect(list.text).not.toContain(created.json.secret);
    expect(list.json.keys.find((k) => k.id === created.json.key.id)).toMatchObject({
      name: 'Shopify sync',
      prefix: created.json.secret.slice(0, 10),
    });

    expect((await track(created.json.secret, order('k1', 'cust-k1'))).status).toBe(201);
    expect((await call('DELETE', `/api/api-keys/${created.json.key.id}`, { cookie: store.cookie })).status).toBe(200);
    const refused = await track(created.json.secret, order('k2', 'cust-k1'));
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('invalid_api_key');
  });

  it('Managers, Analysts and Agents cannot see or make keys', async () => {
    const store = await freshStore('keys-roles');
    for (const role of ['manager', 'analyst', 'agent'] as const) {
      const cookie = await signIn(memberEmail(store, role));
      expect((await call('GET', '/api/api-keys', { cookie })).status).toBe(403);
      expect((await call('POST', '/api/api-keys', { cookie, body: { name: 'x' } })).status).toBe(403);
    }
  });
});

describe('POST /api/track', () => {
  it('a bad or missing key is 401 and stores nothing', async () => {
    const store = await freshStore('track-401');
    const before = await db().select().from(events).where(eq(events.accountId, store.accountId));
    const missing = await call('POST', '/api/track', { body: order('x1', 'c1'), origin: null });
    expect(missing.status).toBe(401);
    expect(missing.text).toContain('missing_api_key');
    const forged = await track(`sk_${'0'.repeat(48)}`, order('x1', 'c1'));
    expect(forged.status).toBe(401);
    expect(forged.text).toContain('invalid_api_key');
    expect(await db().select().from(events).where(eq(events.accountId, store.accountId))).toHaveLength(before.length);
  });

  it('a bad body is 400 with each failing field', async () => {
    const store = await freshStore('track-400');
    const res = await track(store.apiKey, {
      id: '',
      event: 'Placed Order',
      profile: { email: 'not-an-email' },
      properties: { orderId: 'A-1', value: -3, currency: 'dollars', items: [{ quantity: 0 }] },
    });
    expect(res.status).toBe(400);
    const fields = (res.json as unknown as { error: { details: Array<{ field: string }> } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        'id',
        'profile.email',
        'properties.value',
        'properties.currency',
        'properties.items.0.title',
        'properties.items.0.quantity',
      ]),
    );

    const noProfile = await track(store.apiKey, { id: 'e1', event: 'Viewed Product', profile: {} });
    expect(noProfile.status).toBe(400);
    expect(noProfile.text).toContain('profile.externalId');
    const reserved = await track(store.apiKey, {
      id: 'e2',
      event: 'Conversation Escalated',
      profile: { externalId: 'c' },
    });
    expect(reserved.status).toBe(400);
    expect(reserved.text).toContain('written by Baton');
    const future = await track(store.apiKey, {
      id: 'e3',
      event: 'Viewed Product',
      profile: { externalId: 'c' },
      time: Date.now() + 3 * 24 * 3600_000,
    });
    expect(future.status).toBe(400);
    const notJson = await call('POST', '/api/track', {
      rawBody: 'event=Placed',
      origin: null,
      headers: { authorization: `Bearer ${store.apiKey}`, 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
    expect(await db().select().from(events).where(eq(events.accountId, store.accountId))).toHaveLength(0);
  });

  it('Placed Order lands on the profile and upserts the order the agent’s order_status skill reads', async () => {
    const store = await freshStore('track-order');
    const placedAt = '2025-06-01T10:00:00Z';
    const res = await track(store.apiKey, order('o1', 'cust-42', { time: placedAt }));
    expect(res.status).toBe(201);
    expect(res.json.duplicate).toBe(false);
    const [profile] = await db()
      .select()
      .from(profiles)
      .where(and(eq(profiles.accountId, store.accountId), eq(profiles.externalId, 'cust-42')));
    expect(profile).toMatchObject({ id: res.json.profileId, email: 'cust-42@shopper.test', name: 'Pat Shopper' });
    const [event] = await db().select().from(events).where(eq(events.id, res.json.eventId));
    expect(event).toMatchObject({ name: 'Placed Order', profileId: profile!.id, occurredAt: Date.parse(placedAt) });
    expect(event!.properties).toMatchObject({ orderId: 'A-o1', value: 129.5, currency: 'USD', status: 'processing' });
    const [row] = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.accountId, store.accountId), eq(orders.externalId, 'A-o1')));
    expect(row).toMatchObject({
      profileId: profile!.id,
      totalCents: 12950,
      currency: 'USD',
      status: 'processing',
      placedAt: Date.parse(placedAt),
    });
    expect(row!.items).toEqual([{ title: 'Swift Road Running Shoe', sku: 'SHOE-1', quantity: 1, price: 129.5 }]);

    // A later status update changes the order; an event that names only the customer id keeps the email.
    const shipped = await track(store.apiKey, {
      id: 'o1-shipped',
      event: 'Order Status Updated',
      profile: { externalId: 'cust-42' },
      properties: { orderId: 'A-o1', status: 'shipped' },
    });
    expect(shipped.status).toBe(201);
    const [after] = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.accountId, store.accountId), eq(orders.externalId, 'A-o1')));
    expect(after!.status).toBe('shipped');
    const [same] = await db().select().from(profiles).where(eq(profiles.id, profile!.id));
    expect(same!.email).toBe('cust-42@shopper.test');
  });

  it('a replayed event id is stored once and changes nothing, even with another body', async () => {
    const store = await freshStore('track-replay');
    const first = await track(store.apiKey, order('r1', 'cust-r'));
    const replay = await track(
      store.apiKey,
      order('r1', 'cust-r', { properties: { orderId: 'A-r1', value: 1, status: 'cancelled' } }),
    );
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ eventId: first.json.eventId, profileId: first.json.profileId, duplicate: true });
    const rows = await db().select().from(events).where(eq(events.accountId, store.accountId));
    expect(rows).toHaveLength(1);
    const [row] = await db()
      .select()
      .from(orders)
      .where(and(eq(orders.accountId, store.accountId), eq(orders.externalId, 'A-r1')));
    expect(row).toMatchObject({ totalCents: 12950, status: 'processing' });
  });

  it('another account’s profile is unreachable: its id is 404, its customer id is a separate profile here', async () => {
    const mine = await freshStore('track-ten-a');
    const theirs = await freshStore('track-ten-b');
    const theirOrder = await track(theirs.apiKey, order('t1', 'cust-shared'));
    const byId = await track(mine.apiKey, {
      id: 't2',
      event: 'Viewed Product',
      profile: { id: theirOrder.json.profileId },
    });
    expect(byId.status).toBe(404);
    const sameExternal = await track(mine.apiKey, order('t3', 'cust-shared'));
    expect(sameExternal.status).toBe(201);
    expect(sameExternal.json.profileId).not.toBe(theirOrder.json.profileId);
    // The same client event id in two accounts is two events (ids are per account).
    const reuse = await track(mine.apiKey, order('t1', 'cust-shared'));
    expect(reuse.json.duplicate).toBe(false);
    const [theirProfile] = await db().select().from(profiles).where(eq(profiles.id, theirOrder.json.profileId));
    expect(theirProfile!.accountId).toBe(theirs.accountId);
    const theirEvents = await db().select().from(events).where(eq(events.accountId, theirs.accountId));
    expect(theirEvents).toHaveLength(1);
  });

  it('identify creates or updates a profile; an email-only profile is found again by email', async () => {
    const store = await freshStore('identify');
    const headers = { authorization: `Bearer ${store.apiKey}` };
    const a = await call<{ profileId: string }>('POST', '/api/track/identify', {
      origin: null,
      headers,
      body: { profile: { externalId: 'c-9', email: 'nine@shopper.test', name: 'Nine' } },
    });
    expect(a.status).toBe(200);
    const b = await call<{ profileId: string }>('POST', '/api/track/identify', {
      origin: null,
      headers,
      body: { profile: { externalId: 'c-9', name: 'Nina' } },
    });
    expect(b.json.profileId).toBe(a.json.profileId);
    const [row] = await db().select().from(profiles).where(eq(profiles.id, a.json.profileId));
    expect(row).toMatchObject({ email: 'nine@shopper.test', name: 'Nina' });
    const byEmail = await track(store.apiKey, {
      id: 'v1',
      event: 'Viewed Product',
      profile: { email: 'nine@shopper.test' },
      properties: { sku: 'SHOE-1' },
    });
    expect(byEmail.json.profileId).toBe(a.json.profileId);
    const bad = await call('POST', '/api/track/identify', {
      origin: null,
      headers,
      body: { profile: { name: 'no id' } },
    });
    expect(bad.status).toBe(400);
  });
});

describe('orders feed the Customer Agent', () => {
  it('a shopper identified with the same customer id asks "where is my order?" and gets the tracked order', async () => {
    const store = await freshStore('track-skill');
    await track(
      store.apiKey,
      order('s1', 'cust-skill', {
        time: '2025-05-02T09:00:00Z',
        properties: { orderId: '1001', value: 42, status: 'shipped', items: [{ title: 'Merino Hiking Socks' }] },
      }),
    );
    const [account] = await db().select().from(accounts).where(eq(accounts.id, store.accountId));
    const identityToken = await sign(
      { sub: 'cust-skill', email: 'cust-skill@shopper.test', exp: Math.floor(Date.now() / 1000) + 600 },
      account!.identityKey,
      'HS256',
    );
    const conv = await startConversation({ siteKey: store.siteKey, identityToken });
    const res = await sendHttp(conv, 'Where is my order?');
    const reply = res.json.messages.find((m) => m.role === 'agent');
    expect(reply?.text).toContain('#1001');
    expect(reply?.text).toContain('has shipped');
    expect(reply?.text).toContain('Merino Hiking Socks');
  });
});
