// Status, channel and team filters for the current view.
import { CHANNEL_OPTIONS } from './format';
import type { Route } from './router';
import { Select } from './Select';
import type { Channel, Directory, Status } from './types';

const STATUSES: Array<[Status, string]> = [
  ['open', 'Open'],
  ['pending', 'Pending'],
  ['closed', 'Closed'],
];

export function Filters({ route, dir, go }: { route: Route; dir: Directory; go: (c: Partial<Route>) => void }) {
  return (
    <div class="filters" role="group" aria-label="Filters">
      <Select
        label="Status"
        value={route.status}
        options={STATUSES}
        onChange={(status) => go({ status, ticket: null })}
      />
      <Select<Channel | ''>
        label="Channel"
        value={route.channel}
        options={[['', 'All channels'], ...CHANNEL_OPTIONS]}
        onChange={(channel) => go({ channel, ticket: null })}
      />
      <Select
        label="Team"
        value={route.team}
        options={[['', 'All teams'], ...dir.teams.map((t) => [t.id, t.name] as const)]}
        onChange={(team) => go({ team, ticket: null })}
      />
    </div>
  );
}
