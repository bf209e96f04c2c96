// Metrics (counts per event name and UTC day, by channel, with click-through) and the profile page
// (activity feed, conversations, tickets, orders).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { sign } from 'hono/jwt';
import { call, db, insertTicket } from './helpers';
import { DAY, freshStore, insertEvents, insertProfile, track } from './insights-helpers';
import { sendHttp, startConversation } from './widget-client';
import { accounts } from '../../worker/db/schema';

const D = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

interface Metrics {
  days: string[];
  metrics: Array<{ name: string; total: number; counts: number[] }>;
}
interface EventPage {
  events: Array<{
    id: string;
    name: string;
    occurredAt: number;
    channel: string | null;
    properties: Record<string, unknown>;
    profile: { email: string | null } | null;
  }>;
  next: string | null;
}

describe('metrics', () => {
  it('counts every event name per UTC day, filters by channel, and lists the events behind a count', async () => {
    const store = await freshStore('metrics');
    const a = await insertProfile(store.accountId, 'a');
    const b = await insertProfile(store.accountId, 'b');
    await insertEvents(store.accountId, [
      { name: 'Started Conversation', at: D('2025-06-01') + 1000, profileId: a, channel: 'web_chat' },
      { name: 'Started Conversation', at: D('2025-06-01') + DAY - 1, profileId: b, channel: 'email' }, // last ms of the day
      { name: 'Started Conversation', at: D('2025-06-03'), profileId: a, channel: 'web_chat' }, // first ms of the day
      { name: 'Placed Order', at: D('2025-06-02') + 5000, profileId: b, properties: { orderId: 'X' } },
      { name: 'Conversation Escalated', at: D('2025-05-20'), profileId: a, channel: 'web_chat' }, // before the range
      { name: 'Started Conversation', at: D('2025-06-04'), profileId: a, channel: 'web_chat' }, // after the range
    ]);
    const res = await call<Metrics>('GET', '/api/metrics?from=2025-06-01&to=2025-06-03', { cookie: store.cookie });
    expect(res.status).toBe(200);
    expect(res.json.days).toEqual(['2025-06-01', '2025-06-02', '2025-06-03']);
    expect(res.json.metrics).toEqual([
      { name: 'Conversation Escalated', total: 0, counts: [0, 0, 0] },
      { name: 'Placed Order', total: 1, counts: [0, 1, 0] },
      { name: 'Started Conversation', total: 3, counts: [2, 0, 1] },
    ]);
    const web = await call<Metrics>('GET', '/api/metrics?from=2025-06-01&to=2025-06-03&channel=web_chat', {
      cookie: store.cookie,
    });
    expect(web.json.metrics.find((m) => m.name === 'Started Conversation')).toEqual({
      name: 'Started Conversation',
      total: 2,
      counts: [1, 0, 1],
    });
    expect(web.json.metrics.find((m) => m.name === 'Placed Order')!.total).toBe(0);

    // Click-through: newest first, two at a time.
    const first = await call<EventPage>(
      'GET',
      '/api/metrics/events?name=Started%20Conversation&from=2025-06-01&to=2025-06-03&limit=2',
      { cookie: store.cookie },
    );
    expect(first.json.events.map((e) => e.occurredAt)).toEqual([D('2025-06-03'), D('2025-06-01') + DAY - 1]);
    expect(first.json.events[1]!.profile!.email).toBe('b@shopper.test');
    const second = await call<EventPage>(
      'GET',
      `/api/metrics/events?name=Started%20Conversation&from=2025-06-01&to=2025-06-03&limit=2&cursor=${first.json.next}`,
      { cookie: store.cookie },
    );
    expect(second.json.events.map((e) => e.occurredAt)).toEqual([D('2025-06-01') + 1000]);
    expect(second.json.next).toBeNull();

    expect((await call('GET', '/api/metrics?from=2025-06-05&to=2025-06-01', { cookie: store.cookie })).status).toBe(
      400,
    );
    expect((await call('GET', '/api/metrics?channel=fax', { cookie: store.cookie })).status).toBe(400);
    expect((await call('GET', '/api/metrics')).status).toBe(401);
  });
});

describe('profile page', () => {
  it('shows the activity feed newest first with properties, the conversations, tickets and orders', async () => {
    const store = await freshStore('profile');
    const [account] = await db().select().from(accounts).where(eq(accounts.id, store.accountId));
    const identityToken = await sign(
      { sub: 'cust-feed', email: 'feed@shopper.test', name: 'Fee Dee', exp: Math.floor(Date.now() / 1000) + 600 },
      account!.identityKey,
      'HS256',
    );
    const conv = await startConversation({ siteKey: store.siteKey, identityToken });
    await sendHttp(conv, 'I need running shoes under $150');
    const ordered = await track(store.apiKey, {
      id: 'feed-1',
      event: 'Placed Order',
      profile: { externalId: 'cust-feed' },
      properties: { orderId: 'F-1', value: 99 },
    });
    const profileId = ordered.json.profileId;
    const ticket = await insertTicket(store.accountId, {
      profileId,
      conversationId: conv.conversationId,
      subject: 'Shoe sizing',
    });

    const detail = await call<{
      profile: { email: string; name: string };
      conversations: Array<{ id: string }>;
      tickets: Array<{ id: string }>;
      orders: Array<{ externalId: string }>;
    }>('GET', `/api/profiles/${profileId}`, { cookie: store.cookie });
    expect(detail.status).toBe(200);
    expect(detail.json.profile).toMatchObject({ email: 'feed@shopper.test', name: 'Fee Dee' });
    expect(detail.json.conversations.map((c) => c.id)).toEqual([conv.conversationId]);
    expect(detail.json.tickets.map((t) => t.id)).toEqual([ticket.id]);
    expect(detail.json.orders.map((o) => o.externalId)).toEqual(['F-1']);

    const feed = await call<EventPage>('GET', `/api/profiles/${profileId}/activity`, { cookie: store.cookie });
    const names = feed.json.events.map((e) => e.name);
    expect(names[0]).toBe('Placed Order');
    expect(names).toEqual(expect.arrayContaining(['Started Conversation', 'Received Product Recommendation']));
    const times = feed.json.events.map((e) => e.occurredAt);
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const rec = feed.json.events.find((e) => e.name === 'Received Product Recommendation')!;
    expect(rec.channel).toBe('web_chat');
    expect(rec.properties).toMatchObject({ conversationId: conv.conversationId, channel: 'web_chat' });
    expect((rec.properties.productIds as string[]).length).toBeGreaterThan(0);

    const found = await call<{ profiles: Array<{ id: string }> }>('GET', '/api/profiles?q=feed%40shopper', {
      cookie: store.cookie,
    });
    expect(found.json.profiles.map((p) => p.id)).toEqual([profileId]);

    const other = await freshStore('profile-other');
    expect((await call('GET', `/api/profiles/${profileId}`, { cookie: other.cookie })).status).toBe(404);
    expect((await call('GET', `/api/profiles/${profileId}/activity`, { cookie: other.cookie })).status).toBe(404);
  });
});
