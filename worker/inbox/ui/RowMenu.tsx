// A row's "…" menu: assign (or Assign to me), team, status and tags without opening the ticket.
// The same role rules as everywhere: assigning and teams need tickets.assign, status and tags
// tickets.reply; what a member may not change is not offered. Escape or "Done" closes it.
import { AssigneeOptions } from './AssigneeOptions';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { can, type Directory, type Status, type TicketRow } from './types';

interface Props {
  t: TicketRow;
  dir: Directory;
  onChanged: (message: string) => void;
}

export function RowMenu({ t, dir, onChanged }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tags, setTags] = useState(t.tags.join(', '));
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const mayAssign = can(dir.me, 'tickets.assign');
  const mayWork = can(dir.me, 'tickets.reply');
  useEffect(() => {
    if (!open) return;
    setTags(t.tags.join(', '));
    panel.current?.querySelector<HTMLElement>('button, select, input')?.focus();
  }, [open]);
  if (!mayAssign && !mayWork) return null;

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  async function run(method: string, path: string, body: unknown, done: string) {
    setError(null);
    try {
      await api(method, path, body);
      onChanged(done);
      close();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'The change was not saved');
    }
  }
  const assign = (assigneeId: string | null) => {
    const name = assigneeId ? (dir.users.find((u) => u.id === assigneeId)?.name ?? 'the teammate') : null;
    return run(
      'PATCH',
      `/api/tickets/${t.id}/assignee`,
      { assigneeId },
      name ? `#${t.number} assigned to ${name}` : `#${t.number} set to No assignee`,
    );
  };
  const id = `row-menu-${t.id}`;
  return (
    <div
      class="row-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        class="ghost menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Actions for ticket #${t.number}`}
        data-testid="row-menu-button"
        onClick={() => setOpen(!open)}
      >
        …
      </button>
      {open && (
        <div
          id={id}
          ref={panel}
          class="menu-panel"
          role="group"
          aria-label={`Actions for ticket #${t.number}`}
          data-testid="row-menu"
        >
          {mayAssign && (
            <>
              <button
                type="button"
                class="ghost"
                onClick={() => void assign(dir.me.user.id)}
                disabled={t.assigneeId === dir.me.user.id}
              >
                Assign to me
              </button>
              <label>
                Assignee
                <select value={t.assigneeId ?? ''} onChange={(e) => void assign(e.currentTarget.value || null)}>
                  <AssigneeOptions dir={dir} />
                </select>
              </label>
              {dir.teams.length > 0 && (
                <label>
                  Team (round robin among its Online members)
                  <select
                    value=""
                    onChange={(e) => {
                      const teamId = e.currentTarget.value;
                      if (teamId)
                        void run(
                          'POST',
                          '/api/tickets/bulk-assign',
                          { ticketIds: [t.id], teamId },
                          `#${t.number} sent to ${dir.teams.find((x) => x.id === teamId)?.name ?? 'the team'}`,
                        );
                    }}
                  >
                    <option value="">Choose a team…</option>
                    {dir.teams.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </>
          )}
          {mayWork && (
            <>
              <label>
                Status
                <select
                  value={t.status}
                  onChange={(e) =>
                    void run(
                      'PATCH',
                      `/api/tickets/${t.id}/status`,
                      { status: e.currentTarget.value as Status },
                      `#${t.number} is now ${e.currentTarget.value}`,
                    )
                  }
                >
                  <option value="open">Open</option>
                  <option value="pending">Pending</option>
                  <option value="closed">Closed</option>
                </select>
              </label>
              <form
                class="menu-tags"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(
                    'PUT',
                    `/api/tickets/${t.id}/tags`,
                    {
                      tags: tags
                        .split(',')
                        .map((x) => x.trim())
                        .filter(Boolean),
                    },
                    `#${t.number} tags saved`,
                  );
                }}
              >
                <label>
                  Tags (comma separated)
                  <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
                </label>
                <button type="submit" class="ghost">
                  Save tags
                </button>
              </form>
            </>
          )}
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <button type="button" class="ghost" onClick={close}>
            Done
          </button>
        </div>
      )}
    </div>
  );
}
