// What the API keys and Webhooks pages share: a card form that creates something (a failure is shown
// in it, in words, and the fields keep what was typed), the secret shown once after, and a data
// table head whose last column holds each row's actions. Text only.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { failure } from './useApi';

export function CreateForm({
  title,
  button,
  create,
  children,
}: {
  /** The form's heading; without one the page's own heading names it. */
  title?: string;
  button: string;
  /** Sends the form; a rejection is shown in the form. */
  create: () => Promise<void>;
  children: ComponentChildren;
}) {
  const [error, setError] = useState<string | null>(null);
  const headingId = title ? `create-${button.toLowerCase().replace(/\W+/g, '-')}` : undefined;
  return (
    <form
      class="card"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        create().then(
          () => setError(null),
          (err: unknown) => setError(failure(err)),
        );
      }}
    >
      {title && <h2 id={headingId}>{title}</h2>}
      {children}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">{button}</button>
    </form>
  );
}

/** A secret the server returns once (an API key, a signing secret). */
export function SecretOnce({ what, value, testId }: { what: string; value: string; testId: string }) {
  return (
    <p role="status" class="notice secret">
      {what} (shown once — copy it now): <code data-testid={testId}>{value}</code>
    </p>
  );
}

/** A table head: the columns (`n`: a right-aligned number), then the row actions' unnamed column. */
export function HeadWithActions({ columns }: { columns: Array<string | { n: string }> }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th scope="col" key={c}>
              {c}
            </th>
          ) : (
            <th scope="col" class="n" key={c.n}>
              {c.n}
            </th>
          ),
        )}
        <th scope="col">
          <span class="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
