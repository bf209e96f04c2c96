// Segments over HTTP: live preview, saved segments, paginated members, CSV/JSON export (team session
// or API key), roles and tenancy.
import { describe, expect, it } from 'vitest';
import { call, signIn } from './helpers';
import { DAY, freshStore, insertEvents, insertProfile, memberEmail, track } from './insights-helpers';
import { REFERENCE_SEGMENTS } from '../../worker/segments/examples';
import { csvCell } from '../../worker/segments/export';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const REC = 'Received Product Recommendation';

interface Member {
  id: string;
  email: string | null;
  name: string | null;
  externalId: string | null;
}

async function storeWithRecommendations(tag: string, n: number) {
  const store = await freshStore(tag);
  const profiles: string[] = [];
  for (let i = 0; i < n; i++)
    profiles.push(await insertProfile(store.accountId, `shopper${String(i).padStart(2, '0')}`));
  await insertEvents(
    store.accountId,
    profiles.map((profileId, i) => ({ name: REC, at: NOW - (i + 1) * 3600_000, profileId, channel: 'web_chat' })),
  );
  return { store, profiles };
}

describe('segments API', () => {
  it('previews a definition live, saves it, pages through its members and exports them', async () => {
    const { store, profiles } = await storeWithRecommendations('seg-api', 7);
    // One of them ordered after the recommendation, through the real track API: out of segment (1).
    const ordered = await track(store.apiKey, {
      id: 'o-1',
      event: 'Placed Order',
      profile: { id: profiles[0] },
      properties: { orderId: 'A-1', value: 20 },
      time: NOW - 1000,
    });
    expect(ordered.json.profileId).toBe(profiles[0]);

    const definition = REFERENCE_SEGMENTS.reengage.definition;
    const preview = await call<{ count: number; members: Member[] }>('POST', '/api/segments/preview', {
      cookie: store.cookie,
      body: { definition, asOf: NOW },
    });
    expect(preview.status).toBe(200);
    expect(preview.json.count).toBe(6);
    expect(preview.json.members.map((m) => m.id)).not.toContain(profiles[0]);

    const saved = await call<{ segment: { id: string } }>('POST', '/api/segments', {
      cookie: store.cookie,
      body: { name: 'Re-engage', definition },
    });
    expect(saved.status).toBe(201);
    const id = saved.json.segment.id;
    const list = await call<{ segments: Array<{ id: string; name: string }> }>('GET', '/api/segments', {
      cookie: store.cookie,
    });
    expect(list.json.segments.map((s) => s.name)).toEqual(['Re-engage']);

    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const page: { json: { count: number; members: Member[]; next: string | null } } = await call(
        'GET',
        `/api/segments/${id}/members?limit=4&asOf=${NOW}${after ? `&after=${after}` : ''}`,
        { cookie: store.cookie },
      );
      expect(page.json.count).toBe(6);
      seen.push(...page.json.members.map((m) => m.id));
      after = page.json.next;
      if (!after) break;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect([...seen].sort()).toEqual(profiles.slice(1).sort());

    const csv = await call('GET', `/api/segments/${id}/export?format=csv&asOf=${NOW}`, { cookie: store.cookie });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('re-engage.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('profile_id,external_id,email,name');
    expect(lines).toHaveLength(7);
    expect(csv.text).toContain('shopper03@shopper.test');

    // The same export with the API key, as an outreach tool would fetch it.
    const json = await call<{ count: number; members: Member[]; segment: { id: string } }>(
      'GET',
      `/api/export/segments/${id}?format=json&asOf=${NOW}`,
      {
        origin: null,
        headers: { authorization: `Bearer ${store.apiKey}` },
      },
    );
    expect(json.status).toBe(200);
    expect(json.json.segment.id).toBe(id);
    expect(json.json.count).toBe(6);
    expect(json.json.members.map((m) => m.id).sort()).toEqual(profiles.slice(1).sort());
    expect((await call('GET', `/api/export/segments/${id}`, { origin: null })).status).toBe(401);

    // Editing and deleting.
    const narrowed = {
      ...definition,
      conditions: [
        { ...definition.conditions[0], window: { type: 'last_days', days: 14 } },
        {
          type: 'count',
          op: 'at_least',
          count: 1,
          event: REC,
          window: { type: 'last_days', days: 14 },
          where: [{ property: 'channel', op: 'equals', value: 'email' }],
        },
      ],
    };
    const put = await call<{ segment: { name: string } }>('PUT', `/api/segments/${id}`, {
      cookie: store.cookie,
      body: { name: 'Email only', definition: narrowed },
    });
    expect(put.json.segment.name).toBe('Email only');
    const none = await call<{ count: number }>('GET', `/api/segments/${id}/members?asOf=${NOW}`, {
      cookie: store.cookie,
    });
    expect(none.json.count).toBe(0);
    expect((await call('DELETE', `/api/segments/${id}`, { cookie: store.cookie })).status).toBe(200);
    expect((await call('GET', `/api/segments/${id}`, { cookie: store.cookie })).status).toBe(404);
  });

  it('an invalid definition is 400 with the failing field', async () => {
    const store = await freshStore('seg-bad');
    const res = await call<{ error: { details: Array<{ field: string; message: string }> } }>(
      'POST',
      '/api/segments/preview',
      {
        cookie: store.cookie,
        body: {
          definition: {
            type: 'group',
            match: 'all',
            conditions: [
              { type: 'count', op: 'at_least', count: 0, event: REC, window: { type: 'last_days', days: 14 } },
            ],
          },
        },
      },
    );
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d) => d.field)).toContain('definition.conditions.0.count');
  });

  it('a segment that would need more than D1’s 100 bound parameters is refused, not sent', async () => {
    const store = await freshStore('seg-big');
    const filters = Array.from({ length: 5 }, (_, i) => ({ property: `p${i}`, op: 'contains', value: `v${i}` }));
    const conditions = Array.from({ length: 10 }, () => ({
      type: 'count',
      op: 'at_least',
      count: 1,
      event: REC,
      window: { type: 'last_days', days: 14 },
      where: filters,
    }));
    const res = await call('POST', '/api/segments/preview', {
      cookie: store.cookie,
      body: { definition: { type: 'group', match: 'all', conditions } },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('segment_too_complex');
  });

  it('an Analyst can preview and export but not save; another account’s segment is 404 for session and API key', async () => {
    const { store } = await storeWithRecommendations('seg-roles', 2);
    const analyst = await signIn(memberEmail(store, 'analyst'));
    const definition = REFERENCE_SEGMENTS.recentlyEscalated.definition;
    expect((await call('POST', '/api/segments/preview', { cookie: analyst, body: { definition } })).status).toBe(200);
    expect((await call('POST', '/api/segments', { cookie: analyst, body: { name: 'x', definition } })).status).toBe(
      403,
    );
    const manager = await signIn(memberEmail(store, 'manager'));
    const saved = await call<{ segment: { id: string } }>('POST', '/api/segments', {
      cookie: manager,
      body: { name: 'Escalated', definition },
    });
    expect(saved.status).toBe(201);
    expect((await call('GET', `/api/segments/${saved.json.segment.id}/export`, { cookie: analyst })).status).toBe(200);

    const other = await freshStore('seg-roles-other');
    expect((await call('GET', `/api/segments/${saved.json.segment.id}/members`, { cookie: other.cookie })).status).toBe(
      404,
    );
    expect(
      (
        await call('GET', `/api/export/segments/${saved.json.segment.id}`, {
          origin: null,
          headers: { authorization: `Bearer ${other.apiKey}` },
        })
      ).status,
    ).toBe(404);
  });

  it('CSV cells are quoted, and a value a spreadsheet would run as a formula is defused', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('Lee, Sam')).toBe('"Lee, Sam"');
    expect(csvCell('+1 555')).toBe(`'+1 555`);
    expect(csvCell(null)).toBe('');
  });

  it('the 14-day edge holds over HTTP too', async () => {
    const store = await freshStore('seg-edge');
    const edge = await insertProfile(store.accountId, 'edge');
    await insertEvents(store.accountId, [{ name: REC, at: NOW - 14 * DAY, profileId: edge }]);
    const at = (asOf: number) =>
      call<{ count: number }>('POST', '/api/segments/preview', {
        cookie: store.cookie,
        body: { definition: REFERENCE_SEGMENTS.reengage.definition, asOf },
      });
    expect((await at(NOW)).json.count).toBe(1);
    expect((await at(NOW + 1)).json.count).toBe(0);
  });
});
