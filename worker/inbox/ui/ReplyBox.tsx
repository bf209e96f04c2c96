// The reply box. One client id per draft: a send retried after a network error is stored once.
// Ctrl/Cmd+Enter sends.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { AttachFile } from './AttachFile';
import type { WireMessage } from './types';

export function ReplyBox({ ticketId, onSent }: { ticketId: string; onSent: (m: WireMessage) => void }) {
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(e?: Event) {
    e?.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ message: WireMessage }>('POST', `/api/tickets/${ticketId}/replies`, { clientId, text });
      onSent(res.message);
      setText('');
      setClientId(crypto.randomUUID());
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Not sent: check your connection and press Send again');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="reply" onSubmit={send}>
      <label for="reply-text" class="visually-hidden">Reply to the shopper</label>
      <textarea id="reply-text" rows={3} placeholder="Reply to the shopper… (Ctrl+Enter to send)" value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(); }} />
      <div class="reply-actions">
        {error && <span role="alert" class="error">{error}</span>}
        <AttachFile ticketId={ticketId} onSent={onSent} />
        <button type="submit" disabled={busy || !text.trim()}>Send</button>
      </div>
    </form>
  );
}
