// One condition of the segment builder: "has at least / at most / zero N <event> in a window, where
// <property filters>", or "has not <event> since <other event>". Every control has a label.
import type { CountCondition, FilterOp } from '../../../segments/definition';
import { blankCount, blankNotSince, newKey, type DraftCondition, type DraftFilter } from './draft';

const OPS: Array<[CountCondition['op'], string]> = [
  ['at_least', 'at least'],
  ['at_most', 'at most'],
  ['zero', 'zero times'],
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
            <label>
              How often
              <select
                aria-label={`Condition ${n} how often`}
                value={c.op}
                onChange={(e) => set({ op: e.currentTarget.value as CountCondition['op'] })}
              >
                {OPS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {c.op !== 'zero' && (
              <label>
                Times{' '}
                <input
                  aria-label={`Condition ${n} times`}
                  type="number"
                  min={c.op === 'at_least' ? 1 : 0}
                  max={10000}
                  value={c.count}
                  onInput={(e) => set({ count: e.currentTarget.value })}
                  class="short"
                />
              </label>
            )}
            <label>
              Event{' '}
              <input
                aria-label={`Condition ${n} event`}
                list="segment-event-names"
                value={c.event}
                onInput={(e) => set({ event: e.currentTarget.value })}
                required
              />
            </label>
            <label>
              When
              <select
                aria-label={`Condition ${n} when`}
                value={c.window}
                onChange={(e) => set({ window: e.currentTarget.value as 'last_days' })}
              >
                <option value="last_days">in the last … days</option>
                <option value="since">since a date</option>
                <option value="ever">ever</option>
              </select>
            </label>
            {c.window === 'last_days' && (
              <label>
                Days{' '}
                <input
                  aria-label={`Condition ${n} days`}
                  type="number"
                  min={1}
                  max={3650}
                  value={c.days}
                  onInput={(e) => set({ days: e.currentTarget.value })}
                  class="short"
                />
              </label>
            )}
            {c.window === 'since' && (
              <label>
                Date{' '}
                <input
                  aria-label={`Condition ${n} date`}
                  type="date"
                  value={c.date}
                  onInput={(e) => set({ date: e.currentTarget.value })}
                />
              </label>
            )}
          </>
        ) : (
          <>
            <label>
              Has not done{' '}
              <input
                aria-label={`Condition ${n} event`}
                list="segment-event-names"
                value={c.event}
                onInput={(e) => set({ event: e.currentTarget.value })}
                required
              />
            </label>
            <label>
              since the latest{' '}
              <input
                aria-label={`Condition ${n} since event`}
                list="segment-event-names"
                value={c.since}
                onInput={(e) => set({ since: e.currentTarget.value })}
                required
              />
            </label>
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
          <label>
            Property{' '}
            <input
              aria-label={`Condition ${n} filter ${i + 1} property`}
              value={f.property}
              placeholder="channel"
              onInput={(e) => update(i, { property: e.currentTarget.value })}
            />
          </label>
          <label>
            Comparison
            <select
              aria-label={`Condition ${n} filter ${i + 1} comparison`}
              value={f.op}
              onChange={(e) => update(i, { op: e.currentTarget.value as FilterOp })}
            >
              {FILTER_OPS.map(([v, label]) => (
                <option key={v} value={v}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Value{' '}
            <input
              aria-label={`Condition ${n} filter ${i + 1} value`}
              value={f.value}
              placeholder="web_chat"
              onInput={(e) => update(i, { value: e.currentTarget.value })}
            />
          </label>
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
