// The choices of an assignee dropdown (the ticket's Overview, a row's "…" menu): No assignee, then
// everyone who may be assigned, with "(Online)" beside those who are.
import { assignable } from './format';
import type { Directory } from './types';

export function AssigneeOptions({ dir }: { dir: Directory }) {
  return (
    <>
      <option value="">No assignee</option>
      {assignable(dir).map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
          {u.presence === 'online' ? ' (Online)' : ''}
        </option>
      ))}
    </>
  );
}
