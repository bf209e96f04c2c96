// The chat panel. Every message, name and card is rendered as Preact text and attributes (never
// innerHTML), so "<img src=x onerror=alert(1)>" in a message shows literally.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ProductCard, WireMessage } from '../../worker/protocol/widget';
import { MAX_MESSAGE_CHARS } from '../../worker/protocol/limits';
import type { ChatClient, Problem, State } from './client';
import { formatPrice, Linkified, safeUrl } from './format';
import { followViewport } from './viewport';
import { attachmentOf, FileLink } from '../attachment';
import { localeFrom, t, translate } from './i18n';
import type { ChatStrings } from '../locale/en';

interface Props {
  client: ChatClient;
  open: boolean;
  /** Baton's origin: relative image URLs from the server resolve against it. */
  origin: string;
  onClose(): void;
}

const NOTICES: Record<Exclude<Problem, null>, keyof ChatStrings> = {
  unavailable: 'unavailable',
  unreachable: 'unreachable',
  offline: 'offline',
  reconnecting: 'reconnecting',
  too_fast: 'tooFast',
  failed: 'failed',
  attach_failed: 'attachFailed',
};

export function App({ client, open, origin, onClose }: Props) {
  const [state, setState] = useState<State>(client.state);
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    setState(client.state);
    return client.subscribe(() => setState(client.state));
  }, [client]);

  // While open, the panel follows the visual viewport (the phone keyboard never covers the composer).
  useEffect(() => (open && panel.current ? followViewport(panel.current) : undefined), [open]);

  // Focus moves into the panel when it opens (the loader returns it to the launcher on close).
  useLayoutEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // Keep the newest message in view unless the shopper has scrolled up to read.
  useLayoutEffect(() => {
    const el = log.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [state.messages, state.pending, state.typing, open]);

  const { config, messages, pending, status, typing } = state;
  localeFrom(config);
  const agent = config?.agentName || t('defaultAgent');
  const greeting = config?.greeting || t('defaultGreeting');
  const last = messages[messages.length - 1];
  const csatSeq = messages.filter((m) => m.prompt === 'csat').pop()?.seq;
  const notice = state.problem && t(NOTICES[state.problem]);
  // "Talk to a person" only where a person can be reached; after "continue by email" the team answers
  // by email, so the chat offers no reply box for that handoff and says so.
  const handoff = config?.handoff !== false;
  const byEmail = status === 'escalated' && state.byEmail;
  // Receipts go under the shopper's newest stored message: "Delivered" once stored, "Seen" once the
  // room says the agent read it or a teammate had the conversation open after it arrived (not "answered").
  const lastMine = messages.filter((m) => m.role === 'shopper').pop();
  const seen = !!lastMine && state.seenSeq >= lastMine.seq;

  const submit = (event?: Event) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    client.send(text);
    setDraft('');
    stick.current = true;
    const el = input.current;
    if (el) el.style.height = '';
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event);
  };

  const onInput = (event: Event) => {
    const el = event.currentTarget as HTMLTextAreaElement;
    setDraft(el.value);
    el.style.height = '';
    el.style.height = `${el.scrollHeight + 2}px`;
  };

  return (
    <div
      class="p"
      ref={panel}
      part="panel"
      role="dialog"
      lang={config?.locale ?? 'en'}
      dir={config?.dir ?? 'ltr'}
      aria-label={t('dialog', { agent })}
      data-testid="baton-panel"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div class="h">
        <Avatar name={agent} url={safeUrl(config?.avatarUrl, origin)} />
        <h2>{agent}</h2>
        <button type="button" class="ib" aria-label={t('close')} data-testid="baton-close" onClick={onClose}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {notice && (
        <p class="n" role="alert" data-testid="baton-notice">
          {notice}
        </p>
      )}
      <div
        class="log"
        role="log"
        aria-live="polite"
        aria-label={t('log')}
        tabIndex={0}
        ref={log}
        data-testid="baton-log"
        onScroll={(event) => {
          const el = event.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        }}
      >
        {!(messages[0]?.role === 'agent' && messages[0].text === greeting) && (
          <div class="m agent" data-role="greeting">
            <span class="who">{agent}</span>
            <div class="bb" dir="auto">
              {greeting}
            </div>
          </div>
        )}
        {messages.map((m, i) => (
          <Message
            key={m.seq}
            m={m}
            agent={agent}
            showName={i === 0 ? true : nameOf(messages[i - 1]!, agent) !== nameOf(m, agent)}
            isLast={m === last && pending.length === 0}
            receipt={m === lastMine ? (seen ? 'seen' : 'delivered') : null}
            handoff={handoff}
            rate={m.seq === csatSeq}
            client={client}
            state={state}
            origin={origin}
          />
        ))}
        {pending.map((p) => (
          <div
            key={p.clientId}
            class={`m shopper ${p.failed ? 'fail' : 'pend'}`}
            data-role="shopper"
            data-status={p.failed ? 'failed' : 'pending'}
          >
            <span class="s">{t('you')}</span>
            <div class="bb" dir="auto">
              <Linkified text={p.text} />
            </div>
            {p.failed ? (
              <span class="meta">
                {t('notSent')}{' '}
                <button type="button" class="lk" onClick={() => client.retry(p.clientId)}>
                  {t('retry')}
                </button>
              </span>
            ) : (
              <span class="meta">{t('sending')}</span>
            )}
          </div>
        ))}
        {status === 'closed' && <div class="m system">{t('closed')}</div>}
      </div>
      <div class="ty" role="status" data-testid="baton-typing">
        {typing ? t('typing', { name: state.typingName ?? agent }) : ''}
      </div>
      <form class="c" onSubmit={submit} hidden={byEmail}>
        <label class="s" for="baton-message">
          {t('message')}
        </label>
        {status && (
          <label class="ib at" title={t('attach')}>
            <span class="s">{t('attach')}</span>
            <input
              type="file"
              class="s"
              accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
              onChange={(event) => {
                const el = event.currentTarget;
                const file = el.files?.[0];
                el.value = '';
                if (file) void client.attach(file);
              }}
            />
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M20 11l-8 8a5 5 0 01-7-7l9-9a3.5 3.5 0 015 5l-9 9a2 2 0 01-3-3l8-8" />
            </svg>
          </label>
        )}
        <textarea
          id="baton-message"
          ref={input}
          rows={1}
          maxLength={MAX_MESSAGE_CHARS}
          placeholder={t('placeholder')}
          value={draft}
          onInput={onInput}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="send" aria-label={t('send')}>
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M4 12h15M13 6l6 6-6 6" />
          </svg>
        </button>
      </form>
      <div class="f">
        {status === 'escalated' ? (
          <span data-testid="baton-handoff-status">{t(byEmail ? 'byEmail' : 'escalated')}</span>
        ) : (
          handoff && (
            <button type="button" class="lk" data-testid="baton-escalate" onClick={() => client.escalate()}>
              {t('talkToPerson')}
            </button>
          )
        )}
      </div>
    </div>
  );
}

