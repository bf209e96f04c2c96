// Picks where an Inbox handoff goes: round robin (optional), a team, or one person.
import type { People } from './usePeople';

export type RouteValue = { kind: 'round_robin' } | { kind: 'team'; teamId: string } | { kind: 'user'; userId: string };

const encode = (r: RouteValue) =>
  r.kind === 'round_robin' ? 'round_robin' : r.kind === 'team' ? `team:${r.teamId}` : `user:${r.userId}`;

function decode(value: string): RouteValue {
  if (value.startsWith('team:')) return { kind: 'team', teamId: value.slice(5) };
  if (value.startsWith('user:')) return { kind: 'user', userId: value.slice(5) };
  return { kind: 'round_robin' };
}

export function RouteSelect<T extends RouteValue>({
  label,
  value,
  people,
  allowRoundRobin,
  onChange,
}: {
  label: string;
  value: T;
  people: People;
  allowRoundRobin: boolean;
  onChange: (route: T) => void;
}) {
  return (
    <label>
      {label}
      <select value={encode(value)} onChange={(e) => onChange(decode(e.currentTarget.value) as T)}>
        {allowRoundRobin && <option value="round_robin">Round robin among Online agents</option>}
        <optgroup label="Team (round robin among its Online members)">
          {people.teams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {t.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="One person">
          {people.users.map((u) => (
            <option key={u.id} value={`user:${u.id}`}>
              {u.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
