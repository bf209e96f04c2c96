// Analytics → Metrics: every event name the account has recorded, with its count per UTC day, and the
// events behind a count (newest first). Both read events_name_time (account_id, name, occurred_at).
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { EventListItem } from '../protocol/insights';
import { dayKey, daysOf, endExclusive, DAY_MS, type DayRange } from './range';

export interface MetricRow {
  name: string;
  total: number;
  /** One count per day of `days`. */
  counts: number[];
}

/**
 * Every name the account has ever recorded, even with no events in the range, so a metric never
 * disappears from the page. The distinct names come from a "loose index scan" (the next name after
 * the previous one, one seek each) instead of reading every event.
 */
export async function eventNames(db: Database, accountId: string): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`
    WITH RECURSIVE names(name) AS (
      SELECT min(name) FROM events WHERE account_id = ${accountId}
      UNION ALL
      SELECT (SELECT min(name) FROM events WHERE account_id = ${accountId} AND name > names.name) FROM names WHERE names.name IS NOT NULL
    )
    SELECT name FROM names WHERE name IS NOT NULL`);
  return rows.map((r) => r.name);
}

export async function metricCounts(
  db: Database,
  accountId: string,
  range: DayRange,
): Promise<{ days: string[]; metrics: MetricRow[] }> {
  const names = await eventNames(db, accountId);
  const days = daysOf(range);
  // Per name, a range over (name, occurred_at): the IN list makes each name one index range. D1 binds
  // DAY_MS as a float, so the day is CAST back to an integer to keep one group per day.
  const rows =
    names.length === 0
      ? []
      : await db.all<{ name: string; day: number; n: number }>(sql`
    SELECT name, CAST(occurred_at / ${DAY_MS} AS INTEGER) AS day, count(*) AS n FROM events
    WHERE account_id = ${accountId} AND name IN (SELECT value FROM json_each(${JSON.stringify(names)}))
      AND occurred_at >= ${range.from} AND occurred_at < ${endExclusive(range)}
      ${range.channel ? sql`AND channel = ${range.channel}` : sql``}
    GROUP BY name, day`);
  const index = new Map(days.map((d, i) => [d, i]));
  const metrics = new Map(names.map((name) => [name, { name, total: 0, counts: days.map(() => 0) }]));
  for (const row of rows) {
    const metric = metrics.get(row.name);
    const i = index.get(dayKey(row.day * DAY_MS));
    if (!metric || i === undefined) continue;
    metric.counts[i] = (metric.counts[i] ?? 0) + row.n;
    metric.total += row.n;
  }
  return { days, metrics: [...metrics.values()] };
}

export interface EventPage {
  events: EventListItem[];
  /** Opaque cursor for the next (older) page; null on the last one. */
  next: string | null;
}

interface EventRow {
  id: string;
  name: string;
  occurredAt: number;
  channel: string | null;
  conversationId: string | null;
  properties: string;
  profileId: string | null;
  email: string | null;
  profileName: string | null;
  externalId: string | null;
}

/** `where` is the scope (name + range, or a profile); rows are newest first, keyset-paginated. */
export async function eventPage(db: Database, scope: SQL, cursor: string | null, limit: number): Promise<EventPage> {
  const after = parseCursor(cursor);
  const rows = await db.all<EventRow>(sql`
    SELECT e.id AS id, e.name AS name, e.occurred_at AS occurredAt, e.channel AS channel, e.conversation_id AS conversationId,
           e.properties AS properties, e.profile_id AS profileId, p.email AS email, p.name AS profileName, p.external_id AS externalId
    FROM events e LEFT JOIN profiles p ON p.id = e.profile_id AND p.account_id = e.account_id
    WHERE ${scope} ${after ? sql`AND (e.occurred_at, e.id) < (${after.at}, ${after.id})` : sql``}
    ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit).map(
    (r): EventListItem => ({
      id: r.id,
      name: r.name,
      occurredAt: r.occurredAt,
      channel: r.channel,
      conversationId: r.conversationId,
      properties: parseProperties(r.properties),
      profile: r.profileId ? { id: r.profileId, email: r.email, name: r.profileName, externalId: r.externalId } : null,
    }),
  );
  const last = page[page.length - 1];
  return { events: page, next: rows.length > limit && last ? `${last.occurredAt}:${last.id}` : null };
}

export function namedEventsScope(accountId: string, name: string, range: DayRange) {
  return sql`e.account_id = ${accountId} AND e.name = ${name} AND e.occurred_at >= ${range.from} AND e.occurred_at < ${endExclusive(range)}
    ${range.channel ? sql`AND e.channel = ${range.channel}` : sql``}`;
}

function parseCursor(cursor: string | null): { at: number; id: string } | null {
  const match = cursor ? /^(\d{1,16}):([\w-]{1,100})$/.exec(cursor) : null;
  return match ? { at: Number(match[1]), id: match[2]! } : null;
}

function parseProperties(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
