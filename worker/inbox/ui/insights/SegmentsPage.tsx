// Segments: the saved list, the builder (new, from a template, or editing a saved one), a saved
// segment's members and exports.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { can } from '../types';
import type { InsightsPageProps } from './InsightsApp';
import { hrefOf } from './pages';
import { useLink } from './navigation';
import { failure, useApi } from './useApi';
import { blankDraft, fromDefinition, toDefinition, type Draft, type SegmentDefinition } from './draft';
import { SegmentBuilder } from './SegmentBuilder';
import { SavedMembers } from './SegmentMembers';

interface Saved {
  id: string;
  name: string;
  definition: SegmentDefinition;
  updatedAt: number;
}
interface Template {
  name: string;
  definition: SegmentDefinition;
}

export function SegmentsPage({ me, loc, go }: InsightsPageProps) {
  const list = useApi<{ segments: Saved[] }>('/api/segments');
  const templates = useApi<{ templates: Template[] }>('/api/segments/templates');
  const link = useLink();
  const editing = loc.id && loc.id !== 'new' ? loc.id : null;
  // A builder starting from a template waits for the templates; a blank one never does. (It used to
  // be re-created when the templates arrived, wiping whatever had been typed into it meanwhile.)
  const wanted = loc.query.get('template');
  const waitingForTemplate = wanted !== null && !templates.data;
  return (
    <div class="page">
      <div class="page-head">
        <h1>Segments</h1>
        <p class="intro">
          Groups of profiles defined by what they did: use them to target or exclude shoppers in your outreach tools.
        </p>
      </div>
      <div class="segments-layout">
        <nav aria-label="Saved segments" class="segment-list">
          <a
            href={hrefOf('segments', 'new')}
            onClick={link(hrefOf('segments', 'new'))}
            aria-current={!editing ? 'page' : undefined}
          >
            New segment
          </a>
          {list.data?.segments.map((s) => (
            <a
              key={s.id}
              href={hrefOf('segments', s.id)}
              onClick={link(hrefOf('segments', s.id))}
              aria-current={s.id === editing ? 'page' : undefined}
            >
              {s.name}
            </a>
          ))}
          {templates.data && !editing && (
            <div class="templates">
              <h3>Start from an example</h3>
              {templates.data.templates.map((t) => (
                <button
                  key={t.name}
                  type="button"
                  class="ghost small"
                  onClick={() => go(hrefOf('segments', 'new', { template: t.name }))}
                >
                  {t.name}
                </button>
              ))}
            </div>
          )}
        </nav>
        {editing ? (
          <EditSegment
            key={editing}
            id={editing}
            canSave={can(me, 'segments.edit')}
            onSaved={list.reload}
            onDeleted={() => {
              list.reload();
              go(hrefOf('segments', 'new'));
            }}
          />
        ) : waitingForTemplate ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <NewSegment
            key={wanted ?? ''}
            template={templates.data?.templates.find((t) => t.name === wanted) ?? null}
            canSave={can(me, 'segments.edit')}
            onCreated={(id) => {
              list.reload();
              go(hrefOf('segments', id));
            }}
          />
        )}
      </div>
    </div>
  );
}

function NewSegment({
  template,
  canSave,
  onCreated,
}: {
  template: Template | null;
  canSave: boolean;
  onCreated: (id: string) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => (template && fromDefinition(template.definition)) || blankDraft());
  const [name, setName] = useState(template?.name ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save() {
    setSaving(true);
    setError(null);
    try {
      const res = await api<{ segment: Saved }>('POST', '/api/segments', {
        name: name.trim(),
        definition: toDefinition(draft),
      });
      onCreated(res.segment.id);
    } catch (err) {
      setError(failure(err));
      setSaving(false);
    }
  }
  return (
    <section aria-label="Segment builder">
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <SegmentBuilder
        draft={draft}
        onChange={setDraft}
        name={name}
        onName={setName}
        canSave={canSave}
        saving={saving}
        onSave={() => void save()}
        saveLabel="Save segment"
      />
    </section>
  );
}

function EditSegment({
  id,
  canSave,
  onSaved,
  onDeleted,
}: {
  id: string;
  canSave: boolean;
  onSaved: () => void;
  onDeleted: () => void;
}) {
  const { data, error } = useApi<{ segment: Saved }>(`/api/segments/${encodeURIComponent(id)}`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!data) return;
    setDraft(fromDefinition(data.segment.definition));
    setName(data.segment.name);
  }, [data]);
  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (!data) return <p aria-busy="true">Loading…</p>;
  async function save() {
    if (!draft) return;
    setSaving(true);
    try {
      await api('PUT', `/api/segments/${encodeURIComponent(id)}`, {
        name: name.trim(),
        definition: toDefinition(draft),
      });
      setStatus({ ok: true, text: 'Saved.' });
      setVersion((v) => v + 1);
      onSaved();
    } catch (err) {
      setStatus({ ok: false, text: failure(err) });
    } finally {
      setSaving(false);
    }
  }
  async function remove() {
    if (!confirm(`Delete the segment “${data!.segment.name}”?`)) return;
    await api('DELETE', `/api/segments/${encodeURIComponent(id)}`);
    onDeleted();
  }
  return (
    <section aria-label="Segment builder">
      <h2>{data.segment.name}</h2>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} class={status.ok ? 'notice' : 'error'}>
          {status.text}
        </p>
      )}
      {draft ? (
        <SegmentBuilder
          draft={draft}
          onChange={setDraft}
          name={name}
          onName={setName}
          canSave={canSave}
          saving={saving}
          onSave={() => void save()}
          saveLabel="Save changes"
        />
      ) : (
        <>
          <p class="hint">This segment has nested groups, made through the API; the builder shows it as JSON.</p>
          <pre class="json">{JSON.stringify(data.segment.definition, null, 2)}</pre>
        </>
      )}
      <SavedMembers key={version} segmentId={id} />
      {canSave && (
        <button type="button" class="ghost danger" onClick={() => void remove()}>
          Delete segment
        </button>
      )}
    </section>
  );
}
