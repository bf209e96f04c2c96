// The reply box. One client id per draft: a send retried after a network error is stored once.
// Ctrl/Cmd+Enter sends. While a draft is being written teammates see "typing" (useTypingSignal). The
// draft remembers the last message on screen when it began; if another teammate replied since, the
// server refuses the send (replied_meanwhile) and the box asks before sending anyway. "/" inserts a
// canned reply (useCannedInsert); a macro's status and tags are sent with its reply, in one request.
import { useRef, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { AttachFile } from './AttachFile';
import type { LiveConnection } from './live';
import { useTypingSignal } from './typing';
import { CannedPicker, PICKER_ID } from './CannedPicker';
import { macroSummary } from './canned';
import { useCannedInsert } from './useCannedInsert';
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
  const box = useRef<HTMLTextAreaElement>(null);
  const canned = useCannedInsert(
    ticketId,
    (value, caret) => {
      edit(value);
      // After the render that shows the new text: the caret goes to the end of the inserted reply.
      requestAnimationFrame(() => {
        box.current?.focus();
        box.current?.setSelectionRange(caret, caret);
      });
    },
    setError,
  );

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
      // A macro's status and tags travel with the reply: the server applies both or neither.
      const body = {
        clientId,
        text,
        ...(anyway ? {} : { unlessRepliedAfter: since.current ?? lastSeq }),
        ...(canned.macro ? { macroId: canned.macro.id } : {}),
      };
      const res = await api<{ message: WireMessage }>('POST', `/api/tickets/${ticketId}/replies`, body);
      onSent(res.message);
      typing.stop();
      setText('');
      since.current = null;
      setClientId(crypto.randomUUID());
      canned.clearMacro();
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
    <form
      class="reply"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label for="reply-text" class="visually-hidden">
        Reply to the shopper
      </label>
      <textarea
        id="reply-text"
        ref={box}
        rows={3}
        placeholder="Reply to the shopper… (/ inserts a canned reply, Ctrl+Enter sends)"
        value={text}
        aria-controls={canned.options?.length ? PICKER_ID : undefined}
        aria-activedescendant={canned.activeId}
        onInput={(e) => {
          edit(e.currentTarget.value);
          canned.track(e.currentTarget.value, e.currentTarget.selectionStart);
        }}
        onBlur={() => {
          typing.stop();
          canned.close();
        }}
        onKeyDown={(e) => {
          if (canned.key(e, text)) {
            e.preventDefault();
            e.stopPropagation();
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      {canned.open && (
        <CannedPicker options={canned.options} active={canned.active} onPick={(r) => void canned.pick(r, text)} />
      )}
      {canned.macro && (
        <p class="macro-pending" data-testid="macro-pending">
          Macro “{canned.macro.name}”: on send, {macroSummary(canned.macro)}.{' '}
          <button type="button" class="ghost" onClick={canned.clearMacro}>
            Don’t apply
          </button>
        </p>
      )}
      {conflict && (
        <div class="conflict" role="alertdialog" aria-labelledby="reply-conflict" data-testid="reply-conflict">
          <p id="reply-conflict">{conflict}</p>
          <button type="button" onClick={() => void send(true)}>
            Send anyway
          </button>
          <button type="button" class="ghost" onClick={keepEditing}>
            Keep editing
          </button>
        </div>
      )}
      <div class="reply-actions">
        {error && (
          <span role="alert" class="error">
            {error}
          </span>
        )}
        <AttachFile ticketId={ticketId} onSent={onSent} />
        <button type="submit" disabled={busy || !text.trim()}>
          Send
        </button>
      </div>
    </form>
  );
}
