// The conversation client: talks to the conversation's Durable Object over a WebSocket (HTTP
// polling when sockets are blocked), keeps an outbox of unacknowledged frames in localStorage and
// exposes one immutable `State` snapshot for the UI.
//
// Guarantees:
// - Every outgoing frame has a clientId (UUID) and stays in the outbox until the server has it
//   (an `ack`, or a stored message carrying that clientId); it is re-sent with the same clientId
//   after every reconnect, so the server stores it once.
// - After connecting, the first frame is `resume` with the last seq received from the server; the
//   history reply and live frames are merged by seq, so nothing shows twice.
// - The resume token never goes in a URL: the socket carries it as a subprotocol, HTTP calls as
//   `Authorization: Bearer`.
// - Reconnects back off exponentially with jitter (≤ 30 s); after 3 failed connects in a row the
//   client polls over HTTP and keeps trying the socket now and then.
import type {
  ClientFrame,
  ConversationStatus,
  HistoryResponse,
  SendMessageResponse,
  ServerFrame,
  StartConversationResponse,
  WidgetConfig,
  WireMessage,
} from '../../worker/protocol/widget';
import { SOCKET_PROTOCOL } from '../../worker/protocol/limits';
import { configKey, configUrl, conversationKey, type CachedConfig } from '../shared';

/** A frame waiting for the server: a shopper message, a "Talk to a person" press or a feedback answer. */
export type Outgoing = Exclude<ClientFrame, { type: 'resume' } | { type: 'ping' }>;

/** What localStorage keeps under `baton:{siteKey}`. */
export interface Saved {
  conversationId: string;
  resumeToken: string;
  /** Highest seq this browser has received (messages above it are new: 'message' events). */
  lastSeq: number;
  /** Highest seq the shopper has seen with the panel open (unread = agent/human messages above it). */
  readSeq: number;
  outbox: Outgoing[];
}

export type Problem =
  | 'unavailable'
  | 'unreachable'
  | 'offline'
  | 'reconnecting'
  | 'too_fast'
  | 'failed'
  | 'attach_failed'
  | null;

export interface State {
  config: WidgetConfig | null;
  /** Messages the server stored, ordered by seq. */
  messages: WireMessage[];
  /** Shopper messages not stored yet (`failed`: refused, shown with a Retry button). */
  pending: { clientId: string; text: string; failed: boolean }[];
  status: ConversationStatus | null;
  typing: boolean;
  /** Who is typing, when it is a teammate (null: the agent). */
  typingName: string | null;
  /** The handoff moved to email: the team answers by email, not in this chat (the server says so). */
  byEmail: boolean;
  /** The shopper's messages up to this seq were seen by the agent or a teammate (the server says so). */
  seenSeq: number;
  problem: Problem;
  /** Seqs of messages whose confirm_resolution prompt the shopper answered on this page. */
  answered: number[];
}

