// Webhooks: subscribe URLs to event names, see each subscription's delivery log, Resend a delivery.
// The signing secret is shown once, when a subscription is made or its secret rotated.
import { useState } from 'preact/hooks';
import { api } from '../api';
import type { InsightsPageProps } from './InsightsApp';
import { failure, useApi } from './useApi';
import { when } from './format';
import { CreateForm, HeadWithActions, SecretOnce } from './parts';

interface Subscription {
  id: string;
  url: string;
  description: string;
  eventNames: string[];
  active: boolean;
  createdAt: number;
}
interface Delivery {
  id: string;
  eventId: string;
  eventName: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export function WebhooksPage(_props: InsightsPageProps) {
  const subs = useApi<{ subscriptions: Subscription[] }>('/api/webhook-subscriptions');
  const [secret, setSecret] = useState<{ id: string; value: string } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="page">
      <div class="page-head">
        <h1>Webhooks</h1>
        <p class="intro">
          Baton POSTs each new event to your URLs, signed per Standard Webhooks (webhook-id, webhook-timestamp,
          webhook-signature: verify with any Standard Webhooks library and the secret as shown), and retries with
          backoff while your endpoint is down.
        </p>
      </div>
      <NewSubscription
        onCreated={(id, value) => {
          setSecret({ id, value });
          subs.reload();
        }}
      />
      {secret && <SecretOnce what="Signing secret" value={secret.value} testId="webhook-secret" />}
      {subs.error && (
        <p role="alert" class="error">
          {subs.error}
        </p>
      )}
      {subs.data?.subscriptions.map((s) => (
        <section key={s.id} class="card" aria-label={`Webhook ${s.url}`}>
          <h2>
            <code>{s.url}</code> {s.active ? <span class="chip">Active</span> : <span class="chip">Paused</span>}
          </h2>
          <p>
            {s.eventNames.join(', ')}
            {s.description ? ` — ${s.description}` : ''}
          </p>
          <div class="actions">
            <button
              type="button"
              class="ghost small"
              aria-expanded={open === s.id}
              onClick={() => setOpen(open === s.id ? null : s.id)}
            >
              Delivery log
            </button>
            <button
              type="button"
              class="ghost small"
              onClick={() =>
                void api('PATCH', `/api/webhook-subscriptions/${s.id}`, { active: !s.active }).then(subs.reload)
              }
            >
              {s.active ? 'Pause' : 'Resume'}
            </button>
            <button
              type="button"
              class="ghost small"
              onClick={() =>
                void api<{ secret: string }>('POST', `/api/webhook-subscriptions/${s.id}/rotate-secret`).then((r) =>
                  setSecret({ id: s.id, value: r.secret }),
                )
              }
            >
              Rotate secret
            </button>
            <button
              type="button"
              class="ghost small danger"
              onClick={() =>
                confirm(`Delete the webhook to ${s.url}?`) &&
                void api('DELETE', `/api/webhook-subscriptions/${s.id}`).then(subs.reload)
              }
            >
              Delete
            </button>
          </div>
          {open === s.id && <DeliveryLog subscriptionId={s.id} />}
        </section>
      ))}
    </div>
  );
}

function NewSubscription({ onCreated }: { onCreated: (id: string, secret: string) => void }) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState('Placed Order, Conversation Escalated');
  async function create() {
    const names = events
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const res = await api<{ subscription: Subscription; secret: string }>('POST', '/api/webhook-subscriptions', {
      url: url.trim(),
      events: names,
    });
    setUrl('');
    onCreated(res.subscription.id, res.secret);
  }
  return (
    <CreateForm title="New webhook" button="Add webhook" create={create}>
      <label>
        Endpoint URL{' '}
        <input
          type="url"
          value={url}
          required
          placeholder="https://example.com/baton-webhooks"
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
      </label>
      <label>
        Events (comma-separated; * for every event){' '}
        <input value={events} required onInput={(e) => setEvents(e.currentTarget.value)} />
      </label>
    </CreateForm>
  );
}

function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const [state, setState] = useState('');
  const log = useApi<{ deliveries: Delivery[] }>(
    `/api/webhook-subscriptions/${subscriptionId}/deliveries?limit=50${state ? `&state=${state}` : ''}`,
  );
  const [note, setNote] = useState<string | null>(null);
  async function resend(id: string) {
    try {
      await api('POST', `/api/webhook-subscriptions/deliveries/${id}/resend`);
      setNote('Queued again.');
      log.reload();
    } catch (err) {
      setNote(failure(err));
    }
  }
  return (
    <div class="delivery-log">
      <label>
        Show
        <select value={state} onChange={(e) => setState(e.currentTarget.value)}>
          <option value="">All</option>
          <option value="pending">Pending</option>
          <option value="delivered">Delivered</option>
          <option value="failed">Failed</option>
        </select>
      </label>
      {note && (
        <p role="status" class="notice">
          {note}
        </p>
      )}
      <table class="data">
        <HeadWithActions columns={['Event', 'Status', { n: 'Attempts' }, 'Last response', 'Created']} />
        <tbody>
          {log.data?.deliveries.map((d) => (
            <tr key={d.id}>
              <td>
                {d.eventName}
                <br />
                <small class="muted">{d.eventId}</small>
              </td>
              <td>{d.state}</td>
              <td class="n">{d.attempts}</td>
              <td>
                {d.lastStatus ?? ''} {d.lastError ?? ''}
              </td>
              <td>{when(d.createdAt)}</td>
              <td>
                <button type="button" class="ghost small" onClick={() => void resend(d.id)}>
                  Resend
                </button>
              </td>
            </tr>
          ))}
          {log.data && log.data.deliveries.length === 0 && (
            <tr>
              <td colSpan={6} class="empty">
                No deliveries yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
