// Small building blocks every settings page uses. Everything is rendered as text: no page ever
// injects HTML from settings, articles or audit entries.
import type { ComponentChildren } from 'preact';
import type { Outcome, SaveState } from './useSave';

export function PageHeader({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <header class="page-head">
      <h1>{title}</h1>
      {children && <p class="intro">{children}</p>}
    </header>
  );
}

export function Result({ outcome, testId }: { outcome: Outcome | null; testId?: string }) {
  if (!outcome) return null;
  return (
    <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'notice' : 'error'} data-testid={testId}>
      {outcome.text}
    </p>
  );
}

/** A form's Save button, disabled while saving, with the outcome of its last save beside it. */
export function SaveActions({
  save,
  label,
  testId,
}: {
  save: Pick<SaveState, 'busy' | 'outcome'>;
  label: string;
  testId?: string;
}) {
  return (
    <div class="actions">
      <button type="submit" disabled={save.busy}>
        {label}
      </button>
      <Result outcome={save.outcome} testId={testId} />
    </div>
  );
}

/** A field's server-side error, under the field. */
export function FieldError({ fields, name }: { fields: Record<string, string>; name: string }) {
  const message = fields[name];
  return message ? (
    <small class="field-error" role="alert">
      {message}
    </small>
  ) : null;
}

export function Card({ title, children, testId }: { title: string; children: ComponentChildren; testId?: string }) {
  return (
    <section class="card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Status({ status }: { status: string }) {
  const label = status.replace(/_/g, ' ');
  return <span class={`status status-${status}`}>{label}</span>;
}

export function formatTime(at: number | null): string {
  if (at === null) return 'never';
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Splits "a, b\nc" into ['a', 'b', 'c'] (for keyword and origin lists). */
export function splitList(text: string, separator: RegExp = /[,\n]/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
