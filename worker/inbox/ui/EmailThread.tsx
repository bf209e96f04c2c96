// The email side of an email ticket: who it is with, where it came from (an email, or a web chat that
// continued by email), and every email in and out: each reply's delivery state (sent / retrying /
// failed, with Retry), each received email's SPF/DKIM/DMARC verdicts, its original message and its
// attachments. Everything is rendered as text; files open as downloads from the API.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

interface EmailAttachment {
  name: string;
  contentType: string;
  size: number;
  refused: string | null;
  url: string | null;
}
interface EmailItem {
  id: string;
  direction: 'in' | 'out';
  address: string;
  subject: string;
  state: string;
  reason: string | null;
  seq: number | null;
  attempts: number;
  createdAt: number;
  auth: { spf: string | null; dkim: string | null; dmarc: string | null };
  rawUrl: string | null;
  attachments: EmailAttachment[];
}
interface EmailView {
  thread: { address: string; subject: string; origin: 'email' | 'web_chat' };
  emails: EmailItem[];
}

const STATE_LABEL: Record<string, string> = {
  accepted: 'received',
  pending: 'sending',
  sent: 'sent',
  retrying: 'retrying',
  failed: 'failed',
  auto_reply: 'auto-reply (not answered)',
  bounce: 'bounce (not answered)',
  list: 'list mail (not answered)',
  loop: 'loop limit (not posted)',
  rate_limited: 'rate limited (not posted)',
  duplicate: 'duplicate',
};

/** `refresh` changes whenever the transcript does, so new emails and delivery states show up. */
export function EmailThread({
  conversationId,
  refresh,
  canReply,
}: {
  conversationId: string;
  refresh: number;
  canReply: boolean;
}) {
  const [view, setView] = useState<EmailView | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const load = () =>
      api<EmailView>('GET', `/api/email/conversations/${conversationId}`).then(
        (v) => live && setView(v),
        () => undefined,
      );
    void load();
    // Delivery happens in the background (a queue): look again shortly while something is in flight.
    const timer = setInterval(() => void load(), 3000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [conversationId, refresh, tick]);
  if (!view) return null;
  const retry = (id: string) =>
    api('POST', `/api/email/messages/${id}/retry`).then(
      () => setTick((t) => t + 1),
      () => setTick((t) => t + 1),
    );
  return (
    <section class="email-thread" aria-label="Email" data-testid="email-thread">
      <p class="email-head">
        Email with <strong>{view.thread.address}</strong>
        {view.thread.origin === 'web_chat' && (
          <span class="tag" data-testid="email-origin">
            {' '}
            · started in web chat
          </span>
        )}
      </p>
      <ol class="email-list">
        {view.emails.map((e) => (
          <li key={e.id} data-direction={e.direction} data-state={e.state} data-seq={e.seq ?? ''}>
            <span class="email-dir">{e.direction === 'in' ? `From ${e.address}` : `To ${e.address}`}</span>{' '}
            <span class={`email-state state-${e.state}`}>{STATE_LABEL[e.state] ?? e.state}</span>
            {e.direction === 'out' && e.state === 'failed' && e.reason && (
              <span class="email-reason"> · {e.reason}</span>
            )}
            {e.direction === 'out' && e.state === 'failed' && canReply && (
              <button type="button" class="ghost" onClick={() => void retry(e.id)}>
                Retry
              </button>
            )}
            {e.direction === 'in' && (e.auth.spf || e.auth.dkim) && (
              <span class="email-auth">
                {' '}
                · SPF {e.auth.spf ?? 'none'} · DKIM {e.auth.dkim ?? 'none'}
                {e.auth.dmarc ? ` · DMARC ${e.auth.dmarc}` : ''}
              </span>
            )}
            {e.rawUrl && (
              <>
                {' '}
                ·{' '}
                <a href={e.rawUrl} target="_blank" rel="noopener noreferrer">
                  View original
                </a>
              </>
            )}
            {e.attachments.length > 0 && (
              <ul class="email-files">
                {e.attachments.map((a) => (
                  <li key={a.name}>
                    {a.url ? (
                      <a href={a.url} download={a.name}>
                        {a.name}
                      </a>
                    ) : (
                      <span>
                        {a.name} (not kept: {a.refused})
                      </span>
                    )}{' '}
                    <small>{Math.ceil(a.size / 1024)} KB</small>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
