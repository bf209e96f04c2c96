// Where an Inbox handoff goes: the owner behaviour for a conversation that already had a person,
// then the merchant's routing rules (first match wins), then the channel's default destination.
import type { TicketRoute } from '../dispatch/types';
import type { ChannelHandoff, RoutingRule } from '../settings/handoff';

export interface ConversationFacts {
  tags: string[];
  urgent: boolean;
  language: string | null;
  /** The assignee of the conversation's previous ticket, if any. */
  ownerId: string | null;
}

export interface ChosenRoute {
  route: TicketRoute;
  /** What chose it, for the ticket's routing snapshot and the assignment's explanation. */
  because: string;
}

export function chooseRoute(channel: ChannelHandoff, rules: RoutingRule[], facts: ConversationFacts): ChosenRoute {
  if (facts.ownerId) {
    if (channel.ownerBehaviour === 'keep_alert')
      return { route: { kind: 'keep', userId: facts.ownerId }, because: 'owner kept' };
    if (channel.ownerBehaviour === 'unassign')
      return { route: { kind: 'unassigned' }, because: 'owner behaviour: unassign into the queue' };
  }
  const rule = rules.find((r) => r.enabled && matches(r, facts));
  if (rule) return { route: rule.route, because: `routing rule "${rule.name}"` };
  return { route: channel.destination, because: 'default destination' };
}

function matches(rule: RoutingRule, facts: ConversationFacts): boolean {
  const { tagsAny, urgent, language } = rule.when;
  if (tagsAny.length === 0 && urgent === undefined && language === undefined) return false; // an empty rule matches nothing
  if (tagsAny.length > 0 && !tagsAny.some((t) => facts.tags.includes(t))) return false;
  if (urgent !== undefined && urgent !== facts.urgent) return false;
  if (language !== undefined && language !== facts.language) return false;
  return true;
}
