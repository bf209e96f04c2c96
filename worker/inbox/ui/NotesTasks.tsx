// Internal notes (never shown to the shopper) and follow-up tasks with due dates.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { fullDate, nameOf, when } from './format';
import { can, type Directory, type TicketDetail } from './types';

export function NotesTasks({
  detail,
  dir,
  onChanged,
}: {
  detail: TicketDetail;
  dir: Directory;
  onChanged: () => void;
}) {
  const [note, setNote] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = detail.ticket.id;
  const writable = can(dir.me, 'tickets.reply');

  async function run(method: string, path: string, body: unknown, reset: () => void) {
    setError(null);
    try {
      await api(method, path, body);
      reset();
      onChanged();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Not saved');
    }
  }

  return (
    <section class="work" aria-label="Notes and tasks">
      <h3>Internal notes</h3>
      <ul class="notes">
        {detail.notes.map((n) => (
          <li key={n.id}>
            <p>{n.body}</p>
            <small>
              {nameOf(dir, n.authorId)} · {when(n.createdAt)}
            </small>
          </li>
        ))}
      </ul>
      {writable && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run('POST', `/api/tickets/${id}/notes`, { body: note }, () => setNote(''));
          }}
        >
          <label for="note" class="visually-hidden">
            Internal note
          </label>
          <input
            id="note"
            placeholder="Add an internal note"
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" disabled={!note.trim()}>
            Add note
          </button>
        </form>
      )}
      <h3>Follow-up tasks</h3>
      <ul class="tasks">
        {detail.tasks.map((t) => (
          <li key={t.id} class={t.doneAt ? 'done' : t.dueAt < Date.now() ? 'overdue' : ''}>
            <label>
              <input
                type="checkbox"
                checked={t.doneAt !== null}
                disabled={!writable}
                onChange={(e) =>
                  void run(
                    'PATCH',
                    `/api/tickets/${id}/tasks/${t.id}`,
                    { done: e.currentTarget.checked },
                    () => undefined,
                  )
                }
              />
              {t.title}
            </label>
            <small>due {fullDate(t.dueAt)}</small>
          </li>
        ))}
      </ul>
      {writable && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run('POST', `/api/tickets/${id}/tasks`, { title, dueAt: new Date(due).getTime() }, () => {
              setTitle('');
              setDue('');
            });
          }}
        >
          <label for="task-title" class="visually-hidden">
            Task
          </label>
          <input
            id="task-title"
            placeholder="e.g. Call back"
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <label for="task-due" class="visually-hidden">
            Due
          </label>
          <input id="task-due" type="datetime-local" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          <button type="submit" disabled={!title.trim() || !due}>
            Add task
          </button>
        </form>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
