// The test sidebar: chat with the Customer Agent as it is configured now. Nothing is recorded: the
// transcript lives here only, no shopper events or tickets are created. Every reply says which skill
// answered (and how sure it was) or which escalation rule fired, and where the handoff would go.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { failureText } from './useSave';
import type { ChannelKey, HandoffPreview } from './types';
import { CHANNEL_LABELS } from './ChannelHandoffCard';

type Turn =
  | {
      kind: 'reply';
      skill: string;
      confidence: number;
      threshold: number;
      text: string;
      missed: boolean;
      tags: string[];
      cards: Array<{ title: string; sku: string }>;
    }
  | { kind: 'escalate'; rule: string; ruleName: string; reason: string };
interface Entry {
  id: number;
  who: 'shopper' | 'agent' | 'preview' | 'error';
  text: string;
  turn?: Turn;
  handoff?: HandoffPreview | null;
}

let nextId = 1;

export function TestSidebar() {
  const [log, setLog] = useState<Entry[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [channel, setChannel] = useState<ChannelKey>('web_chat');
  const [signedIn, setSignedIn] = useState(false);
  const [misses, setMisses] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [log]);
  const push = (...entries: Array<Omit<Entry, 'id'>>) =>
    setLog((l) => [...l, ...entries.map((e) => ({ ...e, id: nextId++ }))]);
  const shopper = { channel, authenticated: signedIn, tags };

  async function send(e: Event) {
    e.preventDefault();
    const message = text.trim();
    if (!message || busy) return;
    setText('');
    push({ who: 'shopper', text: message });
    setBusy(true);
    try {
      const res = await api<{ turn: Turn; handoff: HandoffPreview | null; missesInARow: number }>(
        'POST',
        '/api/test-chat/messages',
        { ...shopper, text: message, missesInARow: misses },
      );
      setMisses(res.missesInARow);
      if (res.turn.kind === 'reply') setTags([...new Set([...tags, ...res.turn.tags])]);
      push({
        who: 'agent',
        text: res.turn.kind === 'reply' ? res.turn.text : '',
        turn: res.turn,
        handoff: res.handoff,
      });
    } catch (err) {
      push({ who: 'error', text: failureText(err) });
    } finally {
      setBusy(false);
    }
  }
  async function simulate() {
    setBusy(true);
    try {
      const res = await api<{ handoff: HandoffPreview }>('POST', '/api/test-chat/escalate', shopper);
      push({ who: 'preview', text: 'Simulated escalation: the shopper asks for a person.', handoff: res.handoff });
    } catch (err) {
      push({ who: 'error', text: failureText(err) });
    } finally {
      setBusy(false);
    }
  }
  function reset() {
    setLog([]);
    setMisses(0);
    setTags([]);
  }

  return (
    <div class="tester" data-testid="test-sidebar">
      <div class="tester-head">
        <h2>Test your agent</h2>
        <p class="hint">
          Uses your saved settings. Test chats are not recorded: no events, no tickets, not in the inbox.
        </p>
        <div class="tester-options">
          <label>
            Channel
            <select value={channel} onChange={(e) => setChannel(e.currentTarget.value as ChannelKey)}>
              {(Object.keys(CHANNEL_LABELS) as ChannelKey[]).map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={signedIn} onChange={(e) => setSignedIn(e.currentTarget.checked)} />{' '}
            Signed-in shopper
          </label>
        </div>
      </div>
      <ol class="tester-log" aria-label="Test conversation" aria-live="polite">
        {log.length === 0 && (
          <li class="muted">
            Ask something a shopper would, like “Do you ship to Canada?” or “I want to talk to a human”.
          </li>
        )}
        {log.map((entry) => (
          <LogEntry key={entry.id} entry={entry} />
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      <form class="tester-input" onSubmit={send}>
        <textarea
          aria-label="Test message"
          rows={2}
          value={text}
          maxLength={2000}
          onInput={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void send(e);
            }
          }}
        />
        <div class="row-actions">
          <button type="submit" disabled={busy || !text.trim()}>
            Send
          </button>
          <button type="button" class="ghost" disabled={busy} onClick={() => void simulate()}>
            Simulate escalation
          </button>
          <button type="button" class="ghost" onClick={reset}>
            Reset
          </button>
        </div>
      </form>
    </div>
  );
}

function LogEntry({ entry }: { entry: Entry }) {
  const turn = entry.turn;
  return (
    <li class={`t-${entry.who}`} data-testid={`test-${entry.who}`}>
      {entry.text && <p class="t-text">{entry.text}</p>}
      {turn?.kind === 'reply' && turn.cards.length > 0 && (
        <p class="muted">Products: {turn.cards.map((c) => c.title).join(', ')}</p>
      )}
      {turn && (
        <p class="fired" data-testid="fired">
          {turn.kind === 'escalate'
            ? `Rule fired: ${turn.ruleName} (${turn.rule}) · ${turn.reason}`
            : `Skill: ${turn.skill} · confidence ${turn.confidence.toFixed(2)} (threshold ${turn.threshold.toFixed(2)})${turn.missed ? ' · below threshold: a miss' : ''}`}
        </p>
      )}
      {entry.handoff && <HandoffExplained preview={entry.handoff} />}
    </li>
  );
}

function HandoffExplained({ preview }: { preview: HandoffPreview }) {
  const where =
    preview.outcome === 'declined'
      ? "Don't hand off: custom message"
      : preview.outcome === 'needs_identity'
        ? 'Waits for the shopper to sign in or leave an email'
        : `${preview.helpdesk === 'inbox' ? 'Inbox' : (preview.helpdesk ?? '')}${preview.assignee ? ` → ${preview.assignee.name}` : preview.assignment ? ` → ${preview.assignment}` : ''}`;
  return (
    <div class="handoff-preview" data-testid="handoff-preview">
      <p>
        <strong>Handoff would go to:</strong> {where}
      </p>
      <ol class="steps">
        {preview.steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
      {preview.messages.length > 0 && <p class="muted">Shopper sees: {preview.messages.join(' ')}</p>}
    </div>
  );
}
