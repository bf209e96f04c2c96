// The conversation as the shopper had it: shopper, Customer Agent, teammates and system notes, with
// times. Text only (the shopper wrote it; it is never parsed as HTML); attached files as thumbnails or links.
// A message no channel sender could deliver (email, SMS, WhatsApp) says so under it, with the reason.
import { useEffect, useRef } from 'preact/hooks';
import { MessageBody } from './Attachment';
import { fullDate, when } from './format';
import type { Undelivered, WireMessage } from './types';

const WHO: Record<WireMessage['role'], string> = {
  shopper: 'Shopper',
  agent: 'Customer Agent',
  human: 'Teammate',
  system: 'System',
};

export function Transcript({ messages, undelivered = [] }: { messages: WireMessage[]; undelivered?: Undelivered[] }) {
  const list = useRef<HTMLOListElement>(null);
  const failed = new Map(undelivered.map((u) => [u.seq, u]));
  // The newest message in view by scrolling the transcript itself, never the page around it (on a
  // phone that hid the title and the reply box).
  useEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [messages.length]);
  if (messages.length === 0) return <p class="empty">No chat transcript for this ticket.</p>;
  return (
    // Focusable so keyboard users can scroll a long transcript (axe: scrollable-region-focusable).
    <ol ref={list} class="transcript" aria-label="Transcript" data-testid="transcript" tabIndex={0}>
      {messages.map((m) => (
        <li key={m.seq} class={`msg msg-${m.role}`} data-role={m.role}>
          <div class="msg-head">
            <span class="author">
              {m.role === 'human' || (m.role === 'agent' && m.authorName)
                ? `${m.authorName ?? WHO[m.role]}`
                : WHO[m.role]}
            </span>
            {m.role === 'agent' && <span class="tag">Customer Agent</span>}
            <time dateTime={new Date(m.at).toISOString()} title={fullDate(m.at)}>
              {when(m.at)}
            </time>
          </div>
          <MessageBody m={m} />
          {m.cards.length > 0 && <p class="msg-cards">Recommended: {m.cards.map((c) => c.title).join(', ')}</p>}
          {failed.has(m.seq) && (
            <p class="msg-undelivered" data-testid="undelivered">
              Not delivered by {failed.get(m.seq)!.channel}: {failed.get(m.seq)!.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
