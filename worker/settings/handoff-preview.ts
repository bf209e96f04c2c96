// The test sidebar's "where would this handoff go?": a dry run that creates no ticket and moves no
// rotation. The decision itself is the real handoff's (handoff/decide.ts, one function for both);
// this file only explains it step by step and reads the assignment rules against a snapshot. Pure:
// the route gathers the facts (who is Online, teams, helpdesk health, the round-robin pointer).
import type { Channel, Helpdesk } from '../db/schema';
import type { TicketRoute } from '../dispatch/types';
import { channelName, reasons } from '../dispatch/reasons';
import { isOpen } from '../dispatch/office-hours';
import { decideHandoff } from '../handoff/decide';
import { shopperExpectation } from '../handoff/expectation';
import type { AccountSettings } from './schema';

export interface PreviewInput {
  channel: Channel;
  /** The test shopper is signed in (a verified identity token), so web chat may reach a human. */
  authenticated: boolean;
  /** An anonymous web-chat shopper who chose to continue by email. */
  continueByEmail?: boolean;
  /** The assignee of the conversation's previous ticket (a re-escalation); a test chat has none. */
  previousOwnerId?: string | null;
  tags: string[];
  language: string | null;
  escalation: { reason: string; rule: string };
}

export interface PreviewFacts {
  now: number;
  /** Helpdesk health ('connected' | 'expired' | 'not_connected') by kind. */
  helpdeskStatus: Partial<Record<Helpdesk, string>>;
  /** The account's rotation in its fixed order with who is Online, and who got the last ticket. */
  rotation: Array<{ userId: string; name: string; online: boolean }>;
  lastAssigneeId: string | null;
  teams: Map<string, { name: string; memberIds: string[] }>;
  users: Map<string, { name: string; online: boolean }>;
}

export interface HandoffPreview {
  channel: Channel;
  channelEnabled: boolean;
  outcome: 'declined' | 'needs_identity' | 'ticket';
  helpdesk: Helpdesk | null;
  helpdeskStatus: string | null;
  continuation: 'web_chat' | 'email' | null;
  route: TicketRoute | null;
  because: string | null;
  assignee: { id: string; name: string } | null;
  /** Why the assignment would land where it does (the reason the ticket's history would show). */
  assignment: string | null;
  /** What the shopper would be shown. */
  messages: string[];
  /** The decision, step by step, for the sidebar. */
  steps: string[];
}

const HELPDESK_NAMES: Record<Helpdesk, string> = { inbox: 'Inbox', zendesk: 'Zendesk', gorgias: 'Gorgias' };
const CHANNEL_KEYS = { web_chat: 'webChat', email: 'email', sms: 'sms', whatsapp: 'whatsapp' } as const;

export function previewHandoff(settings: AccountSettings, input: PreviewInput, facts: PreviewFacts): HandoffPreview {
  const handoff = settings.handoff.channels[input.channel];
  const channelEnabled = settings.channels[CHANNEL_KEYS[input.channel]].enabled;
  const steps = [`Escalation: ${input.escalation.reason} (rule ${input.escalation.rule}).`];
  if (!channelEnabled)
    steps.push(
      `Note: ${channelName(input.channel)} is switched off under Channels, so real shoppers cannot reach this.`,
    );
  const base = {
    channel: input.channel,
    channelEnabled,
    route: null,
    because: null,
    assignee: null,
    assignment: null,
    continuation: null,
  };

  const decided = decideHandoff(settings, {
    channel: input.channel,
    tags: input.tags,
    language: input.language,
    escalation: input.escalation,
    identity: input.continueByEmail
      ? 'email'
      : input.authenticated || input.channel !== 'web_chat'
        ? 'verified'
        : 'anonymous',
    previousOwnerId: input.previousOwnerId ?? null,
  });
  if (decided.kind === 'declined') {
    steps.push(
      `${channelName(input.channel)} handoff method is "Don't hand off": the agent shows your custom message and no ticket is created.`,
    );
    return { ...base, outcome: 'declined', helpdesk: null, helpdeskStatus: null, messages: [decided.message], steps };
  }
  if (decided.kind === 'needs_identity') {
    steps.push(
      'Web chat reaches a human only for a signed-in shopper: this anonymous shopper is asked to sign in or to leave an email address.',
    );
    steps.push('Tick "Signed-in shopper" to see where a signed-in shopper\'s handoff would go.');
    return {
      ...base,
      outcome: 'needs_identity',
      helpdesk: handoff.helpdesk,
      helpdeskStatus: facts.helpdeskStatus[handoff.helpdesk] ?? null,
      messages: [decided.message],
      steps,
    };
  }

  const { helpdesk, continuation } = decided;
  const status = helpdesk === 'inbox' ? 'connected' : (facts.helpdeskStatus[helpdesk] ?? 'not_connected');
  steps.push(
    `A ticket goes to ${HELPDESK_NAMES[helpdesk]}${continuation === 'email' ? '; the conversation continues by email and web chat closes' : ''}.`,
  );
  if (status !== 'connected')
    steps.push(
      `Warning: ${HELPDESK_NAMES[helpdesk]} is ${status.replace('_', ' ')}: the ticket would be queued and fail until you reconnect it.`,
    );
  if (helpdesk !== 'inbox') {
    const reach = { assignee: null, anyoneOnline: null, helpdeskUp: status === 'connected' };
    return {
      ...base,
      outcome: 'ticket',
      helpdesk,
      helpdeskStatus: status,
      continuation,
      messages: [
        handoff.confirmationMessage,
        shopperExpectation(settings, input.channel, continuation, null, reach, facts.now),
      ],
      steps,
    };
  }

  steps.push(`Route: ${describeRoute(decided.route, facts)} (${decided.because}).`);
  const turn = assignment(settings, input.channel, decided.route, facts);
  steps.push(`Assignment: ${turn.reason}.`);
  return {
    ...base,
    outcome: 'ticket',
    helpdesk,
    helpdeskStatus: status,
    continuation,
    route: decided.route,
    because: decided.because,
    assignee: turn.assignee,
    assignment: turn.reason,
    messages: [
      handoff.confirmationMessage,
      shopperExpectation(
        settings,
        input.channel,
        continuation,
        null,
        {
          assignee: turn.assignee ? (facts.users.get(turn.assignee.id)?.online ? 'online' : 'offline') : null,
          anyoneOnline: facts.rotation.some((m) => m.online),
          helpdeskUp: true,
        },
        facts.now,
      ),
    ],
    steps,
  };
}

