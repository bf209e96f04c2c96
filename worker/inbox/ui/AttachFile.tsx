// The reply box's "Attach file": an image or PDF sent to the shopper as a reply of its own. The server
// checks the real type and size (see worker/routes/ticket-files.ts); one client id per chosen file, so
// a retried upload posts once. The file is only ever shown as a thumbnail or a link (Transcript).
import { useState } from 'preact/hooks';
import { ApiFailure, type ErrorEnvelope } from './api';
import type { WireMessage } from './types';

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf';

export function AttachFile({ ticketId, onSent }: { ticketId: string; onSent: (m: WireMessage) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ clientId: crypto.randomUUID(), name: file.name.slice(0, 200) || 'file' });
      const res = await fetch(`/api/tickets/${ticketId}/files?${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
      if (!res.ok) throw new ApiFailure(res.status, data as ErrorEnvelope | null);
      onSent((data as { message: WireMessage }).message);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Not sent: check your connection and attach the file again');
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
      <label class={`attach${busy ? ' busy' : ''}`}>
        {busy ? 'Attaching…' : 'Attach file'}
        <input
          type="file"
          class="visually-hidden"
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
      </label>
    </>
  );
}
