// The reply box. One client id per draft: a send retried after a network error is stored once.
// Ctrl/Cmd+Enter sends. While a draft is being written teammates see "typing" (useTypingSignal). The
// draft remembers the last message on screen when it began; if another teammate replied since, the
// server refuses the send (replied_meanwhile) and the box asks before sending anyway.
import { useRef, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { AttachFile } from './AttachFile';
import type { LiveConnection } from './live';
import { useTypingSignal } from './typing';
import type { WireMessage } from './types';

interface Props {
  ticketId: string;
  /** The highest message seq on screen. */
  lastSeq: number;
  conn: LiveConnection;
  onSent: (m: WireMessage) => void;
  /** Another teammate replied meanwhile: the page reloads so their reply is on screen. */
  onConflict: () => void;
}

export function ReplyBox({ ticketId, lastSeq, conn, onSent, onConflict }: Props) {
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The last seq on screen when the draft began (null: no draft). */
  const since = useRef<number | null>(null);
  const typing = useTypingSignal(conn, ticketId);

  function edit(value: string) {
    if (!text.trim() && value.trim()) since.current = lastSeq;
    setText(value);
    typing.input(value);
  }

  async function send(anyway = false) {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    setConflict(null);
    try {
      const body = { clientId, text, ...(anyway ? {} : { unlessRepliedAfter: since.current ?? lastSeq }) };
      const res = await api<{ message: WireMessage }>('POST', `/api/tickets/${ticketId}/replies`, body);
      onSent(res.message);
      typing.stop();
      setText('');
      since.current = null;
      setClientId(crypto.randomUUID());
    } catch (err) {
      if (err instanceof ApiFailure && err.body?.error.code === 'replied_meanwhile') {
        setConflict(err.message);
        onConflict();
      } else {
        setError(err instanceof ApiFailure ? err.message : 'Not sent: check your connection and press Send again');
      }
    } finally {
      setBusy(false);
    }
  }

  function keepEditing() {
    // They have now seen the other reply: the next Send goes through unless someone replies again.
    since.current = lastSeq;
    setConflict(null);
  }

  return (
    <form class="reply" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      <label for="reply-text" class="visually-hidden">Reply to the shopper</label>
      <textarea id="reply-text" rows={3} placeholder="Reply to the shopper… (Ctrl+Enter to send)" value={text}
        onInput={(e) => edit(e.currentTarget.value)}
        onBlur={() => typing.stop()}
        onKeyDown={(e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send(); }} />
      {conflict && (
        <div class="conflict" role="alertdialog" aria-labelledby="reply-conflict" data-testid="reply-conflict">
          <p id="reply-conflict">{conflict}</p>
          <button type="button" onClick={() => void send(true)}>Send anyway</button>
          <button type="button" class="ghost" onClick={keepEditing}>Keep editing</button>
        </div>
      )}
      <div class="reply-actions">
        {error && <span role="alert" class="error">{error}</span>}
        <AttachFile ticketId={ticketId} onSent={onSent} />
        <button type="submit" disabled={busy || !text.trim()}>Send</button>
      </div>
    </form>
  );
}
