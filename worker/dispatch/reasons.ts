// The human-readable "why" stored with every assignment and shown on the ticket.
import type { Channel } from '../db/schema';

const CHANNEL_NAMES: Record<Channel, string> = {
  web_chat: 'web chat',
  email: 'email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
};
export const channelName = (c: Channel) => CHANNEL_NAMES[c];

const onlineCount = (n: number) => (n === 1 ? 'the only agent online' : `${n} agents online`);

export const reasons = {
  roundRobin(channel: Channel, online: number, officeHoursSet: boolean): string {
    const when =
      channel !== 'web_chat'
        ? `${channelName(channel)} is assigned at any hour`
        : officeHoursSet
          ? 'inside office hours'
          : 'no office hours set';
    return `online, next in rotation (${onlineCount(online)}), ${when}`;
  },
  nobodyOnline: () => 'no agent online: waiting in Unassigned',
  afterHours: (backlog: boolean) =>
    `web chat outside office hours: waiting in Unassigned${backlog ? ' (handed out when office hours open)' : ''}`,
  roundRobinOff: () => 'round robin is off: waiting in Unassigned',
  team(team: string, online: number): string {
    return `${team}: online, next in the team's rotation (${online === 1 ? 'the only member online' : `${online} members online`})`;
  },
  teamNobodyOnline: (team: string) => `${team}: no team member online: waiting in Unassigned`,
  teamAfterHours: (team: string) => `${team}: web chat outside office hours: waiting in Unassigned`,
  teamRoundRobinOff: (team: string) => `${team}: round robin is off: waiting in the team's Unassigned`,
  unknownTeam: () => 'the routed team no longer exists: waiting in Unassigned',
  rule: (name: string) => `handoff rule: assigned to ${name}`,
  keep: (name: string) => `kept with ${name}, who already had this conversation`,
  unknownUser: () => 'the routed teammate is no longer on the team: waiting in Unassigned',
  routedUnassigned: () => 'handoff routes this to Unassigned',
  backlog: (online: number) =>
    `after-hours web chat, handed out oldest first as office hours opened; online, next in rotation (${onlineCount(online)})`,
  manual: (actor: string, bulk: boolean) => `${bulk ? 'bulk-assigned' : 'assigned'} by ${actor}`,
  self: (actor: string) => `${actor} took it`,
  unassign: (actor: string) => `set to No assignee by ${actor}`,
};
