// Zendesk and Gorgias: health (connected / expired / not connected, last error), Test connection,
// and Connect/Reconnect with credentials (tested before they are saved; never shown back).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Card, formatTime, Result, Status } from './form';
import { useSave } from './useSave';
import type { IntegrationView } from './types';

const NAMES = { zendesk: 'Zendesk', gorgias: 'Gorgias' } as const;
const FIELDS = {
  zendesk: [
    ['subdomain', 'Subdomain (mystore for mystore.zendesk.com)', 'text'],
    ['email', 'Agent or admin email', 'email'],
    ['apiToken', 'API token', 'password'],
    ['webhookSigningSecret', 'Webhook signing secret (optional)', 'password'],
  ],
  gorgias: [
    ['domain', 'Domain (mystore for mystore.gorgias.com)', 'text'],
    ['email', 'Gorgias user email', 'email'],
    ['apiKey', 'REST API key', 'password'],
  ],
} as const;

export function HelpdeskConnections({ canEdit }: { canEdit: boolean }) {
  const [list, setList] = useState<IntegrationView[] | null>(null);
  const load = () =>
    api<{ integrations: IntegrationView[] }>('GET', '/api/integrations').then((r) => setList(r.integrations));
  useEffect(() => void load(), []);
  return (
    <Card title="Helpdesk connections" testId="helpdesk-connections">
      {list === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        list.map((i) => <Connection key={i.kind} view={i} canEdit={canEdit} onChanged={load} />)
      )}
    </Card>
  );
}

function Connection({
  view,
  canEdit,
  onChanged,
}: {
  view: IntegrationView;
  canEdit: boolean;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState<Record<string, string>>({});
  const save = useSave();
  const connected = view.status !== 'not_connected';
  async function test() {
    await save.run(
      () => api<{ ok: boolean; error: string | null }>('POST', `/api/integrations/${view.kind}/test`),
      (r) => (r.ok ? 'Connection works' : `Test failed: ${r.error ?? 'unknown error'}`),
    );
    await onChanged();
  }
  async function connect(e: Event) {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== ''));
    const ok = await save.run(
      () => api('PUT', `/api/integrations/${view.kind}`, body),
      `${NAMES[view.kind]} connected`,
    );
    if (ok !== null) {
      setEditing(false);
      setForm({});
      await onChanged();
    }
  }
  return (
    <div class="connection" data-testid={`integration-${view.kind}`}>
      <div class="connection-head">
        <strong>{NAMES[view.kind]}</strong>
        <Status status={view.status} />
        {view.config && <span class="muted">{Object.values(view.config).filter(Boolean).slice(0, 2).join(' · ')}</span>}
      </div>
      {view.lastError && <p class="error">Last error: {view.lastError}</p>}
      {view.checkedAt !== null && <small class="hint">Checked {formatTime(view.checkedAt)}</small>}
      <fieldset class="plain" disabled={!canEdit || save.busy}>
        <div class="row-actions">
          {connected && (
            <button type="button" class="ghost" onClick={() => void test()}>
              Test connection
            </button>
          )}
          <button type="button" class="ghost" onClick={() => setEditing(!editing)}>
            {connected ? 'Reconnect' : 'Connect'}
          </button>
        </div>
        {editing && (
          <form class="connect-form" onSubmit={connect} aria-label={`Connect ${NAMES[view.kind]}`}>
            {FIELDS[view.kind].map(([name, label, type]) => (
              <label key={name}>
                {label}
                <input
                  type={type}
                  autoComplete="off"
                  value={form[name] ?? ''}
                  onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })}
                  placeholder={type === 'password' && connected ? 'Leave empty to keep the stored one' : ''}
                />
              </label>
            ))}
            <button type="submit">Test and save</button>
          </form>
        )}
      </fieldset>
      <Result outcome={save.outcome} />
    </div>
  );
}
