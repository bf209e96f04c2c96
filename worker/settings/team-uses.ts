import type { AccountSettings } from './schema';

/** Where the handoff settings name a team (a channel's destination, a routing rule), as readable text. */
export function teamUses(settings: AccountSettings, teamId: string): string[] {
  const uses: string[] = [];
  for (const [channel, handoff] of Object.entries(settings.handoff.channels)) {
    if (handoff.destination.kind === 'team' && handoff.destination.teamId === teamId)
      uses.push(`${channel} destination`);
  }
  for (const rule of settings.handoff.routingRules) {
    if (rule.route.kind === 'team' && rule.route.teamId === teamId) uses.push(`routing rule "${rule.name}"`);
  }
  return uses;
}