export interface ClientOptions {
  origin: string;
  siteKey: string;
  identityToken: string | null;
  onUnread(count: number): void;
  onMessage(message: WireMessage): void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status} ${code}`);
  }
}

const MAX_BACKOFF = 30_000;
const PING_EVERY = 25_000;
const HISTORY_PAGE = 500; // the server's page size for history
const HTTP_MODE_KEY = 'baton:http';
const uuid = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (+c ^ ((crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) & (15 >> (+c / 4)))).toString(16),
      );

function rememberHttp(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(HTTP_MODE_KEY, '1');
    else sessionStorage.removeItem(HTTP_MODE_KEY);
  } catch {
    // not remembered; the next page finds out again
  }
}

export class ChatClient {
  state: State = {
    config: null,
    messages: [],
    pending: [],
    status: null,
    typing: false,
    typingName: null,
    byEmail: false,
    seenSeq: 0,
    problem: null,
    answered: [],
  };
  private saved: Saved | null = null;
  /** Frames not yet stored by the server; persisted with the conversation once it exists. */
  private outbox: Outgoing[] = [];
  /** clientIds sent on the current socket and not yet confirmed. */
  private inflight = new Set<string>();
  private failed: { clientId: string; text: string }[] = [];
  private listeners = new Set<() => void>();
  private ws: WebSocket | null = null;
  private live = false; // the socket has answered `resume`
  private mode: 'ws' | 'http' = 'ws';
  private failures = 0; // connects in a row that never got to `history`
  private attempt = 0; // backoff exponent
  private cursor = 0; // highest seq received through history/live/poll (the next resume point)
  private open = false;
  private dead = false;
  private starting = false;
  private posting = false;
  private forgets = 0;
  private identified: string | null = null;
  private token: string | null;
  private lastFrameAt = 0;
  private timers: Record<'retry' | 'poll' | 'ping' | 'typing' | 'flush', ReturnType<typeof setTimeout> | undefined> = {
    retry: undefined,
    poll: undefined,
    ping: undefined,
    typing: undefined,
    flush: undefined,
  };
  private unread = 0;

  constructor(private readonly opts: ClientOptions) {
    this.token = opts.identityToken;
    try {
      // Sockets were blocked earlier in this tab: go straight to HTTP (the socket is still retried).
      if (sessionStorage.getItem(HTTP_MODE_KEY)) this.mode = 'http';
    } catch {
      // no session storage: start with the socket
    }
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
  }

  // ── Public API (the UI) ──────────────────────────────────────────────────────────────────────

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  start(): void {
    try {
      const cached = JSON.parse(localStorage.getItem(configKey(this.opts.siteKey)) ?? 'null') as CachedConfig | null;
      if (cached?.config && cached.lang === navigator.language) this.set({ config: cached.config });
      const saved = JSON.parse(localStorage.getItem(conversationKey(this.opts.siteKey)) ?? 'null') as Saved | null;
      if (saved?.conversationId && saved.resumeToken) {
        this.saved = {
          conversationId: saved.conversationId,
          resumeToken: saved.resumeToken,
          lastSeq: Number(saved.lastSeq) || 0,
          readSeq: Number(saved.readSeq) || 0,
          outbox: Array.isArray(saved.outbox) ? saved.outbox : [],
        };
        this.outbox = this.saved.outbox;
      }
    } catch {
      // Storage blocked or damaged: a fresh conversation starts with the first message.
    }
    this.syncPending();
    this.fetchConfig();
    if (this.saved) {
      this.identify(this.token);
      this.link();
    }
  }

  setOpen(open: boolean): void {
    this.open = open;
    this.markRead();
    if (open && this.mode === 'http') this.poll();
  }

  send(text: string): void {
    if (this.state.status === 'closed') this.forget();
    this.queue({ type: 'message', clientId: uuid(), text });
  }

  escalate(): void {
    if (this.outbox.some((o) => o.type === 'escalate')) return; // a double click asks once
    this.queue({ type: 'escalate', clientId: uuid() });
  }

  /** An anonymous shopper at a web-chat handoff leaves an email address to continue by email. */
  handoffEmail(email: string): void {
    this.set({ byEmail: true }); // at once; the room's status (and every later history) confirms it
    this.queue({ type: 'handoff_email', clientId: uuid(), email });
  }

  feedback(seq: number, resolved: boolean): void {
    this.set({ answered: [...this.state.answered, seq] });
    if (this.saved) this.queue({ type: 'feedback', clientId: uuid(), resolved });
  }

  /** Rates the conversation's closed ticket through POST /api/csat; rejects when it was not stored. */
  async rate(rating: number, comment: string): Promise<void> {
    const saved = this.saved;
    if (!saved) throw new Error('no conversation');
    const body = {
      conversationId: saved.conversationId,
      resumeToken: saved.resumeToken,
      rating,
      ...(comment ? { comment } : {}),
    };
    await this.http('POST', `${this.opts.origin}/api/csat`, body).catch((err: unknown) => {
      // Rated already (another tab, or before a reload): nothing left to ask.
      if (!(err instanceof HttpError && err.code === 'already_rated')) throw err;
    });
  }

  /** Sends an image or PDF (the server checks its real type and size) as a message of its own. */
  async attach(file: File): Promise<void> {
    const saved = this.saved;
    if (!saved) return;
    const name = encodeURIComponent(file.name.slice(0, 200) || 'file');
    try {
      const res = await fetch(`${this.base(saved)}/files?clientId=${uuid()}&name=${name}`, {
        method: 'POST',
        body: file,
        credentials: 'omit',
        headers: {
          authorization: `Bearer ${saved.resumeToken}`,
          'content-type': file.type || 'application/octet-stream',
        },
      });
      if (!res.ok) throw new HttpError(res.status, 'attach_failed');
      this.merge(((await res.json()) as SendMessageResponse).messages, false);
      if (this.state.problem === 'attach_failed') this.set({ problem: null });
    } catch {
      this.set({ problem: 'attach_failed' });
    }
  }

  retry(clientId: string): void {
    const item = this.failed.find((f) => f.clientId === clientId);
    if (!item) return;
    this.failed = this.failed.filter((f) => f !== item);
    this.queue({ type: 'message', clientId, text: item.text });
  }

  identify(token: string | null): void {
    this.token = token;
    const saved = this.saved;
    if (!saved || !token || token === this.identified) return;
    this.identified = token;
    // A handoff that waited for the shopper to sign in continues now: its messages come back here.
    this.http<{ messages?: WireMessage[] }>(
      'POST',
      `${this.base(saved)}/identify`,
      { identityToken: token },
      saved.resumeToken,
    )
      .then((res) => this.merge(res.messages ?? [], false))
      .catch((err: unknown) => {
        console.warn('Baton: identify failed', err);
      });
  }

  destroy(): void {
    this.dead = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    for (const t of Object.values(this.timers)) clearTimeout(t);
    this.dropSocket();
    this.listeners.clear();
  }

  // ── State ────────────────────────────────────────────────────────────────────────────────────

  private set(patch: Partial<State>): void {
    if (this.dead) return;
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  /** The room's word on the conversation (history, status frames, polls): never a browser's memory. */
  private setState(s: { status: ConversationStatus; byEmail?: boolean; seenSeq?: number }): void {
    this.set({ status: s.status, byEmail: s.byEmail === true, seenSeq: Math.max(this.state.seenSeq, s.seenSeq ?? 0) });
  }

  private persist(): void {
    const saved = this.saved;
    if (!saved) return;
    saved.outbox = this.outbox;
    try {
      localStorage.setItem(conversationKey(this.opts.siteKey), JSON.stringify(saved));
    } catch {
      // Full or blocked storage: the conversation still works for this page.
    }
  }

  private syncPending(): void {
    const pending = [
      ...this.outbox.flatMap((o) =>
        o.type === 'message' ? [{ clientId: o.clientId, text: o.text, failed: false }] : [],
      ),
      ...this.failed.map((f) => ({ ...f, failed: true })),
    ];
    this.set({ pending });
  }

  private markRead(): void {
    const saved = this.saved;
    const messages = this.state.messages;
    if (saved && this.open) saved.readSeq = Math.max(saved.readSeq, messages[messages.length - 1]?.seq ?? 0);
    const unread =
      this.open || !saved
        ? 0
        : messages.filter((m) => m.seq > saved.readSeq && (m.role === 'agent' || m.role === 'human')).length;
    if (unread !== this.unread) this.opts.onUnread((this.unread = unread));
    this.persist();
  }

  /** Merges stored messages by seq; `advance` moves the resume cursor (only for in-order sources). */
  private merge(list: WireMessage[], advance: boolean): void {
    if (!Array.isArray(list) || list.length === 0) return;
    const bySeq = new Map(this.state.messages.map((m) => [m.seq, m]));
    const saved = this.saved;
    let typing = this.state.typing;
    for (const m of list) {
      if (!m || typeof m.seq !== 'number') continue;
      bySeq.set(m.seq, { ...m, cards: m.cards ?? [], prompt: m.prompt ?? null });
      if (m.clientId) this.confirmed(m.clientId);
      if (advance) this.cursor = Math.max(this.cursor, m.seq);
      if (m.role === 'agent' || m.role === 'human') {
        typing = false;
        if (saved && m.seq > saved.lastSeq) this.opts.onMessage(m);
      }
      if (saved) saved.lastSeq = Math.max(saved.lastSeq, m.seq);
    }
    this.set({ messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq), typing });
    this.syncPending();
    this.markRead();
  }

  /** The server has the frame with this clientId: take it out of the outbox. */
  private confirmed(clientId: string): Outgoing | undefined {
    this.inflight.delete(clientId);
    const item = this.outbox.find((o) => o.clientId === clientId);
    if (item) this.outbox = this.outbox.filter((o) => o !== item);
    return item;
  }

  private acked(clientId: string, seq: number): void {
    const item = this.confirmed(clientId);
    if (item?.type === 'message' && !this.state.messages.some((m) => m.seq === seq)) {
      const mine: WireMessage = {
        seq,
        role: 'shopper',
        text: item.text,
        at: Date.now(),
        clientId,
        authorName: null,
        cards: [],
        prompt: null,
        link: null,
      };
      this.set({ messages: [...this.state.messages, mine].sort((a, b) => a.seq - b.seq) });
    }
    if (this.state.problem === 'too_fast' || this.state.problem === 'failed') this.set({ problem: null });
    this.syncPending();
    this.persist();
  }

  /** The server refused the frame: a message moves to "Not sent" (Retry), anything else is dropped. */
  private refused(clientId: string, code: string): void {
    if (this.outbox.some((o) => o.clientId === clientId)) {
      // A closed conversation: the unsent messages go to a new one.
      if (code === 'conversation_closed') return this.restart();
      if (code === 'rate_limited') {
        // Keep it where it is and try again shortly, with the same clientId.
        this.inflight.delete(clientId);
        clearTimeout(this.timers.flush);
        this.timers.flush = setTimeout(() => this.flush(), 10_000);
        return this.set({ problem: 'too_fast' });
      }
    }
    const item = this.confirmed(clientId);
    if (item?.type === 'message') this.failed.push({ clientId, text: item.text });
    this.set({ problem: 'failed' });
    this.syncPending();
    this.persist();
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────

  private queue(item: Outgoing): void {
    this.outbox.push(item);
    this.syncPending();
    this.persist();
    if (this.saved) this.flush();
    else this.begin();
  }

  private flush(): void {
    if (!this.saved || this.dead) return;
    if (this.mode === 'http') return void this.flushHttp();
    const ws = this.ws;
    if (!ws || !this.live || ws.readyState !== WebSocket.OPEN) return;
    // Stay under the server's frames-per-second limit when a long outbox drains.
    let sent = 0;
    for (const item of this.outbox) {
      if (this.inflight.has(item.clientId)) continue;
      if (sent++ === 6) {
        clearTimeout(this.timers.flush);
        this.timers.flush = setTimeout(() => this.flush(), 1100);
        break;
      }
      this.inflight.add(item.clientId);
      ws.send(JSON.stringify(item));
    }
  }

  private async flushHttp(): Promise<void> {
    const saved = this.saved;
    if (!saved || this.posting) return;
    this.posting = true;
    try {
      for (const item of [...this.outbox]) {
        if (this.saved !== saved || this.dead) return;
        const { type, ...body } = item;
        const path = type === 'message' ? 'messages' : type.replace('_', '-');
        try {
          const res = await this.http<Partial<SendMessageResponse>>(
            'POST',
            `${this.base(saved)}/${path}`,
            body,
            saved.resumeToken,
          );
          if (res.ack) this.acked(res.ack.clientId, res.ack.seq);
          else {
            this.confirmed(item.clientId);
            this.persist();
          }
          this.merge(res.messages ?? [], false);
          this.set({ problem: null });
        } catch (err) {
          if (err instanceof HttpError && err.status === 429) return this.refused(item.clientId, 'rate_limited');
          if (err instanceof HttpError && err.status === 409) return this.refused(item.clientId, 'closed');
          if (err instanceof HttpError && (err.status === 401 || err.status === 404)) return this.restart();
          if (err instanceof HttpError && err.status < 500) {
            this.refused(item.clientId, err.code);
            continue;
          }
          this.set({ problem: navigator.onLine ? 'unreachable' : 'offline' });
          return; // network or server trouble: the next poll tries again
        }
      }
    } finally {
      this.posting = false;
    }
  }

  /** Starts the conversation (first message or "Talk to a person"). */
  private async begin(): Promise<void> {
    if (this.saved || this.starting || this.dead) return;
    this.starting = true;
    clearTimeout(this.timers.retry);
    try {
      const token = this.token;
      const body = {
        siteKey: this.opts.siteKey,
        language: navigator.language,
        ...(token ? { identityToken: token } : {}),
      };
      const res = await this.http<StartConversationResponse>(
        'POST',
        `${this.opts.origin}/api/widget/conversations`,
        body,
      );
      if (this.dead) return;
      this.saved = {
        conversationId: res.conversationId,
        resumeToken: res.resumeToken,
        lastSeq: 0,
        readSeq: 0,
        outbox: this.outbox,
      };
      this.identified = token;
      this.attempt = 0;
      this.cursor = 0;
      this.persist();
      this.gotConfig(res.config);
      this.set({ problem: null, status: 'open' });
      this.identify(this.token);
      this.link();
    } catch (err) {
      if (err instanceof HttpError && err.status < 500 && err.status !== 429) {
        // A bad site key or a storefront origin the merchant did not allow: retrying won't help.
        this.failed.push(
          ...this.outbox.flatMap((o) => (o.type === 'message' ? [{ clientId: o.clientId, text: o.text }] : [])),
        );
        this.outbox = [];
        this.syncPending();
        this.set({ problem: 'unavailable' });
      } else {
        this.set({ problem: navigator.onLine ? 'unreachable' : 'offline' });
        this.timers.retry = setTimeout(() => void this.begin(), this.backoff());
      }
    } finally {
      this.starting = false;
    }
  }

  /** The stored conversation is gone (bad token, unknown id): start over with what is unsent. */
  private forget(): void {
    this.dropSocket();
    clearTimeout(this.timers.poll);
    clearTimeout(this.timers.retry);
    try {
      localStorage.removeItem(conversationKey(this.opts.siteKey));
    } catch {
      // nothing stored then
    }
    this.saved = null;
    this.failures = 0;
    this.cursor = 0;
    this.identified = null;
    this.outbox = this.outbox.filter((o) => o.type === 'message');
    this.set({ messages: [], status: null, typing: false, byEmail: false, seenSeq: 0, problem: null, answered: [] });
    this.syncPending();
    this.markRead();
  }

  /** A closed conversation: start a new one carrying the unsent messages. */
  private restart(): void {
    if (this.forgets++ > 3) return this.set({ problem: 'failed' });
    this.forget();
    if (this.outbox.length) void this.begin();
  }

  // ── WebSocket ────────────────────────────────────────────────────────────────────────────────

  private base(saved: Saved): string {
    return `${this.opts.origin}/api/widget/conversations/${encodeURIComponent(saved.conversationId)}`;
  }

  /** Connects the conversation: the socket, or polling plus an occasional socket attempt. */
  private link(): void {
    if (this.mode === 'ws') return this.connect();
    void this.poll();
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.connect(), 60_000);
  }

  private connect(): void {
    const saved = this.saved;
    if (!saved || this.ws || this.dead) return;
    clearTimeout(this.timers.retry);
    // The resume token rides in the subprotocol list, never in the URL (see SOCKET_PROTOCOL).
    const url = `${this.base(saved).replace(/^http/, 'ws')}/socket`;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, [SOCKET_PROTOCOL, saved.resumeToken]);
    } catch {
      return this.lost(false);
    }
    this.ws = ws;
    this.live = false;
    ws.onopen = () => {
      this.lastFrameAt = Date.now();
      this.inflight.clear();
      ws.send(JSON.stringify({ type: 'resume', lastSeq: this.cursor } satisfies ClientFrame));
      this.timers.ping = setInterval(() => {
        // No frame for two ping periods: the connection is dead even if the browser hasn't noticed.
        if (Date.now() - this.lastFrameAt > 2 * PING_EVERY + 5000) return this.lost(this.live);
        ws.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
      }, PING_EVERY);
    };
    ws.onmessage = (event) => {
      this.lastFrameAt = Date.now();
      let frame: ServerFrame;
      try {
        frame = JSON.parse(String(event.data)) as ServerFrame;
      } catch {
        return;
      }
      this.handle(frame);
    };
    // A socket the page's CSP blocks fires only `error` (Chromium), so both events end it.
    ws.onclose = ws.onerror = () => {
      if (this.ws === ws) this.lost(this.live);
    };
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'history': {
        const first = !this.live;
        this.merge(frame.messages, true);
        this.setState(frame);
        if (frame.messages.length >= HISTORY_PAGE) {
          this.ws?.send(JSON.stringify({ type: 'resume', lastSeq: this.cursor } satisfies ClientFrame));
          return;
        }
        if (first) {
          this.live = true;
          this.failures = 0;
          this.attempt = 0;
          if (this.mode === 'http') {
            this.mode = 'ws';
            clearTimeout(this.timers.poll);
            rememberHttp(false);
          }
          this.set({ problem: null });
        }
        return this.flush();
      }
      case 'message':
        return this.merge([frame.message], true);
      case 'ack':
        return this.acked(frame.clientId, frame.seq);
      case 'typing':
        clearTimeout(this.timers.typing);
        if (frame.on) this.timers.typing = setTimeout(() => this.set({ typing: false }), 30_000);
        return this.set({ typing: frame.on, typingName: frame.name ?? null });
      case 'status':
        return this.setState(frame);
      case 'seen':
        return this.set({ seenSeq: Math.max(this.state.seenSeq, frame.seq) });
      case 'error':
        if (frame.clientId) return this.refused(frame.clientId, frame.code);
        return this.set({ problem: frame.code === 'rate_limited' ? 'too_fast' : 'failed' });
      default:
        return;
    }
  }

  private dropSocket(): void {
    const ws = this.ws;
    clearInterval(this.timers.ping);
    this.ws = null;
    this.live = false;
    this.inflight.clear();
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close();
    } catch {
      // already closed
    }
  }

  /** The socket closed or never opened; `wasLive` if it had got as far as `history`. */
  private lost(wasLive: boolean): void {
    this.dropSocket();
    this.set({ typing: false });
    if (this.dead || !this.saved) return;
    if (wasLive) this.attempt = 0;
    else if (navigator.onLine) this.failures++; // being offline is no reason to give up on sockets
    if (this.mode === 'ws' && this.failures >= 3) {
      this.mode = 'http';
      rememberHttp(true);
      void this.poll();
    }
    // A dropped socket usually comes back at once; say "Reconnecting…" only when it doesn't.
    if (this.mode === 'ws')
      this.set({ problem: !navigator.onLine ? 'offline' : this.failures ? 'reconnecting' : this.state.problem });
    // In HTTP mode the socket is retried once a minute; polling carries the conversation meanwhile.
    clearTimeout(this.timers.retry);
    this.timers.retry = setTimeout(() => this.connect(), this.mode === 'http' ? 60_000 : this.backoff());
  }

  private backoff(): number {
    const ceiling = Math.min(MAX_BACKOFF, 1000 * 2 ** this.attempt++);
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private onOnline = (): void => {
    this.attempt = 0;
    if (this.state.problem === 'offline') this.set({ problem: null });
    if (!this.saved) {
      if (this.outbox.length) void this.begin();
      return;
    }
    if (this.mode === 'http') void this.poll();
    if (!this.ws) this.connect();
  };

  private onOffline = (): void => {
    if (!this.saved) return;
    // The socket may look open for minutes after the network went; start over when it is back.
    if (this.ws) this.lost(this.live);
    this.set({ problem: 'offline' });
  };

  // ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

  private async poll(): Promise<void> {
    clearTimeout(this.timers.poll);
    const saved = this.saved;
    if (!saved || this.dead || this.mode !== 'http') return;
    let again = this.open ? 3000 : 15_000;
    try {
      const res = await this.http<HistoryResponse>(
        'GET',
        `${this.base(saved)}/messages?after=${this.cursor}`,
        undefined,
        saved.resumeToken,
      );
      if (this.saved !== saved) return;
      // Back after an outage: the socket may work again too, so try it now rather than in a minute.
      if (this.state.problem === 'unreachable' || this.state.problem === 'offline') this.connect();
      this.merge(res.messages, true);
      this.setState(res);
      this.set({ problem: null });
      if (res.messages.length >= HISTORY_PAGE) again = 0;
      await this.flushHttp();
    } catch (err) {
      if (err instanceof HttpError && (err.status === 401 || err.status === 404)) return this.restart();
      this.set({ problem: navigator.onLine ? 'unreachable' : 'offline' });
    }
    if (this.mode === 'http' && this.saved === saved && !this.dead)
      this.timers.poll = setTimeout(() => void this.poll(), again);
  }

  private fetchConfig(): void {
    this.http<{ config?: WidgetConfig }>('GET', configUrl(this.opts.origin, this.opts.siteKey))
      .then((res) => res.config && this.gotConfig(res.config))
      .catch((err: unknown) => {
        if (err instanceof HttpError && err.status >= 400 && err.status < 500) this.set({ problem: 'unavailable' });
        else if (!this.saved) this.set({ problem: navigator.onLine ? 'unreachable' : 'offline' });
      });
  }

  private gotConfig(config: WidgetConfig): void {
    this.set({ config });
    try {
      localStorage.setItem(
        configKey(this.opts.siteKey),
        JSON.stringify({ at: Date.now(), lang: navigator.language, config } satisfies CachedConfig),
      );
    } catch {
      // not cached, fine
    }
  }

  private async http<T>(method: 'GET' | 'POST', url: string, body?: object, token?: string): Promise<T> {
    const headers: Record<string, string> = {};
    if (body) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(url, { method, headers, body: body && JSON.stringify(body), credentials: 'omit' });
    if (!res.ok) {
      const data = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      throw new HttpError(res.status, data?.error?.code ?? 'http_error');
    }
    return (await res.json()) as T;
  }
}