function nameOf(m: WireMessage, agent: string): string {
  return m.role === 'shopper' ? t('you') : m.role === 'system' ? '' : m.authorName || agent;
}

function Avatar({ name, url }: { name: string; url: string | null }) {
  const [broken, setBroken] = useState(false);
  const src = url;
  if (src && !broken) return <img class="av" src={src} alt="" onError={() => setBroken(true)} />;
  return (
    <span class="av" aria-hidden="true">
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}

interface MessageProps {
  m: WireMessage;
  agent: string;
  showName: boolean;
  isLast: boolean;
  /** The receipt under the shopper's newest message. */
  receipt: 'delivered' | 'seen' | null;
  /** A person can be reached (else no "Talk to a person" button). */
  handoff: boolean;
  /** The newest rating prompt: shows the 1–5 rating form. */
  rate: boolean;
  client: ChatClient;
  state: State;
  origin: string;
}

/** How the chat shows an attached file (widget/attachment.tsx): a thumbnail, or a file bubble. */
const FILE_LOOK = { image: 'att', file: 'bb file', testId: 'baton-attachment', before: '' };

function Message({ m, agent, showName, isLast, receipt, handoff, rate, client, state, origin }: MessageProps) {
  const who = nameOf(m, agent);
  const cards = m.cards ?? [];
  const file = attachmentOf(m);
  const text = file ? '' : shownText(m, cards.length > 0);
  const questionId = `baton-q-${m.seq}`;
  return (
    <div class={`m ${m.role}`} data-role={m.role} data-seq={m.seq}>
      {who && <span class={showName && m.role !== 'shopper' ? 'who' : 's'}>{who}</span>}
      {text && (
        <div class="bb" dir="auto">
          <Linkified text={text} />
        </div>
      )}
      {file && <FileLink file={file} look={FILE_LOOK} />}
      {receipt && (
        <span class="meta" data-testid="baton-receipt">
          {t(receipt)}
        </span>
      )}
      {cards.length > 0 && (
        <ul class="cards" aria-label={t('products')}>
          {cards.map((card) => (
            <Card key={card.id} card={card} origin={origin} />
          ))}
        </ul>
      )}
      {isLast && m.prompt === 'confirm_resolution' && !state.answered.includes(m.seq) && (
        <div class="q" role="group" aria-labelledby={questionId}>
          <p id={questionId}>{t('confirmQuestion')}</p>
          <button type="button" class="btn" onClick={() => client.feedback(m.seq, true)}>
            {t('yes')}
          </button>
          <button type="button" class="btn" onClick={() => client.feedback(m.seq, false)}>
            {t('no')}
          </button>
        </div>
      )}
      {isLast && m.prompt === 'confirm_resolution' && state.answered.includes(m.seq) && (
        <span class="meta">{t('thanks')}</span>
      )}
      {isLast && m.prompt === 'handoff_identity' && state.status === 'open' && (
        <HandoffChoice
          link={safeUrl(m.link)}
          seq={m.seq}
          client={client}
          byEmail={state.config?.emailHandoff !== false}
        />
      )}
      {rate && <Rating seq={m.seq} client={client} />}
      {isLast && m.prompt === 'offer_human' && handoff && state.status !== 'escalated' && (
        <div class="q">
          <button type="button" class="btn" data-testid="baton-prompt-escalate" onClick={() => client.escalate()}>
            {t('talkToPerson')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Sign in on the store (then the handoff continues here), or continue by email where the store offers it. */
function HandoffChoice({
  link,
  seq,
  client,
  byEmail,
}: {
  link: string | null;
  seq: number;
  client: ChatClient;
  byEmail: boolean;
}) {
  const [sent, setSent] = useState(false);
  const inputId = `baton-email-${seq}`;
  function submit(e: Event) {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    if (!input.checkValidity()) return input.reportValidity();
    client.handoffEmail(input.value.trim());
    setSent(true);
  }
  return (
    <div class="q" data-testid="baton-handoff-choice">
      {link && (
        <a class="in" href={link} target="_top">
          {t('signIn')}
        </a>
      )}
      {byEmail && !sent && (
        <form onSubmit={submit} noValidate>
          <label for={inputId}>{t('emailLabel')}</label>
          <input id={inputId} name="email" type="email" required autoComplete="email" maxLength={254} />
          <button type="submit" class="btn">
            {t('continueByEmail')}
          </button>
        </form>
      )}
    </div>
  );
}

/** "How did we do?": 1–5 and an optional comment, posted to /api/csat with the conversation's resume token. */
function Rating({ seq, client }: { seq: number; client: ChatClient }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [phase, setPhase] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  if (phase === 'sent')
    return (
      <span class="meta" role="status">
        {t('rateThanks')}
      </span>
    );
  const commentId = `baton-rate-${seq}`;
  function submit(e: Event) {
    e.preventDefault();
    if (!rating || phase === 'sending') return;
    setPhase('sending');
    client.rate(rating, comment.trim()).then(
      () => setPhase('sent'),
      () => setPhase('failed'),
    );
  }
  return (
    <form class="q" onSubmit={submit} data-testid="baton-rating">
      <div class="q" role="group" aria-label={t('rate')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            class="btn"
            aria-pressed={rating === n ? 'true' : 'false'}
            onClick={() => setRating(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <label for={commentId}>{t('rateComment')}</label>
      <textarea
        id={commentId}
        rows={2}
        maxLength={2000}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      {phase === 'failed' && (
        <span class="meta fl" role="alert">
          {t('rateFailed')}
        </span>
      )}
      <button type="submit" class="btn" disabled={!rating || phase === 'sending'}>
        {phase === 'failed' ? t('retry') : t('rateSend')}
      </button>
    </form>
  );
}

/**
 * What a message shows as text: the agent's and Baton's fixed sentences in the shopper's language, and
 * without the "• title — price" lines the agent writes for text-only channels when cards show them.
 */
function shownText(m: WireMessage, hasCards: boolean): string {
  if (m.role === 'shopper' || m.role === 'human') return m.text;
  const text = hasCards
    ? m.text
        .split('\n')
        .filter((line) => !line.startsWith('• '))
        .join('\n')
    : m.text;
  return translate(text);
}

function Card({ card, origin }: { card: ProductCard; origin: string }) {
  const href = safeUrl(card.url);
  const img = safeUrl(card.imageUrl, origin);
  return (
    <li class="card" data-sku={card.sku}>
      {img && <img src={img} alt="" loading="lazy" width={56} height={56} />}
      <div>
        {href ? (
          <a href={href} target="_top">
            {card.title}
          </a>
        ) : (
          <span class="t">{card.title}</span>
        )}
        <span class="pr">{formatPrice(card.priceCents, card.currency)}</span>
      </div>
    </li>
  );
}
