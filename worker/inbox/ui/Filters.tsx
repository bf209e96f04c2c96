// Status, channel and team filters for the current view.
import { CHANNEL_OPTIONS } from './format';
import type { Route } from './router';
import type { Channel, Directory, Status } from './types';

export function Filters({ route, dir, go }: { route: Route; dir: Directory; go: (c: Partial<Route>) => void }) {
  return (
    <div class="filters" role="group" aria-label="Filters">
      <label>
        Status
        <select value={route.status} onChange={(e) => go({ status: e.currentTarget.value as Status, ticket: null })}>
          <option value="open">Open</option>
          <option value="pending">Pending</option>
          <option value="closed">Closed</option>
        </select>
      </label>
      <label>
        Channel
        <select
          value={route.channel}
          onChange={(e) => go({ channel: e.currentTarget.value as Channel | '', ticket: null })}
        >
          <option value="">All channels</option>
          {CHANNEL_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Team
        <select value={route.team} onChange={(e) => go({ team: e.currentTarget.value, ticket: null })}>
          <option value="">All teams</option>
          {dir.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
