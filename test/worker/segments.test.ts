// The segments engine: the reference examples of customer-agent-events.txt and every condition kind,
// on events with known times, evaluated at a fixed `now`; exact membership, including the edges.
import { beforeAll, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { db } from './helpers';
import { DAY, freshStore, insertEvents, insertProfile, type Store } from './insights-helpers';
import { segmentDefinition, type SegmentDefinition } from '../../worker/segments/definition';
import { countQuery, membersQuery, segmentCount, segmentMembers } from '../../worker/segments/evaluate';
import { REFERENCE_SEGMENTS } from '../../worker/segments/examples';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const REC = 'Received Product Recommendation';
const ORDER = 'Placed Order';
const ESCALATED = 'Conversation Escalated';
const RESOLVED = 'Conversation Resolved';

let store: Store;
const ids: Record<string, string> = {};

async function members(def: SegmentDefinition, now = NOW): Promise<string[]> {
  const parsed = segmentDefinition.parse(def);
  const page = await segmentMembers(db(), parsed, { accountId: store.accountId, now }, { limit: 1000 });
  const count = await segmentCount(db(), parsed, { accountId: store.accountId, now });
  expect(count).toBe(page.members.length);
  const byId = Object.fromEntries(Object.entries(ids).map(([label, id]) => [id, label]));
  return page.members.map((m) => byId[m.id] ?? `unknown:${m.id}`).sort();
}

beforeAll(async () => {
  store = await freshStore('segments');
  const labels = [
    'recent_rec',
    'rec_exactly_14d',
    'rec_14d_and_1ms',
    'order_before_rec',
    'order_after_rec',
    'order_same_ms',
    'rec_again_after_order',
    'future_order',
    'nothing',
    'order_only',
    'old_rec',
    'esc_exactly_7d',
    'esc_7d_and_1ms',
    'declined_only',
    'esc_yesterday',
    'resolved_and_order',
    'resolved_only',
    'resolved_31d_order_2d',
    'both_exactly_30d',
    'two_recs_email',
    'rec_three_times',
  ];
  for (const label of labels) ids[label] = await insertProfile(store.accountId, label);
  const at = (days: number, ms = 0) => NOW - days * DAY - ms;
  const p = (label: string) => ids[label]!;
  const web = { channel: 'web_chat' };
  await insertEvents(store.accountId, [
    { name: REC, at: at(3), profileId: p('recent_rec'), ...web },
    { name: REC, at: at(14), profileId: p('rec_exactly_14d'), ...web },
    { name: REC, at: at(14, 1), profileId: p('rec_14d_and_1ms'), ...web },
    { name: REC, at: at(5), profileId: p('order_before_rec'), ...web },
    { name: ORDER, at: at(6), profileId: p('order_before_rec') },
    { name: REC, at: at(5), profileId: p('order_after_rec'), ...web },
    { name: ORDER, at: at(4), profileId: p('order_after_rec') },
    { name: REC, at: at(5), profileId: p('order_same_ms'), ...web },
    { name: ORDER, at: at(5), profileId: p('order_same_ms') },
    { name: REC, at: at(10), profileId: p('rec_again_after_order'), ...web },
    { name: ORDER, at: at(8), profileId: p('rec_again_after_order') },
    { name: REC, at: at(2), profileId: p('rec_again_after_order'), ...web },
    // Evaluated at NOW, an order stamped later than NOW has not happened yet.
    { name: REC, at: at(3), profileId: p('future_order'), ...web },
    { name: ORDER, at: NOW + 30 * 60_000, profileId: p('future_order') },
    { name: ORDER, at: at(1), profileId: p('order_only') },
    { name: REC, at: at(20), profileId: p('old_rec'), ...web },
    // An anonymous conversation's event belongs to no profile.
    { name: REC, at: at(1), profileId: null, ...web },
    { name: ESCALATED, at: at(7), profileId: p('esc_exactly_7d'), ...web },
    { name: ESCALATED, at: at(7, 1), profileId: p('esc_7d_and_1ms'), ...web },
    { name: 'Handoff Declined', at: at(1), profileId: p('declined_only'), ...web },
    { name: ESCALATED, at: at(1), profileId: p('esc_yesterday'), channel: 'email' },
    { name: RESOLVED, at: at(10), profileId: p('resolved_and_order'), ...web },
    { name: ORDER, at: at(12), profileId: p('resolved_and_order') },
    { name: RESOLVED, at: at(3), profileId: p('resolved_only'), ...web },
    { name: RESOLVED, at: at(31), profileId: p('resolved_31d_order_2d'), ...web },
    { name: ORDER, at: at(2), profileId: p('resolved_31d_order_2d') },
    { name: RESOLVED, at: at(30), profileId: p('both_exactly_30d'), ...web },
    { name: ORDER, at: at(30), profileId: p('both_exactly_30d') },
    {
      name: REC,
      at: at(9),
      profileId: p('two_recs_email'),
      channel: 'email',
      properties: { productIds: ['prod-1', 'prod-2'] },
    },
    { name: REC, at: at(8), profileId: p('two_recs_email'), channel: 'email', properties: { productIds: ['prod-3'] } },
    { name: REC, at: at(40), profileId: p('rec_three_times'), ...web, properties: { productIds: ['prod-2'] } },
    { name: REC, at: at(39), profileId: p('rec_three_times'), ...web },
    { name: REC, at: at(38), profileId: p('rec_three_times'), ...web },
  ]);
  // Another store's events never leak in.
  const other = await freshStore('segments-other');
  const stranger = await insertProfile(other.accountId, 'stranger');
  await insertEvents(other.accountId, [
    { name: REC, at: at(1), profileId: stranger },
    { name: ESCALATED, at: at(1), profileId: stranger },
  ]);
});

describe('the reference segments', () => {
  it('(1) at least 1 Received Product Recommendation in the last 14 days AND no Placed Order since', async () => {
    expect(await members(REFERENCE_SEGMENTS.reengage.definition)).toEqual([
      'future_order',
      'order_before_rec',
      'rec_again_after_order',
      'rec_exactly_14d',
      'recent_rec',
      'two_recs_email',
    ]);
    // Left out, each for its reason: 14 days and 1 ms ago; ordered after (or at the same millisecond as)
    // the latest recommendation; only an old recommendation; no recommendation at all.
  });

  it('(2) at least 1 Conversation Escalated in the last 7 days (a declined handoff is not an escalation)', async () => {
    expect(await members(REFERENCE_SEGMENTS.recentlyEscalated.definition)).toEqual(['esc_exactly_7d', 'esc_yesterday']);
  });

  it('(3) at least 1 Conversation Resolved in the last 30 days AND at least 1 Placed Order in the last 30 days', async () => {
    expect(await members(REFERENCE_SEGMENTS.resolvedAndOrdered.definition)).toEqual([
      'both_exactly_30d',
      'resolved_and_order',
    ]);
  });

  it('the windows move with `now`: a day later, the 14-day edge and the future order fall the other way', async () => {
    const later = await members(REFERENCE_SEGMENTS.reengage.definition, NOW + DAY);
    expect(later).not.toContain('rec_exactly_14d');
    expect(later).not.toContain('future_order');
    expect(later).toContain('recent_rec');
  });
});

describe('every condition kind', () => {
  const count = (
    op: 'at_least' | 'at_most' | 'zero',
    n: number,
    event: string,
    days: number | null,
    where: unknown[] = [],
  ) => ({
    type: 'count' as const,
    op,
    count: n,
    event,
    where,
    window: days === null ? { type: 'ever' as const } : { type: 'last_days' as const, days },
  });
  const all = (...conditions: unknown[]) => ({ type: 'group', match: 'all', conditions }) as SegmentDefinition;
  const any = (...conditions: unknown[]) => ({ type: 'group', match: 'any', conditions }) as SegmentDefinition;

  it('at least N counts events in the window only', async () => {
    expect(await members(all(count('at_least', 2, REC, 14)))).toEqual(['rec_again_after_order', 'two_recs_email']);
    expect(await members(all(count('at_least', 3, REC, null)))).toEqual(['rec_three_times']);
  });

  it('at most N and zero include profiles with no events at all', async () => {
    const none = await members(all(count('zero', 0, REC, null)));
    expect(none).toEqual(expect.arrayContaining(['nothing', 'order_only', 'esc_yesterday']));
    expect(none).not.toContain('recent_rec');
    const atMostOne = await members(all(count('at_most', 1, REC, 14)));
    expect(atMostOne).toContain('recent_rec');
    expect(atMostOne).toContain('nothing');
    expect(atMostOne).toContain('rec_three_times'); // its recommendations are older than 14 days
    expect(atMostOne).not.toContain('two_recs_email');
    expect(atMostOne).toHaveLength(Object.keys(ids).length - 2);
  });

  it('since a date', async () => {
    const since = {
      type: 'count',
      op: 'at_least',
      count: 1,
      event: ORDER,
      window: { type: 'since', date: '2025-06-10' },
      where: [],
    };
    expect(await members(all(since))).toEqual([
      'order_after_rec',
      'order_only',
      'order_same_ms',
      'resolved_31d_order_2d',
    ]);
  });

  it('property filters: channel, array membership, a missing property', async () => {
    expect(
      await members(all(count('at_least', 1, REC, 14, [{ property: 'channel', op: 'equals', value: 'email' }]))),
    ).toEqual(['two_recs_email']);
    expect(
      await members(
        all(count('at_least', 1, REC, null, [{ property: 'productIds', op: 'contains', value: 'prod-2' }])),
      ),
    ).toEqual(['rec_three_times', 'two_recs_email']);
    const notWeb = await members(
      all(count('at_least', 1, ESCALATED, 30, [{ property: 'channel', op: 'not_equals', value: 'web_chat' }])),
    );
    expect(notWeb).toEqual(['esc_yesterday']);
  });

  it('OR, and groups inside groups', async () => {
    expect(await members(any(count('at_least', 1, ESCALATED, 7), count('at_least', 1, 'Handoff Declined', 7)))).toEqual(
      ['declined_only', 'esc_exactly_7d', 'esc_yesterday'],
    );
    const nested = all(
      count('at_least', 1, ORDER, 30),
      any(count('at_least', 1, RESOLVED, 30), count('zero', 0, REC, null)),
    );
    expect(await members(nested)).toEqual([
      'both_exactly_30d',
      'order_only',
      'resolved_31d_order_2d',
      'resolved_and_order',
    ]);
  });

  it('has not <event> since <other event>, on its own (needs the other event to exist)', async () => {
    const notSince = { type: 'not_since', event: ORDER, since: RESOLVED, where: [], sinceWhere: [] };
    // resolved_and_order ordered before its resolution; both_exactly_30d at the same millisecond (counts as since).
    expect(await members(all(notSince))).toEqual(['resolved_and_order', 'resolved_only']);
  });
});

describe('the compiled query', () => {
  it('binds every value as a parameter and reads events through their indexes', async () => {
    const def = segmentDefinition.parse(REFERENCE_SEGMENTS.reengage.definition);
    for (const query of [
      countQuery(def, { accountId: store.accountId, now: NOW }),
      membersQuery(def, { accountId: store.accountId, now: NOW }, null, 50),
    ]) {
      const { sql, params } = new SQLiteSyncDialect().sqlToQuery(query);
      expect(sql).not.toContain(store.accountId);
      expect(sql).not.toContain(REC);
      expect(params).toContain(store.accountId);
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      const details = plan.results.map((r) => r.detail);
      expect(details.some((d) => /events_name_time/.test(d))).toBe(true);
      expect(details.some((d) => /events_profile_name_time/.test(d))).toBe(true);
      // No full scan of events anywhere.
      expect(details.filter((d) => /^SCAN e\d+$/.test(d))).toEqual([]);
    }
  });

  it('a property name or value cannot inject SQL', async () => {
    const bad = segmentDefinition.safeParse({
      type: 'group',
      match: 'all',
      conditions: [count('at_least', 1, REC, 14, [{ property: "x') OR 1=1 --", op: 'equals', value: 1 }])],
    });
    expect(bad.success).toBe(false);
    const sneaky = { property: 'channel', op: 'equals', value: "web_chat' OR '1'='1" };
    expect(await members(all(count('at_least', 1, REC, 3650, [sneaky])))).toEqual([]);
  });

  function count(op: 'at_least', n: number, event: string, days: number, where: unknown[]) {
    return { type: 'count', op, count: n, event, where, window: { type: 'last_days', days } };
  }
  function all(...conditions: unknown[]) {
    return { type: 'group', match: 'all', conditions } as SegmentDefinition;
  }
});
