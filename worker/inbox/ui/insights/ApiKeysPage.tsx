// API keys for the track API and segment exports (Owner/Admin). A new key is shown once.
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { InsightsPageProps } from './InsightsApp';
import { useApi } from './useApi';
import { when } from './format';
import { CreateForm, HeadWithActions, SecretOnce } from './parts';

interface Key {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  revokedAt: number | null;
}

export function ApiKeysPage(_props: InsightsPageProps) {
  const keys = useApi<{ keys: Key[] }>('/api/api-keys');
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  async function create() {
    const res = await api<{ secret: string }>('POST', '/api/api-keys', { name: name.trim() });
    setSecret(res.secret);
    setName('');
    keys.reload();
  }
  return (
    <div class="page">
      <div class="page-head">
        <h1>API keys</h1>
        <p class="intro">
          Your store's server sends events with a key (POST /api/track, Authorization: Bearer sk_…). Keep keys secret;
          revoke one you no longer use.
        </p>
      </div>
      <CreateForm button="Create key" create={create}>
        <label>
          Key name{' '}
          <input
            value={name}
            required
            maxLength={100}
            placeholder="Shop backend"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
      </CreateForm>
      {secret && <SecretOnce what="New key" value={secret} testId="api-key-secret" />}
      <table class="data">
        <HeadWithActions columns={['Name', 'Key', 'Created', 'Status']} />
        <tbody>
          {keys.data?.keys.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>
                <code>{k.prefix}…</code>
              </td>
              <td>{when(k.createdAt)}</td>
              <td>{k.revokedAt ? `Revoked ${when(k.revokedAt)}` : 'Active'}</td>
              <td>
                {!k.revokedAt && (
                  <button
                    type="button"
                    class="ghost small danger"
                    onClick={() =>
                      confirm(`Revoke “${k.name}”? Calls with it will fail at once.`) &&
                      void api('DELETE', `/api/api-keys/${k.id}`).then(keys.reload)
                    }
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
