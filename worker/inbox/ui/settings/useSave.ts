// One save action's state: busy, the outcome message, and the server's field errors by field name
// (the API answers 400/422 with details: [{ field, message }]).
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api';

export interface Outcome {
  ok: boolean;
  text: string;
}

export interface SaveState {
  busy: boolean;
  outcome: Outcome | null;
  fields: Record<string, string>;
  run<T>(work: () => Promise<T>, done: string | ((result: T) => string)): Promise<T | null>;
  clear(): void;
}

export function failureText(err: unknown): string {
  if (!(err instanceof ApiFailure)) return 'Could not reach the server; try again';
  return err.message;
}

export function fieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiFailure)) return {};
  const out: Record<string, string> = {};
  for (const d of err.body?.error.details ?? []) out[d.field] ??= d.message;
  return out;
}

export function useSave(): SaveState {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  return {
    busy,
    outcome,
    fields,
    async run<T>(work: () => Promise<T>, done: string | ((result: T) => string)) {
      setBusy(true);
      setOutcome(null);
      setFields({});
      try {
        const result = await work();
        setOutcome({ ok: true, text: typeof done === 'string' ? done : done(result) });
        return result;
      } catch (err) {
        const byField = fieldErrors(err);
        setFields(byField);
        const message = failureText(err);
        // Field messages the main message does not already say are listed after it.
        const listed = Object.entries(byField)
          .filter(([, m]) => !message.includes(m))
          .map(([f, m]) => `${f}: ${m}`)
          .join('; ');
        setOutcome({ ok: false, text: listed ? `${message} (${listed})` : message });
        return null;
      } finally {
        setBusy(false);
      }
    },
    clear() {
      setOutcome(null);
      setFields({});
    },
  };
}
