// Helpdesk tickets that could not be delivered (with the last error), each with Retry; and the ones
// the queue is still retrying (shown, not actionable).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Card, formatTime, Result } from './form';
import { useSave } from './useSave';
import type { FailedDelivery } from './types';

export function FailedDeliveries({ canEdit }: { canEdit: boolean }) {
  const [data, setData] = useState<{ tickets: FailedDelivery[]; delayed: FailedDelivery[] } | null>(null);
  const save = useSave();
  const load = () =>
    api<{ tickets: FailedDelivery[]; delayed: FailedDelivery[] }>('GET', '/api/integrations/failed-deliveries').then(
      setData,
    );
  useEffect(() => void load(), []);
  async function retry(t: FailedDelivery) {
    await save.run(
      () => api('POST', `/api/integrations/failed-deliveries/${t.id}/retry`),
      `Ticket #${t.number} queued for delivery again`,
    );
    await load();
  }
  return (
    <Card title="Failed deliveries" testId="failed-deliveries">
      {data === null ? (
        <p aria-busy="true">Loading…</p>
      ) : data.tickets.length === 0 ? (
        <p class="empty">No failed deliveries.</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th>Ticket</th>
              <th>Helpdesk</th>
              <th>Shopper</th>
              <th>Error</th>
              <th>Attempts</th>
              <th>
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.tickets.map((t) => (
              <tr key={t.id}>
                <td>
                  #{t.number} {t.subject}
                  <br />
                  <small class="muted">{formatTime(t.createdAt)}</small>
                </td>
                <td>{t.helpdesk}</td>
                <td>{t.requesterEmail ?? '—'}</td>
                <td class="error">{t.deliveryError ?? '—'}</td>
                <td>{t.deliveryAttempts}</td>
                <td>
                  <button type="button" class="ghost" disabled={!canEdit || save.busy} onClick={() => void retry(t)}>
                    Retry
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.delayed.length > 0 && (
        <p class="hint">
          {data.delayed.length} more {data.delayed.length === 1 ? 'ticket is' : 'tickets are'} still being retried
          automatically.
        </p>
      )}
      <Result outcome={save.outcome} />
    </Card>
  );
}
