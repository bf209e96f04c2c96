// One condition of the segment builder: "has at least / at most / zero N <event> in a window, where
// <property filters>", or "has not <event> since <other event>". Every control has a label.
import type { CountCondition, FilterOp } from '../../../segments/definition';
import { Select } from '../Select';
import { blankCount, blankNotSince, newKey, type DraftCondition, type DraftFilter } from './draft';

const OPS: Array<[CountCondition['op'], string]> = [
  ['at_least', 'at least'],
  ['at_most', 'at most'],
  ['zero', 'zero times'],
];
type Window = Extract<DraftCondition, { type: 'count' }>['window'];
const WINDOWS: Array<[Window, string]> = [
  ['last_days', 'in the last … days'],
  ['since', 'since a date'],
  ['ever', 'ever'],
];
const FILTER_OPS: Array<[FilterOp, string]> = [
  ['equals', 'equals'],
  ['not_equals', 'does not equal'],
  ['contains', 'contains'],
  ['gt', '>'],
  ['gte', '≥'],
  ['lt', '<'],
  ['lte', '≤'],
];

interface Props {
  index: number;
  condition: DraftCondition;
  onChange: (c: DraftCondition) => void;
  onRemove: (() => void) | null;
}

export function ConditionEditor({ index, condition: c, onChange, onRemove }: Props) {
  const n = index + 1;
  const set = (patch: Partial<DraftCondition>) => onChange({ ...c, ...patch } as DraftCondition);
  return (
    <fieldset class="condition" data-testid={`condition-${n}`}>
      <legend>Condition {n}</legend>
      <div class="condition-row">
        <label>
          Kind
          <select
            aria-label={`Condition ${n} kind`}
            value={c.type}
            onChange={(e) => {
              const next = e.currentTarget.value === 'not_since' ? blankNotSince() : blankCount();
              onChange({ ...next, key: c.key, event: c.event });
            }}
          >
            <option value="count">Has done…</option>
            <option value="not_since">Has not done … since …</option>
          </select>
        </label>
        {c.type === 'count' ? (
          <>
            <Select
              label="How often"
              aria={`Condition ${n} how often`}
              value={c.op}
              options={OPS}
              onChange={(op) => set({ op })}
            />
            {c.op !== 'zero' && (
              <Field
                label="Times"
                aria={`Condition ${n} times`}
                type="number"
                min={c.op === 'at_least' ? 1 : 0}
                max={10000}
                value={c.count}
                onValue={(count) => set({ count })}
                class="short"
              />
            )}
            <EventField
              label="Event"
              aria={`Condition ${n} event`}
              value={c.event}
              onValue={(event) => set({ event })}
            />
            <Select
              label="When"
              aria={`Condition ${n} when`}
              value={c.window}
              options={WINDOWS}
              onChange={(window) => set({ window })}
            />
            {c.window === 'last_days' && (
              <Field
                label="Days"
                aria={`Condition ${n} days`}
                type="number"
                min={1}
                max={3650}
                value={c.days}
                onValue={(days) => set({ days })}
                class="short"
              />
            )}
            {c.window === 'since' && (
              <Field
                label="Date"
                aria={`Condition ${n} date`}
                type="date"
                value={c.date}
                onValue={(date) => set({ date })}
              />
            )}
          </>
        ) : (
          <>
            <EventField
              label="Has not done"
              aria={`Condition ${n} event`}
              value={c.event}
              onValue={(event) => set({ event })}
            />
            <EventField
              label="since the latest"
              aria={`Condition ${n} since event`}
              value={c.since}
              onValue={(since) => set({ since })}
            />
          </>
        )}
        {onRemove && (
          <button type="button" class="ghost small" onClick={onRemove} aria-label={`Remove condition ${n}`}>
            Remove
          </button>
        )}
      </div>
      <Filters n={n} filters={c.where} onChange={(where) => set({ where })} />
    </fieldset>
  );
}

function Filters({
  n,
  filters,
  onChange,
}: {
  n: number;
  filters: DraftFilter[];
  onChange: (f: DraftFilter[]) => void;
}) {
  const update = (i: number, patch: Partial<DraftFilter>) =>
    onChange(filters.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <div class="filters-list">
      {filters.map((f, i) => (
        <div class="condition-row" key={f.key}>
          <span class="muted">where</span>
          <Field
            label="Property"
            aria={`Condition ${n} filter ${i + 1} property`}
            value={f.property}
            placeholder="channel"
            onValue={(property) => update(i, { property })}
          />
          <Select
            label="Comparison"
            aria={`Condition ${n} filter ${i + 1} comparison`}
            value={f.op}
            options={FILTER_OPS}
            onChange={(op) => update(i, { op })}
          />
          <Field
            label="Value"
            aria={`Condition ${n} filter ${i + 1} value`}
            value={f.value}
            placeholder="web_chat"
            onValue={(value) => update(i, { value })}
          />
          <button
            type="button"
            class="ghost small"
            onClick={() => onChange(filters.filter((_, j) => j !== i))}
            aria-label={`Remove filter ${i + 1} of condition ${n}`}
          >
            Remove
          </button>
        </div>
      ))}
      {filters.length < 5 && (
        <button
          type="button"
          class="ghost small"
          onClick={() => onChange([...filters, { key: newKey(), property: '', op: 'equals', value: '' }])}
        >
          Add property filter
        </button>
      )}
    </div>
  );
}

/** A labelled field of a condition; `aria` names it for screen readers ("Condition 2 event"). */
function Field({
  label,
  aria,
  value,
  onValue,
  ...input
}: {
  label: string;
  aria: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'number' | 'date';
  min?: number;
  max?: number;
  placeholder?: string;
  list?: string;
  required?: boolean;
  class?: string;
}) {
  return (
    <label>
      {label} <input aria-label={aria} value={value} onInput={(e) => onValue(e.currentTarget.value)} {...input} />
    </label>
  );
}

/** An event name, offered from the store's known events. */
const EventField = (props: { label: string; aria: string; value: string; onValue: (value: string) => void }) => (
  <Field {...props} list="segment-event-names" required />
);
