// The segment builder: conditions joined by AND/OR, a live count and the first members (re-evaluated
// as you edit, after a short pause), then save. Saving needs `segments.edit`; anyone can preview.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { failure, useApi } from './useApi';
import { blankCount, blankNotSince, toDefinition, type Draft } from './draft';
import { ConditionEditor } from './ConditionEditor';
import { MemberList, type Member } from './SegmentMembers';
import { num } from './format';

const KNOWN_EVENTS = [
  'Started Conversation',
  'Conversation Resolved',
  'Conversation Escalated',
  'Received Product Recommendation',
  'Handoff Declined',
  'CSAT Submitted',
  'Placed Order',
];
const PREVIEW_DELAY_MS = 350;

interface Props {
  draft: Draft;
  onChange: (d: Draft) => void;
  name: string;
  onName: (name: string) => void;
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  saveLabel: string;
}

export function SegmentBuilder({ draft, onChange, name, onName, canSave, saving, onSave, saveLabel }: Props) {
  const names = useApi<{ names: string[] }>('/api/metrics/names');
  const suggestions = useMemo(() => [...new Set([...KNOWN_EVENTS, ...(names.data?.names ?? [])])].sort(), [names.data]);
  const definition = useMemo(() => toDefinition(draft), [draft]);
  const preview = usePreview(definition);
  const incomplete = draft.conditions.some((c) => !c.event.trim() || (c.type === 'not_since' && !c.since.trim()));
  return (
    <form
      class="builder"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave && !incomplete) onSave();
      }}
    >
      <datalist id="segment-event-names">
        {suggestions.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <label class="inline">
        Profiles matching
        <select
          aria-label="Match"
          value={draft.match}
          onChange={(e) => onChange({ ...draft, match: e.currentTarget.value as Draft['match'] })}
        >
          <option value="all">all (AND)</option>
          <option value="any">any (OR)</option>
        </select>
        of these conditions:
      </label>
      {draft.conditions.map((c, i) => (
        <ConditionEditor
          key={c.key}
          index={i}
          condition={c}
          onChange={(next) =>
            onChange({ ...draft, conditions: draft.conditions.map((x) => (x.key === c.key ? next : x)) })
          }
          onRemove={
            draft.conditions.length > 1
              ? () => onChange({ ...draft, conditions: draft.conditions.filter((x) => x.key !== c.key) })
              : null
          }
        />
      ))}
      <div class="actions">
        {draft.conditions.length < 10 && (
          <button
            type="button"
            class="ghost"
            onClick={() => onChange({ ...draft, conditions: [...draft.conditions, blankCount()] })}
          >
            Add “has done” condition
          </button>
        )}
        {draft.conditions.length < 10 && (
          <button
            type="button"
            class="ghost"
            onClick={() => onChange({ ...draft, conditions: [...draft.conditions, blankNotSince()] })}
          >
            Add “has not done since” condition
          </button>
        )}
      </div>

      <section class="card preview" aria-labelledby="preview-title">
        <h2 id="preview-title">Live preview</h2>
        <p aria-live="polite" data-testid="segment-count">
          {incomplete
            ? 'Name an event in every condition to see who matches.'
            : preview.error
              ? ''
              : preview.count === null
                ? 'Counting…'
                : `${num(preview.count)} ${preview.count === 1 ? 'profile' : 'profiles'} match`}
        </p>
        {preview.error && !incomplete && (
          <p role="alert" class="error">
            {preview.error}
          </p>
        )}
        {!incomplete && <MemberList members={preview.members} />}
      </section>

      {canSave && (
        <div class="actions">
          <label>
            Segment name <input value={name} onInput={(e) => onName(e.currentTarget.value)} required maxLength={100} />
          </label>
          <button type="submit" disabled={saving || incomplete || !name.trim()}>
            {saveLabel}
          </button>
        </div>
      )}
    </form>
  );
}

/** Re-evaluates the definition a moment after the last edit; a slower answer to an older edit is dropped. */
function usePreview(definition: unknown) {
  const [state, setState] = useState<{ count: number | null; members: Member[]; error: string | null }>({
    count: null,
    members: [],
    error: null,
  });
  const body = JSON.stringify(definition);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, count: null }));
    const timer = setTimeout(() => {
      api<{ count: number; members: Member[] }>('POST', '/api/segments/preview', {
        definition: JSON.parse(body) as unknown,
      }).then(
        (r) => live && setState({ count: r.count, members: r.members, error: null }),
        (err: unknown) => live && setState({ count: null, members: [], error: failure(err) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [body]);
  return state;
}
