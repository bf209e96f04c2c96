// Teams and their members (Owner, Admin, Manager): teams are handoff destinations and routing targets.
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { TeamUser } from '../types';
import { Card, Result } from './form';
import { useSave } from './useSave';
import type { TeamRow } from './types';

export function TeamsSection({
  teams,
  users,
  canEdit,
  onChanged,
}: {
  teams: TeamRow[];
  users: TeamUser[];
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const [name, setName] = useState('');
  const save = useSave();
  async function create(e: Event) {
    e.preventDefault();
    const ok = await save.run(() => api('POST', '/api/teams', { name }), `Team ${name} created`);
    if (ok) setName('');
    await onChanged();
  }
  return (
    <Card title="Teams" testId="teams">
      <fieldset class="plain" disabled={!canEdit}>
        {teams.length === 0 && <p class="empty">No teams yet.</p>}
        {teams.map((t) => (
          <TeamEditor
            key={`${t.id}:${t.memberIds.join()}:${t.name}`}
            team={t}
            users={users}
            save={save.run}
            onChanged={onChanged}
          />
        ))}
        <form class="inline-form" onSubmit={create} aria-label="Create a team">
          <label>
            New team{' '}
            <input
              required
              maxLength={60}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              placeholder="Returns"
            />
          </label>
          <button type="submit" disabled={save.busy}>
            Create team
          </button>
        </form>
      </fieldset>
      <Result outcome={save.outcome} />
    </Card>
  );
}

function TeamEditor({
  team,
  users,
  save,
  onChanged,
}: {
  team: TeamRow;
  users: TeamUser[];
  save: ReturnType<typeof useSave>['run'];
  onChanged: () => Promise<void>;
}) {
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState(new Set(team.memberIds));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(members);
    if (on) next.add(id);
    else next.delete(id);
    setMembers(next);
  };
  async function apply() {
    if (name !== team.name)
      await save(() => api('PATCH', `/api/teams/${team.id}`, { name }), `Team renamed to ${name}`);
    await save(() => api('PUT', `/api/teams/${team.id}/members`, { memberIds: [...members] }), `${name} saved`);
    await onChanged();
  }
  async function remove() {
    if (!confirm(`Delete the team ${team.name}?`)) return;
    await save(() => api('DELETE', `/api/teams/${team.id}`), `Team ${team.name} deleted`);
    await onChanged();
  }
  return (
    <div class="team" data-testid={`team-${team.name}`}>
      <div class="rule-head">
        <label>
          Team name <input value={name} maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <span class="row-actions">
          <button type="button" onClick={() => void apply()}>
            Save team
          </button>
          <button type="button" class="ghost danger-text" onClick={() => void remove()}>
            Delete
          </button>
        </span>
      </div>
      <fieldset class="members">
        <legend>Members</legend>
        {users.map((u) => (
          <label key={u.id} class="check">
            <input
              type="checkbox"
              checked={members.has(u.id)}
              onChange={(e) => toggle(u.id, e.currentTarget.checked)}
            />{' '}
            {u.name}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
