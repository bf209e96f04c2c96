// The performance dashboard: conversations and what became of them, first-reply and first-response
// times, assignment load per agent, reassignments and CSAT, for a range of UTC days, by day and
// channel. Each source is read once for the range and folded into a Breakdown.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { CHANNELS } from '../db/schema';
import { EVENT } from '../events/record';
import { Breakdown } from './figures';
import type { PerformanceReport } from './performance-types';

export type { PerformanceReport };
import { dayKey, daysOf, endExclusive, type DayRange } from './range';

export async function performanceReport(db: Database, accountId: string, range: DayRange): Promise<PerformanceReport> {
  const days = daysOf(range);
  const channels = range.channel ? [range.channel] : CHANNELS;
  const out = new Breakdown(days, channels);
  const [convs, ticketRows, assignments, ratings, members] = await Promise.all([
    conversationRows(db, accountId, range),
    ticketTimes(db, accountId, range),
    assignmentRows(db, accountId, range),
    csatRows(db, accountId, range),
    db.all<{ id: string; name: string; role: string }>(sql`
      SELECT id, name, role FROM users WHERE account_id = ${accountId} AND removed_at IS NULL ORDER BY name`),
  ]);

  for (const c of convs) {
    out.add(dayKey(c.at), c.channel, (b) => {
      b.conversations += 1;
      if (c.resolved) b.resolved += 1;
      if (c.escalated) b.escalated += 1;
      if (c.declined) b.declined += 1;
      if (c.resolved && c.resolutionSeconds !== null) b.resolutionSeconds.push(c.resolutionSeconds);
      if (c.firstReplyMs !== null) b.firstReplySeconds.push(c.firstReplyMs / 1000);
    });
  }
  for (const t of ticketRows) {
    out.add(dayKey(t.at), t.channel, (b) => {
      b.tickets += 1;
      if (t.firstResponseMs !== null) b.firstResponseSeconds.push(t.firstResponseMs / 1000);
    });
  }
  const agents = new Map(
    members.map((m) => [
      m.id,
      {
        userId: m.id,
        name: m.name,
        role: m.role,
        tickets: new Set<string>(),
        reassignedAway: 0,
        ratings: [] as number[],
      },
    ]),
  );
  for (const a of assignments) {
    const moved = a.previousAssigneeId !== null && a.assigneeId !== null && a.previousAssigneeId !== a.assigneeId;
    out.add(dayKey(a.at), a.channel, (b) => {
      if (a.assigneeId !== null) b.assignments += 1;
      if (moved) b.reassignments += 1;
    });
    if (a.assigneeId) agents.get(a.assigneeId)?.tickets.add(a.ticketId);
    if (moved) {
      const from = agents.get(a.previousAssigneeId!);
      if (from) from.reassignedAway += 1;
    }
  }
  for (const r of ratings) {
    out.add(dayKey(r.at), r.channel, (b) => void b.ratings.push(r.rating));
    if (r.assigneeId) agents.get(r.assigneeId)?.ratings.push(r.rating);
  }

  return {
    range: { from: dayKey(range.from), to: dayKey(range.to), channel: range.channel },
    totals: out.total.figures(),
    byDay: [...out.days].map(([day, b]) => ({ day, ...b.figures() })),
    byChannel: [...out.channels].map(([channel, b]) => ({ channel, ...b.figures() })),
    agents: [...agents.values()]
      // Everyone who answers tickets, and anyone else who was actually assigned some.
      .filter((a) => a.role === 'agent' || a.role === 'support' || a.tickets.size > 0)
      .map((a) => ({
        userId: a.userId,
        name: a.name,
        role: a.role,
        assigned: a.tickets.size,
        reassignedAway: a.reassignedAway,
        csatResponses: a.ratings.length,
        csatAverage: a.ratings.length
          ? Math.round((a.ratings.reduce((s, x) => s + x, 0) / a.ratings.length) * 100) / 100
          : null,
      })),
  };
}

const channelFilter = (column: SQL, range: DayRange) =>
  range.channel ? sql` AND ${column} = ${range.channel}` : sql``;

/** One row per conversation whose shopper first wrote in the range, with what became of it. */
function conversationRows(db: Database, accountId: string, range: DayRange) {
  const has = (name: string) =>
    sql`EXISTS (SELECT 1 FROM events e WHERE e.account_id = c.account_id AND e.conversation_id = c.id AND e.name = ${name})`;
  return db.all<{
    at: number;
    channel: string;
    resolved: number;
    escalated: number;
    declined: number;
    resolutionSeconds: number | null;
    firstReplyMs: number | null;
  }>(sql`
    SELECT c.first_message_at AS at, c.channel AS channel,
      ${has(EVENT.resolved)} AS resolved, ${has(EVENT.escalated)} AS escalated, ${has(EVENT.handoffDeclined)} AS declined,
      (SELECT json_extract(r.properties, '$.resolutionTimeSeconds') FROM events r
        WHERE r.account_id = c.account_id AND r.conversation_id = c.id AND r.name = ${EVENT.resolved}
        ORDER BY r.occurred_at LIMIT 1) AS resolutionSeconds,
      c.first_reply_at - c.first_message_at AS firstReplyMs
    FROM conversations c
    WHERE c.account_id = ${accountId} AND c.is_test = 0
      AND c.first_message_at >= ${range.from} AND c.first_message_at < ${endExclusive(range)}${channelFilter(sql`c.channel`, range)}`);
}

function ticketTimes(db: Database, accountId: string, range: DayRange) {
  return db.all<{ at: number; channel: string; firstResponseMs: number | null }>(sql`
    SELECT created_at AS at, channel, first_response_at - created_at AS firstResponseMs FROM tickets
    WHERE account_id = ${accountId} AND created_at >= ${range.from} AND created_at < ${endExclusive(range)}${channelFilter(sql`channel`, range)}`);
}

function assignmentRows(db: Database, accountId: string, range: DayRange) {
  return db.all<{
    at: number;
    channel: string;
    ticketId: string;
    assigneeId: string | null;
    previousAssigneeId: string | null;
  }>(sql`
    SELECT a.created_at AS at, t.channel AS channel, a.ticket_id AS ticketId, a.assignee_id AS assigneeId, a.previous_assignee_id AS previousAssigneeId
    FROM assignment_log a JOIN tickets t ON t.id = a.ticket_id AND t.account_id = a.account_id
    WHERE a.account_id = ${accountId} AND a.created_at >= ${range.from} AND a.created_at < ${endExclusive(range)}${channelFilter(sql`t.channel`, range)}`);
}

function csatRows(db: Database, accountId: string, range: DayRange) {
  return db.all<{ at: number; channel: string; rating: number; assigneeId: string | null }>(sql`
    SELECT created_at AS at, channel, rating, assignee_id AS assigneeId FROM csat_responses
    WHERE account_id = ${accountId} AND created_at >= ${range.from} AND created_at < ${endExclusive(range)}${channelFilter(sql`channel`, range)}`);
}
