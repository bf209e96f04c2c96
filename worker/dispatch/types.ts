// Inputs and outputs of the Dispatcher's RPC methods. RPC callers are our own Worker code, but the
// inputs are still parsed: a bad call fails loudly here instead of corrupting the rotation.
import { z } from 'zod';
import { ROLES, type ASSIGNMENT_METHODS } from '../db/schema';
import { ticketSummary, type TicketSummary } from '../protocol/inbox';
import type { Result } from '../platform/results';

const id = z.string().min(1).max(100);

export const ticketRoute = z.discriminatedUnion('kind', [
  /** The account's round robin (if on, inside office hours for web chat, among Online agents). */
  z.object({ kind: z.literal('round_robin') }),
  /** A team: round robin among that team's Online members, with the team's own pointer. */
  z.object({ kind: z.literal('team'), teamId: id }),
  /** A rule names the person. */
  z.object({ kind: z.literal('user'), userId: id }),
  /** The conversation already had a person (e.g. a reopened ticket): keep them. */
  z.object({ kind: z.literal('keep'), userId: id }),
  z.object({ kind: z.literal('unassigned') }),
]);
export type TicketRoute = z.infer<typeof ticketRoute>;

/** The ticket row as the handoff wrote it (and read back): the Dispatcher does not read it from D1. */
export const announcedTicket = ticketSummary.extend({ id, accountId: id, conversationId: id.nullable() });

/**
 * What a team or person route names, as the caller read it from D1 (dispatch/reads.ts routeTargetOf):
 * the Dispatcher decides from this and reads no D1 itself. null = the caller found no such team or
 * active member; the Dispatcher still checks the account and the role.
 */
export const routeTarget = z.object({
  team: z.object({ id, accountId: id, name: z.string(), memberIds: z.array(id).max(10_000) }).nullable(),
  member: z
    .object({ id, accountId: id, name: z.string(), role: z.enum(ROLES), createdAt: z.number().int() })
    .nullable(),
});
export type RouteTargetInput = z.infer<typeof routeTarget>;

export const ticketCreatedInput = z
  .object({
    ticket: announcedTicket,
    route: ticketRoute,
    /** The route's team or person (both null for round robin and Unassigned). */
    target: routeTarget,
    /** The settings version the caller decided with: the Dispatcher's held copy is refreshed only when older. */
    settingsVersion: z.number().int().min(0),
  })
  // A target read for another team or person than the route names is a caller's bug: refused loudly.
  .refine(
    ({ route, target }) =>
      (route.kind === 'team' ? target.team === null || target.team.id === route.teamId : target.team === null) &&
      (route.kind === 'user' || route.kind === 'keep'
        ? target.member === null || target.member.id === route.userId
        : target.member === null),
    { message: 'target does not match the route', path: ['target'] },
  );
export type TicketCreatedInput = z.infer<typeof ticketCreatedInput>;

export type CreatedMethod = 'round_robin' | 'team' | 'rule' | 'manual' | 'unassign';

/** What ticketCreated decided; stored per ticket so a retried call returns the same answer. */
export interface Decision {
  assigneeId: string | null;
  method: CreatedMethod;
  reason: string;
}

export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** Manual, self, bulk, team and "No assignee" assignments from the inbox. */
export const assignInput = z.object({
  accountId: id,
  actor: z.object({ id, name: z.string() }),
  ticketIds: z.array(id).min(1).max(100),
  to: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), userId: id }),
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('team'), teamId: id }),
  ]),
  /** Several tickets selected at once (logged as "bulk"). */
  bulk: z.boolean().default(false),
});
export type AssignInput = z.input<typeof assignInput>;

export interface AssignOutcome {
  ticketId: string;
  assigneeId: string | null;
  teamId: string | null;
  method: AssignmentMethod;
  reason: string;
}

export const presenceInput = z.object({
  accountId: id,
  userId: id,
  presence: z.enum(['online', 'offline']),
  /** Online lapses when the session that set it expires ("the session expiring sets Offline"). */
  until: z.number().int().nullable().default(null),
});
export type PresenceInput = z.input<typeof presenceInput>;

/** One row of assignment_log plus the ticket columns it changes. */
export interface AssignmentWrite {
  logId: string;
  accountId: string;
  ticketId: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;
  teamId: string | null;
  /** False when the assignment leaves the ticket's team as it was. */
  setsTeam: boolean;
  actorId: string | null;
  method: AssignmentMethod;
  reason: string;
  at: number;
}

/** A D1 write the Dispatcher decided but has not yet applied, and the events to send once it is. */
export type OutboxItem =
  | { kind: 'assign'; write: AssignmentWrite; ticket: TicketSummary; created: boolean }
  | { kind: 'presence'; accountId: string; userId: string; presence: 'online' | 'offline' };

/** Refusals travel as values: custom error classes do not survive the RPC boundary. */
export type DispatchResult<T> = Result<T, 'not_found' | 'forbidden' | 'invalid_assignee'>;