function describeRoute(route: TicketRoute, facts: PreviewFacts): string {
  switch (route.kind) {
    case 'round_robin':
      return 'round robin among Online agents';
    case 'team':
      return `team ${facts.teams.get(route.teamId)?.name ?? '(deleted team)'}`;
    case 'user':
    case 'keep':
      return `one person, ${facts.users.get(route.userId)?.name ?? '(removed teammate)'}`;
    case 'unassigned':
      return 'Unassigned';
  }
}

/** The Dispatcher's rules (worker/dispatch/decide.ts) read, not applied: no pointer moves. */
function assignment(
  settings: AccountSettings,
  channel: Channel,
  route: TicketRoute,
  facts: PreviewFacts,
): { assignee: { id: string; name: string } | null; reason: string } {
  const afterHours = channel === 'web_chat' && !isOpen(settings.officeHours, facts.now);
  if (route.kind === 'unassigned') return { assignee: null, reason: reasons.routedUnassigned() };
  if (route.kind === 'user' || route.kind === 'keep') {
    const user = facts.users.get(route.userId);
    return user
      ? { assignee: { id: route.userId, name: user.name }, reason: reasons.rule(user.name) }
      : { assignee: null, reason: reasons.unknownUser() };
  }
  if (route.kind === 'team') {
    const team = facts.teams.get(route.teamId);
    if (!team) return { assignee: null, reason: reasons.unknownTeam() };
    if (!settings.roundRobin.enabled) return { assignee: null, reason: reasons.teamRoundRobinOff(team.name) };
    if (afterHours) return { assignee: null, reason: reasons.teamAfterHours(team.name) };
    const online = facts.rotation.filter((m) => m.online && team.memberIds.includes(m.userId));
    if (online.length === 0) return { assignee: null, reason: reasons.teamNobodyOnline(team.name) };
    return {
      assignee: null,
      reason: `${team.name}: the next of ${online.map((m) => m.name).join(', ')} in the team's rotation`,
    };
  }
  if (!settings.roundRobin.enabled) return { assignee: null, reason: reasons.roundRobinOff() };
  if (afterHours) return { assignee: null, reason: reasons.afterHours(settings.roundRobin.afterHoursBacklog) };
  const next = nextInRotation(facts.rotation, facts.lastAssigneeId);
  if (!next) return { assignee: null, reason: reasons.nobodyOnline() };
  const online = facts.rotation.filter((m) => m.online).length;
  return {
    assignee: { id: next.userId, name: next.name },
    reason: `${next.name}: ${reasons.roundRobin(channel, online, settings.officeHours.enabled)}`,
  };
}

/** pickNext over the snapshot: the first Online member after the last assignee, wrapping around. */
function nextInRotation(rotation: PreviewFacts['rotation'], last: string | null) {
  const online = rotation.filter((m) => m.online);
  const at = last === null ? -1 : rotation.findIndex((m) => m.userId === last);
  return rotation.slice(at + 1).find((m) => m.online) ?? online[0] ?? null;
}
