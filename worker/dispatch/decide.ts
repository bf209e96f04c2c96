// The assignment rules for a new ticket. Synchronous over the store: the caller runs this between
// its D1 reads and its outbox write with no await, so two tickets can never take the same turn.
import type { AccountSettings } from '../settings/schema';
import type { Channel } from '../db/schema';
import type { DispatchStore } from './store';
import type { MemberRow, TeamInfo } from './reads';
import type { AssignmentMethod, CreatedMethod, TicketRoute } from './types';
import { isOpen } from './office-hours';
import { pickNext } from './rotation';
import { reasons } from './reasons';

export const GLOBAL_SCOPE = '';
export const teamScope = (teamId: string) => `team:${teamId}`;

export interface Outcome {
  assigneeId: string | null;
  /** Set when the decision puts the ticket on a team. */
  teamId: string | null;
  setsTeam: boolean;
  method: CreatedMethod & AssignmentMethod;
  reason: string;
  /** An after-hours web-chat ticket to hand out when hours open. */
  backlog: boolean;
}

/** What the D1 reads found for the route's target, resolved against the ticket's account. */
export interface RouteTarget {
  team: TeamInfo | null;
  member: MemberRow | null;
}

interface Turn {
  assigneeId: string | null;
  reason: string;
}

/**
 * Round robin within a scope (the account, or one team): the next Online member after the scope's
 * pointer. Moves that pointer and nothing else.
 */
export function takeTurn(
  store: DispatchStore,
  scope: string,
  only: Set<string> | null,
  now: number,
): { userId: string; online: number } | null {
  const online = store.onlineMembers(now).filter((m) => !only || only.has(m.user_id));
  const next = pickNext(online, store.pointer(scope));
  if (!next) return null;
  store.setPointer(scope, next.order_key);
  return { userId: next.user_id, online: online.length };
}

export function decideNewTicket(
  store: DispatchStore,
  route: TicketRoute,
  channel: Channel,
  settings: AccountSettings,
  target: RouteTarget,
  now: number,
): Outcome {
  const none = { assigneeId: null, teamId: null, setsTeam: false, backlog: false } as const;
  switch (route.kind) {
    case 'unassigned':
      return { ...none, method: 'unassign', reason: reasons.routedUnassigned() };
    case 'user':
    case 'keep': {
      const m = target.member;
      if (!m) return { ...none, method: 'rule', reason: reasons.unknownUser() };
      return {
        ...none,
        assigneeId: m.id,
        method: 'rule',
        reason: route.kind === 'user' ? reasons.rule(m.name) : reasons.keep(m.name),
      };
    }
    case 'round_robin': {
      const turn = roundRobin(store, channel, settings, now);
      const backlog =
        turn.assigneeId === null && afterHours(channel, settings, now) && settings.roundRobin.afterHoursBacklog;
      return { ...none, ...turn, method: 'round_robin', backlog };
    }
    case 'team': {
      const team = target.team;
      if (!team) return { ...none, method: 'team', reason: reasons.unknownTeam() };
      return {
        ...none,
        ...teamTurn(store, team, channel, settings, now),
        teamId: team.id,
        setsTeam: true,
        method: 'team',
      };
    }
  }
}

const afterHours = (channel: Channel, settings: AccountSettings, now: number) =>
  channel === 'web_chat' && !isOpen(settings.officeHours, now);

function roundRobin(store: DispatchStore, channel: Channel, settings: AccountSettings, now: number): Turn {
  if (!settings.roundRobin.enabled) return { assigneeId: null, reason: reasons.roundRobinOff() };
  if (afterHours(channel, settings, now))
    return { assigneeId: null, reason: reasons.afterHours(settings.roundRobin.afterHoursBacklog) };
  const turn = takeTurn(store, GLOBAL_SCOPE, null, now);
  if (!turn) return { assigneeId: null, reason: reasons.nobodyOnline() };
  return { assigneeId: turn.userId, reason: reasons.roundRobin(channel, turn.online, settings.officeHours.enabled) };
}

/** A handoff routed to a team: the same rules as round robin, over the team's members and pointer. */
function teamTurn(
  store: DispatchStore,
  team: TeamInfo,
  channel: Channel,
  settings: AccountSettings,
  now: number,
): Turn {
  if (!settings.roundRobin.enabled) return { assigneeId: null, reason: reasons.teamRoundRobinOff(team.name) };
  if (afterHours(channel, settings, now)) return { assigneeId: null, reason: reasons.teamAfterHours(team.name) };
  const turn = takeTurn(store, teamScope(team.id), team.memberIds, now);
  if (!turn) return { assigneeId: null, reason: reasons.teamNobodyOnline(team.name) };
  return { assigneeId: turn.userId, reason: reasons.team(team.name, turn.online) };
}
