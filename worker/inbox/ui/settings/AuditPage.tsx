// The audit log (Owner/Admin): who changed which setting, when, and the values before and after.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { formatTime, PageHeader } from './form';
import type { AuditEntry, FieldChange } from './types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

function Change({ change }: { change: FieldChange }) {
  return (
    <li>
      <code>{change.path}</code>{' '}
      {change.before === null ? (
        <span>{show(change.after)}</span>
      ) : (
        <span>
          <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
        </span>
      )}
    </li>
  );
}

export function AuditPage() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  async function load(after: string | null) {
    setLoading(true);
    const res = await api<{ entries: AuditEntry[]; nextCursor: string | null }>(
      'GET',
      `/api/audit?limit=50${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
    );
    setEntries((prev) => (after ? [...prev, ...res.entries] : res.entries));
    setCursor(res.nextCursor);
    setLoading(false);
  }
  useEffect(() => void load(null), []);
  return (
    <div class="page">
      <PageHeader title="Audit log">
        Every change to settings, team, keys, knowledge and integrations, newest first.
      </PageHeader>
      <table class="table audit" data-testid="audit-log">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatTime(e.createdAt)}</td>
              <td>{e.actor ? (e.actor.name ?? e.actor.email ?? e.actor.id) : 'Baton'}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                <ul class="changes">
                  {e.changes.map((c, i) => (
                    <Change key={i} change={c} />
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!loading && entries.length === 0 && <p class="empty">Nothing has been changed yet.</p>}
      {cursor && (
        <button type="button" class="ghost more" disabled={loading} onClick={() => void load(cursor)}>
          Load older entries
        </button>
      )}
    </div>
  );
}
