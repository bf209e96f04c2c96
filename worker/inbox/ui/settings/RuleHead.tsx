// What every editable rule list shares (escalation rules, routing rules): the head of a rule — its
// name, an Enabled switch, then the row's own actions — and the server's field errors under the list.
import type { ComponentChildren } from 'preact';

interface Switchable {
  name: string;
  enabled: boolean;
}

export function RuleHead<R extends Switchable>({
  rule,
  onChange,
  children,
}: {
  rule: R;
  onChange: (rule: R) => void;
  children: ComponentChildren;
}) {
  return (
    <div class="rule-head">
      <label>
        Name{' '}
        <input value={rule.name} maxLength={80} onInput={(e) => onChange({ ...rule, name: e.currentTarget.value })} />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={rule.enabled}
          onChange={(e) => onChange({ ...rule, enabled: e.currentTarget.checked })}
        />{' '}
        Enabled
      </label>
      {children}
    </div>
  );
}

/** A rule's Delete button: the list without it. */
export function DeleteRule({ onDelete }: { onDelete: () => void }) {
  return (
    <button type="button" class="ghost danger-text" onClick={onDelete}>
      Delete
    </button>
  );
}

/** The save's field errors that belong to the list (`fields` as useSave keeps them), each with its field. */
export function RuleErrors({
  fields,
  belongs,
}: {
  fields: Record<string, string>;
  belongs: (field: string) => boolean;
}) {
  return (
    <>
      {Object.entries(fields)
        .filter(([f]) => belongs(f))
        .map(([f, m]) => (
          <small key={f} class="field-error" role="alert">{`${f}: ${m}`}</small>
        ))}
    </>
  );
}
