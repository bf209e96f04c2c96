// Internal notes (never shown to the shopper) and follow-up tasks with due dates.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
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
        <AddForm
          button="Add note"
          ready={!!note.trim()}
          onAdd={() => run('POST', `/api/tickets/${id}/notes`, { body: note }, () => setNote(''))}
        >
          <Field id="note" label="Internal note" placeholder="Add an internal note" value={note} onValue={setNote} />
        </AddForm>
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
        <AddForm
          button="Add task"
          ready={!!title.trim() && !!due}
          onAdd={() =>
            run('POST', `/api/tickets/${id}/tasks`, { title, dueAt: new Date(due).getTime() }, () => {
              setTitle('');
              setDue('');
            })
          }
        >
          <Field id="task-title" label="Task" placeholder="e.g. Call back" value={title} onValue={setTitle} />
          <Field id="task-due" label="Due" type="datetime-local" value={due} onValue={setDue} />
        </AddForm>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}

/** A one-line form that adds something; its button waits until the fields are `ready`. */
function AddForm({
  button,
  ready,
  onAdd,
  children,
}: {
  button: string;
  ready: boolean;
  onAdd: () => Promise<void>;
  children: ComponentChildren;
}) {
  return (
    <form
      class="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd();
      }}
    >
      {children}
      <button type="submit" disabled={!ready}>
        {button}
      </button>
    </form>
  );
}

/** An input named for screen readers only (its placeholder or type shows what it takes). */
function Field({
  id,
  label,
  value,
  onValue,
  placeholder,
  type,
}: {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  placeholder?: string;
  type?: string;
}) {
  return (
    <>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type={type}
        placeholder={placeholder}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </>
  );
}
