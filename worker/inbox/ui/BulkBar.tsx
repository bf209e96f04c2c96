// Assign the selected tickets to a person, to No assignee, or to a team (round robin among its
// Online members). Shown only to roles that may assign.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { assignable } from './format';
import type { Directory } from './types';

export function BulkBar({
  dir,
  selected,
  onDone,
}: {
  dir: Directory;
  selected: string[];
  onDone: (message: string) => void;
}) {
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function apply(e: Event) {
    e.preventDefault();
    if (!target) return;
    setError(null);
    const [kind, id] = target.split(':');
    const body =
      kind === 'team'
        ? { ticketIds: selected, teamId: id }
        : { ticketIds: selected, assigneeId: kind === 'none' ? null : id };
    try {
      await api('POST', '/api/tickets/bulk-assign', body);
      const count = `${selected.length} ticket${selected.length === 1 ? '' : 's'}`;
      onDone(
        kind === 'none'
          ? `${count} set to No assignee`
          : kind === 'team'
            ? `${count} sent to ${dir.teams.find((t) => t.id === id)?.name ?? 'the team'}`
            : `${count} assigned to ${dir.users.find((u) => u.id === id)?.name ?? 'the teammate'}`,
      );
      setTarget('');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Could not assign');
    }
  }
  return (
    <form class="bulkbar" onSubmit={apply} aria-label="Assign selected tickets">
      <span>{selected.length} selected</span>
      <label class="visually-hidden" for="bulk-target">
        Assign to
      </label>
      <select id="bulk-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
        <option value="">Assign to…</option>
        <option value="none:">No assignee</option>
        <optgroup label="People">
          {assignable(dir).map((u) => (
            <option key={u.id} value={`user:${u.id}`}>
              {u.name}
            </option>
          ))}
        </optgroup>
        {dir.teams.length > 0 && (
          <optgroup label="Teams (round robin among Online members)">
            {dir.teams.map((t) => (
              <option key={t.id} value={`team:${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <button type="submit" disabled={!target}>
        Assign
      </button>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
    </form>
  );
}
