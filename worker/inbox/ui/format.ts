// Display helpers. Everything the inbox shows goes through JSX text nodes, never innerHTML.
import type { Channel, Directory } from './types';

const CHANNELS: Record<Channel, string> = { web_chat: 'Web chat', email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };
export const channelName = (c: Channel) => CHANNELS[c];
export const CHANNEL_OPTIONS = Object.entries(CHANNELS) as Array<[Channel, string]>;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

export function when(at: number): string {
  const d = new Date(at);
  return d.toDateString() === new Date().toDateString() ? timeOnly.format(d) : dateTime.format(d);
}

export const fullDate = (at: number) => dateTime.format(new Date(at));

export function nameOf(dir: Directory, userId: string | null): string {
  if (!userId) return 'No assignee';
  return dir.users.find((u) => u.id === userId)?.name ?? 'Former teammate';
}

export const teamName = (dir: Directory, teamId: string | null) =>
  teamId ? (dir.teams.find((t) => t.id === teamId)?.name ?? 'Unknown team') : 'No team';

/** Teammates who can be assigned tickets (every role that answers them; Analysts only read). */
export const assignable = (dir: Directory) => dir.users.filter((u) => u.role !== 'analyst');

const METHODS: Record<string, string> = {
  round_robin: 'Round robin',
  manual: 'Manual',
  self: 'Self-assigned',
  bulk: 'Bulk',
  team: 'Team',
  unassign: 'No assignee',
  rule: 'Rule',
};
export const methodName = (m: string) => METHODS[m] ?? m;

/** The escalation rule that handed the conversation to the team, in words. */
export function ruleName(id: string, reason: string | null): string {
  if (id === 'human_request') return 'Asked for a person';
  if (id === 'urgent') return reason ? `Urgent rule (${reason.replace(/^urgent:\s*/, '')})` : 'Urgent rule';
  if (id === 'repeated_misses') return 'Agent missed twice';
  return reason ? `Rule: ${reason}` : `Rule: ${id}`;
}

export const slaLabel = (state: string) =>
  state === 'breached'
    ? 'SLA breached'
    : state === 'due_soon'
      ? 'Reply due soon'
      : state === 'met'
        ? 'SLA met'
        : 'On track';
