// The D1 reads the Dispatcher needs before it decides. They happen before the synchronous decision,
// so nothing read here is trusted to still hold afterwards unless the decision re-checks it.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { teamMembers, teams, tickets, users, type Role } from '../db/schema';
import type { TicketSummary } from '../protocol/inbox';
import { can } from '../auth/permissions';
import type { RouteTargetInput, TicketRoute } from './types';

/** The columns of a TicketRow (the handoff reads them back with its insert; see handoff/handoff.ts). */
export const ticketRowColumns = {
  id: tickets.id,
  accountId: tickets.accountId,
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
  conversationId: tickets.conversationId,
} as const;

export type TicketRow = TicketSummary & { accountId: string; conversationId: string | null };

export function toSummary(row: TicketRow): TicketSummary {
  const { accountId: _a, conversationId: _c, ...summary } = row;
  return summary;
}

export async function ticketsOf(db: Database, accountId: string, ids: string[]): Promise<TicketRow[]> {
  return db
    .select(ticketRowColumns)
    .from(tickets)
    .where(and(eq(tickets.accountId, accountId), inArray(tickets.id, ids)));
}

/** The web-chat conversation of one of the account's tickets, or null (another channel, none, not ours). */
export async function webChatConversationOf(db: Database, accountId: string, ticketId: string): Promise<string | null> {
  const [ticket] = await db
    .select({ channel: tickets.channel, conversationId: tickets.conversationId })
    .from(tickets)
    .where(and(eq(tickets.accountId, accountId), eq(tickets.id, ticketId)))
    .limit(1);
  return ticket?.channel === 'web_chat' ? ticket.conversationId : null;
}

export async function latestTicketOfConversation(
  db: Database,
  accountId: string,
  conversationId: string,
): Promise<string | null> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.accountId, accountId), eq(tickets.conversationId, conversationId)))
    .orderBy(tickets.createdAt)
    .limit(50);
  return rows.at(-1)?.id ?? null;
}

export interface TeamInfo {
  id: string;
  name: string;
  memberIds: Set<string>;
}

export async function teamOf(db: Database, accountId: string, teamId: string): Promise<TeamInfo | null> {
  const [team, members] = await Promise.all([
    db.query.teams.findFirst({ where: and(eq(teams.id, teamId), eq(teams.accountId, accountId)) }),
    db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId))),
  ]);
  return team ? { id: team.id, name: team.name, memberIds: new Set(members.map((m) => m.userId)) } : null;
}

export interface MemberRow {
  id: string;
  accountId: string;
  name: string;
  role: Role;
  createdAt: number;
}

/** An active (not removed) team member, by id alone; the caller checks the account. */
export async function activeMember(db: Database, userId: string): Promise<MemberRow | null> {
  const row = await db.query.users.findFirst({
    where: and(eq(users.id, userId), isNull(users.removedAt)),
    columns: { id: true, accountId: true, name: true, role: true, createdAt: true },
  });
  return row ?? null;
}

/**
 * What a handoff's route names (its team with the members, or its person), read by the caller so the
 * Dispatcher's ticketCreated reads no D1. Round robin and Unassigned read nothing.
 */
export async function routeTargetOf(db: Database, accountId: string, route: TicketRoute): Promise<RouteTargetInput> {
  if (route.kind === 'team') {
    const team = await teamOf(db, accountId, route.teamId);
    return { team: team && { id: team.id, accountId, name: team.name, memberIds: [...team.memberIds] }, member: null };
  }
  if (route.kind === 'user' || route.kind === 'keep')
    return { team: null, member: await activeMember(db, route.userId) };
  return { team: null, member: null };
}

/** Round robin's pool: every role that answers tickets ("Agent role or higher"); Analysts read only. */
export const inRotationPool = (role: Role) => can(role, 'tickets.reply');
