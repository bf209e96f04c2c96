// Inbox views (All messages / My inbox / Unassigned) with status, channel and team filters and an
// optional search (worker/tickets/search.ts), newest first, keyset-paginated on (created_at, id). Every shape of query leads with columns of one of the
// tickets_view_* indexes (account_id, <assignee|team|channel>, status, created_at DESC), so a page is
// an index range walk that stops after `limit` rows however many tickets the account has; the id
// only breaks ties between tickets created in the same millisecond.
import { and, count, desc, eq, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { CHANNELS, conversations, profiles, TICKET_STATUSES, tickets } from '../db/schema';
import { ticketReads } from '../db/schema-inbox';
import type { TicketRow } from '../protocol/inbox';
import { DUE_SOON_MS, slaState } from './sla';
import { searchCondition } from './search';

export const VIEWS = ['all', 'mine', 'unassigned', 'sla'] as const;
export type View = (typeof VIEWS)[number];

const cursor = z
  .string()
  .regex(/^\d{1,15}_[0-9a-f-]{36}$/, 'cursor must be a value returned as nextCursor')
  .transform((c) => ({ createdAt: Number(c.slice(0, c.indexOf('_'))), id: c.slice(c.indexOf('_') + 1) }));

export const listQuery = z.object({
  view: z.enum(VIEWS).default('all'),
  status: z.enum(TICKET_STATUSES).default('open'),
  channel: z.enum(CHANNELS).optional(),
  team: z.uuid().optional(),
  /** Search: ticket number, requester name or email, subject, message text. */
  q: z.string().max(200, 'q is longer than 200 characters').optional(),
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListQuery = z.infer<typeof listQuery>;

export interface TicketPage {
  tickets: TicketRow[];
  nextCursor: string | null;
  /** Tickets in each view under the same status/channel/team filters (not narrowed by a search). */
  counts: Record<View, number>;
}

const summary = {
  id: tickets.id,
  number: tickets.number,
  channel: tickets.channel,
  status: tickets.status,
  subject: tickets.subject,
  requesterEmail: tickets.requesterEmail,
  assigneeId: tickets.assigneeId,
  teamId: tickets.teamId,
  tags: tickets.tags,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
} as const;

/** What a row shows beyond the summary (joined per row of the page only). */
const rowExtras = {
  requesterName: profiles.name,
  lastMessageRole: conversations.lastMessageRole,
  lastMessageText: conversations.lastMessageText,
  lastMessageAt: conversations.lastMessageAt,
  lastShopperAt: conversations.lastShopperAt,
  readAt: ticketReads.readAt,
  rule: sql<string | null>`json_extract(${tickets.routingSnapshot}, '$.escalation.rule')`,
  reason: sql<string | null>`json_extract(${tickets.routingSnapshot}, '$.escalation.reason')`,
  routedBecause: sql<string | null>`json_extract(${tickets.routingSnapshot}, '$.because')`,
  firstResponseAt: tickets.firstResponseAt,
  firstResponseDueAt: tickets.firstResponseDueAt,
} as const;

function viewFilter(view: View, userId: string, now: number): SQL | undefined {
  if (view === 'mine') return eq(tickets.assigneeId, userId);
  if (view === 'unassigned') return isNull(tickets.assigneeId);
  // SLA: still waiting for a first reply and due soon or breached (tickets_view_sla).
  if (view === 'sla') {
    return and(
      isNull(tickets.firstResponseAt),
      isNotNull(tickets.firstResponseDueAt),
      lt(tickets.firstResponseDueAt, now + DUE_SOON_MS),
    );
  }
  return undefined;
}

function filters(accountId: string, q: ListQuery): SQL[] {
  const out = [eq(tickets.accountId, accountId), eq(tickets.status, q.status)];
  if (q.channel) out.push(eq(tickets.channel, q.channel));
  if (q.team) out.push(eq(tickets.teamId, q.team));
  return out;
}

/** One page of a view (one row more than asked, to know whether there is a next page). */
export function pageQuery(db: Database, accountId: string, userId: string, q: ListQuery, now: number) {
  // Written as "created_at <= c AND (created_at < c OR id < cid)" rather than the textbook OR, so
  // SQLite turns the first term into a range on the index and starts the walk at the cursor.
  const after = q.cursor
    ? and(
        lte(tickets.createdAt, q.cursor.createdAt),
        or(lt(tickets.createdAt, q.cursor.createdAt), lt(tickets.id, q.cursor.id)),
      )
    : undefined;
  return db
    .select({ ...summary, ...rowExtras })
    .from(tickets)
    .leftJoin(profiles, and(eq(profiles.id, tickets.profileId), eq(profiles.accountId, tickets.accountId)))
    .leftJoin(
      conversations,
      and(eq(conversations.id, tickets.conversationId), eq(conversations.accountId, tickets.accountId)),
    )
    .leftJoin(ticketReads, and(eq(ticketReads.ticketId, tickets.id), eq(ticketReads.userId, userId)))
    .where(
      and(
        ...filters(accountId, q),
        viewFilter(q.view, userId, now),
        after,
        q.q ? searchCondition(accountId, q.q) : undefined,
      ),
    )
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(q.limit + 1);
}

export function countQuery(db: Database, accountId: string, userId: string, q: ListQuery, view: View, now: number) {
  return db
    .select({ n: count() })
    .from(tickets)
    .where(and(...filters(accountId, q), viewFilter(view, userId, now)));
}

export async function listTickets(db: Database, accountId: string, userId: string, q: ListQuery): Promise<TicketPage> {
  const now = Date.now();
  const countOf = (view: View) => countQuery(db, accountId, userId, q, view, now);
  const [rows, all, mine, unassigned, sla] = await db.batch([
    pageQuery(db, accountId, userId, q, now),
    countOf('all'),
    countOf('mine'),
    countOf('unassigned'),
    countOf('sla'),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    tickets: page.map((r) => toRow(r, now)),
    nextCursor: rows.length > q.limit && last ? `${last.createdAt}_${last.id}` : null,
    counts: { all: all[0]?.n ?? 0, mine: mine[0]?.n ?? 0, unassigned: unassigned[0]?.n ?? 0, sla: sla[0]?.n ?? 0 },
  };
}

type Joined = Awaited<ReturnType<typeof pageQuery>>[number];

function toRow(r: Joined, now: number): TicketRow {
  const {
    requesterName,
    lastMessageRole,
    lastMessageText,
    lastMessageAt,
    lastShopperAt,
    readAt,
    rule,
    reason,
    routedBecause,
    firstResponseAt,
    ...summaryFields
  } = r;
  return {
    ...summaryFields,
    requesterName,
    lastMessage:
      lastMessageRole && lastMessageText !== null && lastMessageAt !== null
        ? { role: lastMessageRole, text: lastMessageText, at: lastMessageAt }
        : null,
    unread: lastShopperAt !== null && lastShopperAt > (readAt ?? 0),
    urgent: rule === 'urgent',
    rule: { id: rule, reason, routedBecause },
    sla: slaState({ status: r.status, firstResponseAt, firstResponseDueAt: r.firstResponseDueAt }, now),
  };
}
