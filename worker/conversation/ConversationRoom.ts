// One Durable Object per conversation (named `${accountId}:${conversationId}`): the ordered message
// log in SQLite, the shopper's hibernatable WebSockets, the Customer Agent's turns and the idle
// resolution alarm. Every message is stored before it is acknowledged; a client id makes a retried
// message a no-op; everything the object knows is in storage, so hibernation or a restart loses nothing.
// Refusals are values (worker/platform/results.ts), never exceptions, and nothing runs inside
// blockConcurrencyWhile: a handoff is serialised by a marker kept in storage instead, so a refusal or
// a failing D1 call can never reset the object or close the shopper's socket.
import { DurableObject } from 'cloudflare:workers';
import { openDb, type Database } from '../db/client';
import type { Channel, Helpdesk } from '../db/schema';
import {
  clientFrame,
  MAX_FRAME_BYTES,
  MAX_FRAMES_PER_SECOND,
  MAX_MESSAGES_PER_MINUTE,
  type ConversationStatus,
  type ServerFrame,
  type WireMessage,
} from '../protocol/widget';
import { ConversationLog, type ConversationMeta, type NewMessage } from './log';
import { readVersionedSettings, type VersionedSettings } from '../settings/store';
import { HeldSettings, type SettingsFreshness } from '../settings/held';
import type { AccountSettings } from '../settings/schema';
import { publicOriginOf, retrieverFromEnv, runCustomerAgent, type AgentTurn } from '../agent';
import { clientAddress } from '../platform/client-address';
import { emailHandoffLimit } from '../channels/web-chat/limits';
import { accountLlm } from '../settings/llm-credentials';
import { EVENT, type EventInput } from '../events/record';
import type { ConversationPatch } from '../conversations/index-row';
import { emailProfile, profileEmail } from '../conversations/profiles';
import { handOff, type HandoffContact } from '../handoff/handoff';
import { newId } from '../ids';
import { OutboxFlusher, SqlOutbox } from '../platform/sql-outbox';
import { applyEffects, type RoomEffect } from './effects';
import { inboundMessage, participant, type ChannelWithSender, type InboundMessage, type Participant } from './contract';
import { errorFrameOf, ok, refuse, type Refusal, type Result } from '../platform/results';

export interface StartConversation {
  accountId: string;
  conversationId: string;
  channel: Channel;
  /** Web chat: the hash of the resume token every shopper call must carry. Other channels: omitted. */
  resumeTokenHash?: string;
  /** Who the channel identified (worker/conversation/contract.ts); email/SMS/WhatsApp replies go to them. */
  participant?: Participant;
  profileId: string | null;
  isTest: boolean;
  /** Primary language subtag reported by the widget ("de"), for routing rules. */
  language: string | null;
  /** Email channel: the participant's email-only (unverified) profile, a ticket's requester profile. */
  contactProfileId?: string | null;
  /** Email channel: the thread's subject (a handoff's ticket subject). */
  subject?: string | null;
  /** A conversation that starts with a teammate: a web-chat shopper's "continue by email" ticket. */
  handedOff?: { ticketId: string; helpdesk: Helpdesk } | null;
  /** The account's settings as the starting Worker read them: the room holds them (worker/settings/held.ts). */
  settings?: VersionedSettings;
}

/** Result of a shopper message: its acknowledgement and every message stored because of it. */
export interface SendOutcome {
  ack: { clientId: string; seq: number };
  messages: WireMessage[];
}

export type RoomRefusal = 'unauthorized' | 'not_started' | 'rate_limited' | 'conversation_closed' | 'no_pending_handoff' | 'email_continuation' | 'replied_meanwhile';

/** RPC results: refusals travel as values, since custom error classes do not survive the RPC boundary. */
export type RoomResult<T> = Result<T, RoomRefusal>;

/** How long a handoff marker holds off a second one; a marker older than this was left by a restart. */
const HANDOFF_MARKER_MS = 60_000;
/** A handoff that failed on D1 or the Dispatcher is tried again by the alarm after this long. */
const HANDOFF_RETRY_MS = 2_000;
const HANDOFF_DELAYED = 'Connecting you with our team is taking a moment longer than usual. Stay here: you will see it in this chat.';
/** Effects read per flush attempt. */
const EFFECTS_BATCH = 50;

/** One handoff to run (or run again): its ticket id is fixed when it is first decided. */
interface HandoffAttempt {
  escalation: { reason: string; rule: string };
  /** The press that asked for it, until a message answered that press. */
  clientId: string | null;
  /** Set when an anonymous shopper continues by email. */
  email: string | null;
  ticketId: string;
}

interface SocketAttachment {
  role: 'shopper';
  windowStart: number;
  frames: number;
  /** The shopper's client address at connect time, for the per-address email-handoff limit. */
  address?: string | null;
}

const SOCKET_TAG_SHOPPER = 'shopper';

export class ConversationRoom extends DurableObject<Env> {
  private readonly log: ConversationLog;
  private readonly db: Database;
  private readonly effects: SqlOutbox<RoomEffect>;
  private readonly flusher: OutboxFlusher<RoomEffect>;
  /** The account's settings, held so a reply never waits on D1 for them. */
  private readonly settings: HeldSettings;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.log = new ConversationLog(ctx.storage.sql);
    this.db = openDb(env.DB);
    this.effects = new SqlOutbox<RoomEffect>(ctx.storage.sql, 'effects');
    this.flusher = new OutboxFlusher(this.effects, {
      label: 'ConversationRoom',
      batch: EFFECTS_BATCH,
      apply: (items) => applyEffects(this.env, this.db, items),
      retryAt: (at) => this.armAlarm(at),
    });
    // `this.db` is read at call time (the fault tests swap it for a failing binding).
    this.settings = new HeldSettings(ctx.storage.sql, (accountId) => readVersionedSettings(this.db, accountId), (work) => ctx.waitUntil(work));
    // Pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  // ── RPC from the Worker ──────────────────────────────────────────────────────────────────────

  /** Idempotent: a second start with the same conversation changes nothing. */
  async start(init: StartConversation): Promise<void> {
    if (init.settings) this.settings.offer(init.settings);
    if (this.log.meta()) return;
    const participant = init.participant ?? null;
    const resumeTokenHash = init.resumeTokenHash ?? (participant?.channel === 'web_chat' ? participant.resumeTokenHash : '');
    const { handedOff, subject, contactProfileId, settings: _settings, ...rest } = init;
    this.log.saveMeta({
      ...rest, resumeTokenHash, participant, status: handedOff ? 'escalated' : 'open', skill: null, tags: [], missesInARow: 0,
      escalations: handedOff ? 1 : 0, startedAt: Date.now(), lastShopperAt: null, answered: false,
      contactProfileId: contactProfileId ?? null, subject: subject ?? null,
      ticketId: handedOff?.ticketId ?? null, helpdesk: handedOff?.helpdesk ?? null, continuation: handedOff ? 'web_chat' : null,
    });
  }

  async history(tokenHash: string, after: number): Promise<RoomResult<{ messages: WireMessage[]; status: ConversationStatus }>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    return ok({ messages: this.log.after(after), status: meta.value.status });
  }

  /** `settingsVersion`: the settings version the Worker saw with this request (held copy refreshed when older). */
  async send(tokenHash: string, clientId: string, text: string, settingsVersion?: number): Promise<RoomResult<SendOutcome>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const accepted = await this.acceptShopperMessage(meta.value, clientId, text);
    if (!accepted.ok) return accepted;
    const { ack, message } = accepted.value;
    if (!message) return ok({ ack, messages: this.log.after(ack.seq) });
    const replies = await this.respond(text, { version: settingsVersion });
    await this.flusher.flush();
    return ok({ ack, messages: [message, ...replies] });
  }

  /**
   * A file the shopper attached in the widget (already stored; see channels/web-chat/files.ts): a
   * shopper message whose text names it and whose `link` is where it is served. Idempotent by
   * clientId; the agent does not answer a file, a teammate who has the conversation sees it.
   */
  async attach(tokenHash: string, clientId: string, text: string, link: string): Promise<RoomResult<SendOutcome>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const accepted = await this.acceptShopperMessage(meta.value, clientId, text, link);
    if (!accepted.ok) return accepted;
    await this.flusher.flush();
    return ok({ ack: accepted.value.ack, messages: accepted.value.message ? [accepted.value.message] : this.log.after(accepted.value.ack.seq - 1) });
  }

  /**
   * A participant's message on a channel other than web chat (email, SMS, WhatsApp), validated and
   * identified by its channel adapter. Idempotent by the message's clientId (the provider's message
   * id). The answers are stored here and reach the participant through the channel's sender.
   */
  async receive(from: Participant, raw: InboundMessage, settingsVersion?: number): Promise<RoomResult<SendOutcome>> {
    const started = this.started();
    if (!started.ok) return started;
    const inbound = inboundMessage.parse(raw);
    if (!sameParticipant(started.value.participant ?? null, participant.parse(from))) {
      return refuse('unauthorized', 'This message is not from the participant of this conversation');
    }
    const accepted = await this.acceptShopperMessage(started.value, inbound.clientId, inbound.text);
    if (!accepted.ok) return accepted;
    const { ack, message } = accepted.value;
    if (!message) return ok({ ack, messages: this.log.after(ack.seq) });
    const replies = await this.respond(inbound.text, { version: settingsVersion });
    await this.flusher.flush();
    return ok({ ack, messages: [message, ...replies] });
  }

  async requestHuman(tokenHash: string, clientId: string): Promise<RoomResult<WireMessage[]>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    return ok(await this.flushed(this.escalate('shopper requested', 'human_request', clientId)));
  }

  async feedback(tokenHash: string, clientId: string, resolved: boolean): Promise<RoomResult<WireMessage[]>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    return ok(await this.flushed(this.handleFeedback(clientId, resolved)));
  }

  /**
   * The shopper identified (verified token): later turns and events carry the profile, and a handoff
   * that was waiting for them to sign in continues here on web chat.
   */
  async identify(tokenHash: string, profileId: string): Promise<RoomResult<WireMessage[]>> {
    const authorized = this.authorized(tokenHash);
    if (!authorized.ok) return authorized;
    const meta = this.updateMeta((m) => void (m.profileId = profileId));
    const pending = meta.pendingHandoff;
    if (!pending) return ok([]);
    return ok(await this.flushed(this.serialisedHandoff({ escalation: pending, clientId: null, email: null, ticketId: newId() })));
  }

  async handoffEmail(tokenHash: string, clientId: string, email: string): Promise<RoomResult<WireMessage[]>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const result = await this.continueByEmail(clientId, email);
    await this.flusher.flush();
    return result;
  }

  /**
   * A teammate's reply to `ticketId` (inbox or helpdesk webhook). Idempotent by clientId; reaches the
   * shopper live. Refused for a ticket whose conversation moved to email — also after that ticket was
   * closed or reopened: a shopper who left an email address (never verified) gets replies only there.
   * With `unlessRepliedAfter` (the last seq the teammate had seen when their draft began), refused when
   * another teammate replied after it — checked and stored in one synchronous step, so two teammates
   * sending at once cannot both miss each other.
   */
  async postHumanReply(input: { ticketId: string; clientId: string; text: string; authorName: string; link?: string | null; unlessRepliedAfter?: number | null }): Promise<RoomResult<WireMessage>> {
    const seen = this.log.byClientId(input.clientId);
    if (seen) return ok(seen);
    const meta = this.started();
    if (!meta.ok) return meta;
    const m = meta.value;
    if (m.emailTickets?.includes(input.ticketId) || (m.ticketId === input.ticketId && m.continuation === 'email')) {
      return refuse('email_continuation', 'This conversation continues by email; reply to the shopper by email');
    }
    if (m.status === 'closed') return refuse('conversation_closed', 'This conversation is closed; the shopper is no longer in the chat');
    const since = input.unlessRepliedAfter;
    const other = since == null ? undefined : this.log.after(since, 10_000).find((x) => x.role === 'human' && x.authorName !== input.authorName);
    if (other) return refuse('replied_meanwhile', `${other.authorName ?? 'A teammate'} replied while you were typing — send anyway?`);
    // Flushed before answering: off web chat the reply's delivery is queued right away, and its copy for
    // search and the rows' preview is written.
    return ok(await this.flushed(Promise.resolve(this.store({ role: 'human', text: input.text, clientId: input.clientId, authorName: input.authorName, cards: [], prompt: null, link: input.link ?? null }, Date.now()))));
  }

  /**
   * The team closed the conversation's ticket: the Customer Agent takes over again, and a later
   * escalation is a re-escalation (its owner is that ticket's assignee).
   */
  async ticketClosed(ticketId: string): Promise<RoomResult<null>> {
    const started = this.started();
    if (!started.ok) return started;
    const meta = started.value;
    if (meta.ticketId !== ticketId) return ok(null);
    // Web chat only: an email continuation's shopper is not in the widget to rate.
    const onWebChat = meta.channel === 'web_chat' && meta.continuation !== 'email' && meta.status !== 'closed';
    if (meta.status === 'escalated') {
      this.updateMeta((m) => {
        m.status = 'open';
        // The ticket keeps its email continuation for good: replies to it (even after a reopen) stay out of the chat.
        if (m.continuation === 'email') m.emailTickets = [...(m.emailTickets ?? []), ticketId];
        m.continuation = null;
      });
      this.broadcast({ type: 'status', status: 'open' });
    }
    // Ask for a rating once per ticket (a repeated close, or a reopen and close, asks no more).
    const clientId = `csat:${ticketId}`;
    if (onWebChat && !this.log.byClientId(clientId)) {
      this.store({ ...notice(CSAT_PROMPT, clientId), prompt: 'csat' }, Date.now());
    }
    return ok(null);
  }

  /**
   * A teammate started (`name`) or stopped (null) typing a reply on `ticketId`: the shopper's chat
   * shows "Leo is typing…". Only while that ticket is the conversation's live handoff in web chat
   * (an email continuation's shopper is not in the chat). Nothing is stored.
   */
  async teammateTyping(input: { ticketId: string; name: string | null }): Promise<void> {
    const meta = this.started();
    if (!meta.ok) return;
    const m = meta.value;
    if (m.channel !== 'web_chat' || m.ticketId !== input.ticketId || m.status !== 'escalated' || m.continuation === 'email') return;
    this.broadcast(input.name === null ? { type: 'typing', on: false } : { type: 'typing', on: true, name: input.name.slice(0, 80) });
  }

  /** A notice from Baton itself (e.g. "delivery is delayed"). Idempotent by clientId. */
  async postSystemNotice(input: { clientId: string; text: string }): Promise<RoomResult<WireMessage>> {
    const stored = this.log.byClientId(input.clientId) ?? this.store(notice(input.text, input.clientId), Date.now());
    await this.flusher.flush();
    return ok(stored);
  }

  /** The whole conversation for the server's own use (inbox, helpdesk delivery); callers scope by account. */
  async transcript(): Promise<RoomResult<{ meta: ConversationMeta; messages: WireMessage[] }>> {
    const meta = this.started();
    if (!meta.ok) return meta;
    return ok({ meta: meta.value, messages: this.log.after(0, 10_000) });
  }

  // ── WebSockets (Hibernation API) ─────────────────────────────────────────────────────────────

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    }
    const auth = this.authorized(request.headers.get('x-resume-token-hash') ?? '');
    if (!auth.ok) return Response.json({ error: { code: auth.code, message: auth.message } }, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [SOCKET_TAG_SHOPPER]);
    const attachment: SocketAttachment = { role: 'shopper', windowStart: Date.now(), frames: 0, address: clientAddress(request.headers) };
    server.serializeAttachment(attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    if (typeof raw !== 'string') return sendFrame(ws, errorFrame('bad_frame', 'Frames must be JSON text'));
    if (raw.length > MAX_FRAME_BYTES) return sendFrame(ws, errorFrame('frame_too_large', `Frames must be under ${MAX_FRAME_BYTES} bytes`));
    if (!this.withinFrameRate(ws)) {
      return sendFrame(ws, errorFrame('rate_limited', `More than ${MAX_FRAMES_PER_SECOND} frames in a second; slow down`));
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return sendFrame(ws, errorFrame('bad_frame', 'Frames must be valid JSON'));
    }
    const parsed = clientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || 'type';
      return sendFrame(ws, errorFrame('invalid_frame', `${field}: ${issue?.message ?? 'invalid'}`, clientIdOf(json)));
    }
    const frame = parsed.data;
    const refused = (refusal: Refusal) => sendFrame(ws, errorFrameOf(refusal, clientIdOf(json)));
    const started = this.started();
    if (!started.ok) return refused(started);
    switch (frame.type) {
      case 'resume':
        return sendFrame(ws, { type: 'history', messages: this.log.after(frame.lastSeq), status: started.value.status });
      case 'message': {
        const accepted = await this.acceptShopperMessage(started.value, frame.clientId, frame.text);
        if (!accepted.ok) return refused(accepted);
        sendFrame(ws, { type: 'ack', ...accepted.value.ack });
        if (accepted.value.message) await this.respond(frame.text);
        await this.flusher.flush();
        return;
      }
      case 'escalate':
        await this.flushed(this.escalate('shopper requested', 'human_request', frame.clientId));
        return;
      case 'feedback':
        await this.flushed(this.handleFeedback(frame.clientId, frame.resolved));
        return;
      case 'handoff_email': {
        const address = (ws.deserializeAttachment() as SocketAttachment | null)?.address ?? null;
        const limited = await emailHandoffLimit(this.env, address, started.value.accountId);
        if (limited) return refused(limited);
        const result = await this.continueByEmail(frame.clientId, frame.email);
        await this.flusher.flush();
        if (!result.ok) return refused(result);
        return;
      }
      case 'ping':
        return sendFrame(ws, { type: 'pong' });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // 1005/1006 carry no close frame; echoing them back is not allowed.
    ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
  }

  // ── Alarm: apply waiting effects, retry a failed handoff, resolve a conversation that went quiet ─

  override async alarm(): Promise<void> {
    await this.flusher.flush();
    const retry = this.log.meta()?.handoffRetry;
    if (retry) await this.flushed(this.serialisedHandoff(retry));
    const meta = this.log.meta();
    const now = Date.now();
    const due: number[] = [];
    const effectsDue = this.flusher.retryDue(now);
    if (effectsDue !== null) due.push(effectsDue);
    if (meta?.handoffRetry) due.push(now + HANDOFF_RETRY_MS);
    if (meta && meta.status === 'open' && meta.answered && meta.escalations === 0 && meta.lastShopperAt !== null) {
      try {
        const settings = await this.settings.get(meta.accountId);
        const idleAt = meta.lastShopperAt + settings.agent.idleResolveMinutes * 60_000;
        if (now >= idleAt) await this.flushed(this.resolve('idle'));
        else due.push(idleAt);
      } catch (err) {
        console.error('ConversationRoom: could not read settings for idle resolution; trying again', err instanceof Error ? err.message : String(err));
        due.push(now + HANDOFF_RETRY_MS);
      }
    }
    if (due.length > 0) await this.ctx.storage.setAlarm(Math.min(...due));
  }

  // ── Conversation logic ───────────────────────────────────────────────────────────────────────

  private async acceptShopperMessage(meta: ConversationMeta, clientId: string, text: string, link: string | null = null): Promise<RoomResult<{ ack: { clientId: string; seq: number }; message: WireMessage | null }>> {
    const existing = this.log.byClientId(clientId);
    if (existing) return ok({ ack: { clientId, seq: existing.seq }, message: null });
    if (meta.status === 'closed') return refuse('conversation_closed', 'This conversation is closed; start a new one');
    const now = Date.now();
    if (this.log.countSince('shopper', now - 60_000) >= MAX_MESSAGES_PER_MINUTE) {
      return refuse('rate_limited', `More than ${MAX_MESSAGES_PER_MINUTE} messages in a minute; wait a moment`);
    }
    const message = this.log.append({ role: 'shopper', text, clientId, authorName: null, cards: [], prompt: null, link }, now);
    const isFirst = meta.lastShopperAt === null;
    const updated = this.updateMeta((m) => {
      m.lastShopperAt = now;
      if (m.status === 'resolved') m.status = 'open'; // a new question reopens it
    });
    if (updated.status === 'escalated') this.forwardToHumans(updated, message);
    this.index(updated, { lastActivityAt: now, messageCount: this.log.count(), status: updated.status });
    this.indexForSearch(message);
    if (isFirst) {
      this.event(updated, {
        name: EVENT.started, occurredAt: now, idempotencyKey: `started:${updated.conversationId}`,
        properties: { ...this.eventProps(updated), firstMessage: text },
      });
    }
    this.broadcast({ type: 'message', message });
    return ok({ ack: { clientId, seq: message.seq }, message });
  }

  /** Runs the Customer Agent on a shopper message unless a human has the conversation. */
  private async respond(text: string, freshness: SettingsFreshness = {}): Promise<WireMessage[]> {
    const meta = this.current();
    if (meta.status === 'escalated') return [];
    this.broadcast({ type: 'typing', on: true });
    try {
      let settings: AccountSettings;
      let turn: AgentTurn;
      try {
        settings = await this.settings.get(meta.accountId, freshness);
        // The email channel's own setting: new emails go straight to the team.
        if (meta.channel === 'email' && settings.channels.email.answeredBy === 'team') return await this.escalate('email for the team', 'email_channel', null);
        turn = await runCustomerAgent({
          db: this.db, accountId: meta.accountId, settings, text, profileId: meta.profileId,
          missesInARow: meta.missesInARow, llm: await accountLlm(this.env, this.db, meta.accountId, settings),
          retriever: retrieverFromEnv(settings, this.env, meta.accountId), publicOrigin: publicOriginOf(this.env),
        });
      } catch (err) {
        // D1 (settings, retrieval) failed: the shopper's message is stored; say so instead of failing it.
        console.error('ConversationRoom: the Customer Agent could not run', err instanceof Error ? err.message : String(err));
        const message = this.store({ role: 'agent', text: AGENT_UNAVAILABLE, clientId: null, authorName: null, cards: [], prompt: null }, Date.now());
        this.index(meta, { lastActivityAt: message.at, messageCount: this.log.count() });
        return [message];
      }
      if (turn.kind === 'escalate') return await this.escalate(turn.reason, turn.rule, null);
      return await this.reply(turn, settings.general.agentName, settings.agent.idleResolveMinutes);
    } finally {
      this.broadcast({ type: 'typing', on: false });
    }
  }

  private async reply(turn: Extract<AgentTurn, { kind: 'reply' }>, agentName: string, idleMinutes: number) {
    const now = Date.now();
    const message = this.store({ role: 'agent', text: turn.text, clientId: null, authorName: agentName, cards: turn.cards, prompt: turn.prompt }, now);
    const meta = this.updateMeta((m) => {
      m.missesInARow = turn.missed ? m.missesInARow + 1 : 0;
      if (!turn.missed) {
        m.skill = turn.skill;
        m.tags = [...new Set([...m.tags, ...turn.tags])];
        m.answered = true;
      }
    });
    this.index(meta, { lastActivityAt: now, messageCount: this.log.count(), skill: meta.skill, tags: meta.tags });
    if (turn.cards.length > 0) {
      this.event(meta, {
        name: EVENT.recommendation, occurredAt: now, idempotencyKey: `recommendation:${meta.conversationId}:${message.seq}`,
        properties: { ...this.eventProps(meta), productIds: turn.cards.map((c) => c.id), skus: turn.cards.map((c) => c.sku) },
      });
    }
    if (meta.answered) await this.armAlarm(now + idleMinutes * 60_000);
    return [message];
  }

  /**
   * A rule fired or the shopper asked for a person. Two presses arriving together must not create two
   * tickets: the second finds the first's handoff marker and adds nothing.
   */
  private escalate(reason: string, rule: string, clientId: string | null): Promise<WireMessage[]> {
    if (clientId && this.log.byClientId(clientId)) return Promise.resolve([]); // a retried "Talk to a person" press
    if (this.current().status === 'escalated') {
      return Promise.resolve([this.store(notice('A teammate already has this conversation.', clientId), Date.now())]);
    }
    return this.serialisedHandoff({ escalation: { reason, rule }, clientId, email: null, ticketId: newId() });
  }

  /** An anonymous shopper at a web-chat handoff chose to continue by email. */
  private async continueByEmail(clientId: string, email: string): Promise<RoomResult<WireMessage[]>> {
    if (this.log.byClientId(clientId)) return ok([]);
    const pending = this.current().pendingHandoff;
    if (!pending) return refuse('no_pending_handoff', 'There is no handoff waiting for an email address');
    return ok(await this.serialisedHandoff({ escalation: pending, clientId, email, ticketId: newId() }));
  }

  /**
   * Runs one handoff at a time, and finishes every handoff it starts. Before the first await it
   * stores the attempt (with its ticket id) and a marker: a second request arriving while the first
   * waits sees the marker and adds nothing; a failure (D1, the Dispatcher) or a restart leaves the
   * attempt for the alarm, which runs it again with the same ticket id, so one handoff is one ticket.
   * An attempt already waiting takes precedence over a new one. A marker older than HANDOFF_MARKER_MS
   * was left by a restart.
   */
  private async serialisedHandoff(requested: HandoffAttempt): Promise<WireMessage[]> {
    const now = Date.now();
    const before = this.current();
    if (before.handoffStartedAt && now - before.handoffStartedAt < HANDOFF_MARKER_MS) return [];
    const attempt = before.handoffRetry ?? requested;
    this.updateMeta((m) => {
      m.handoffStartedAt = now;
      m.handoffRetry = attempt;
    });
    await this.armAlarm(now + HANDOFF_MARKER_MS); // a restart mid-handoff is picked up by the alarm
    try {
      const messages = await this.runHandoff(attempt, now);
      this.updateMeta((m) => void (m.handoffRetry = null));
      return messages;
    } catch (err) {
      console.error('ConversationRoom: handoff failed; the alarm runs it again', err instanceof Error ? err.message : String(err));
      // Answer the press once; the retry's messages reach the shopper live and in the history.
      const answered = attempt.clientId && !this.log.byClientId(attempt.clientId) ? [this.store(notice(HANDOFF_DELAYED, attempt.clientId), now)] : [];
      this.updateMeta((m) => void (m.handoffRetry = { ...attempt, clientId: null }));
      await this.armAlarm(Date.now() + HANDOFF_RETRY_MS);
      return answered;
    } finally {
      this.updateMeta((m) => void (m.handoffStartedAt = null));
    }
  }

  private async runHandoff(attempt: HandoffAttempt, now: number): Promise<WireMessage[]> {
    const { escalation, clientId } = attempt;
    const meta = this.current();
    // A handoff writes D1 anyway: it reads the current settings, the held copy only if that read fails.
    const held = await this.settings.getVersioned(meta.accountId, { fresh: true });
    const { settings } = held;
    let contact: HandoffContact;
    if (attempt.email) {
      const profileId = await emailProfile(this.db, meta.accountId, attempt.email);
      this.updateMeta((m) => void (m.contactProfileId = profileId));
      contact = { email: attempt.email, profileId, byEmail: true };
    } else {
      const verifiedEmail = meta.profileId ? await profileEmail(this.db, meta.accountId, meta.profileId) : null;
      // On email the participant's (unverified) address is the requester; it never counts as verified.
      contact = meta.participant?.channel === 'email'
        ? { email: meta.participant.address, profileId: meta.contactProfileId ?? null, byEmail: false }
        : { email: verifiedEmail, profileId: meta.profileId, byEmail: false };
    }
    const outcome = await handOff(this.env, this.db, held, {
      accountId: meta.accountId, conversationId: meta.conversationId, channel: meta.channel,
      verifiedProfileId: meta.profileId, tags: meta.tags, language: meta.language ?? null,
      subject: meta.subject || (this.log.firstShopperText()?.slice(0, 120) ?? 'Conversation with the Customer Agent'),
      history: () => this.log.after(0, 500),
    }, contact, escalation, attempt.ticketId, now);

    if (outcome.kind === 'declined') {
      const message = this.store({ role: 'agent', text: outcome.message, clientId, authorName: settings.general.agentName, cards: [], prompt: null }, now);
      this.recordOutcomeEvent(EVENT.handoffDeclined, escalation, now);
      return [message];
    }
    if (outcome.kind === 'needs_identity') {
      this.updateMeta((m) => void (m.pendingHandoff = escalation));
      return [this.store({
        role: 'system', clientId, authorName: null, cards: [], prompt: 'handoff_identity', link: outcome.signInUrl, text: outcome.message,
      }, now)];
    }

    const closes = outcome.helpdesk === 'gorgias';
    const updated = this.updateMeta((m) => {
      m.status = closes ? 'closed' : 'escalated';
      m.escalations += 1;
      m.ticketId = outcome.ticketId;
      m.pendingHandoff = null;
      m.continuation = outcome.continuation;
      m.helpdesk = outcome.helpdesk;
    });
    const [first, ...rest] = outcome.messages;
    const stored = [this.store(notice(first ?? '', clientId), now, false), ...rest.map((text) => this.store(notice(text, null), now, false))];
    // Off web chat the handoff's notices reach the participant as one message, not one each.
    this.deliver({ ...stored.at(-1)!, text: outcome.messages.join(' ') });
    this.broadcast({ type: 'status', status: updated.status });
    this.index(updated, {
      status: updated.status, escalatedAt: now, escalationReason: escalation.reason, lastActivityAt: now,
      messageCount: this.log.count(), ...(updated.contactProfileId && !updated.profileId ? { profileId: updated.contactProfileId } : {}),
    });
    this.recordOutcomeEvent(EVENT.escalated, escalation, now, { helpdesk: outcome.helpdesk, ticketId: outcome.ticketId });
    return stored;
  }

  /**
   * A shopper message in a conversation a human has: to the inbox live, or as a comment on the Zendesk
   * ticket (through the delivery queue, so a Zendesk outage loses nothing). An effect: it never fails
   * the message, which is already stored and acknowledged.
   */
  private forwardToHumans(meta: ConversationMeta, message: WireMessage): void {
    if (!meta.ticketId || meta.continuation === 'email') return;
    this.effects.enqueue({ kind: 'forward', accountId: meta.accountId, conversationId: meta.conversationId, ticketId: meta.ticketId, helpdesk: meta.helpdesk ?? null, message });
  }

  /** Conversation Escalated (a human got it) or Handoff Declined ("don't hand off"): see README, Events. */
  private recordOutcomeEvent(name: string, escalation: { reason: string; rule: string }, now: number, extra: Record<string, unknown> = {}): void {
    const meta = this.current();
    this.event(meta, {
      name, occurredAt: now,
      idempotencyKey: `${name === EVENT.escalated ? 'escalated' : 'declined'}:${meta.conversationId}:${this.log.count()}`,
      properties: { ...this.eventProps(meta), escalationReason: escalation.reason, rule: escalation.rule, skill: meta.skill, tags: meta.tags, ...extra },
    });
  }

  private async handleFeedback(clientId: string, resolved: boolean): Promise<WireMessage[]> {
    if (this.log.byClientId(clientId)) return []; // a retried answer
    const meta = this.current();
    const now = Date.now();
    if (resolved) {
      const message = this.store({ role: 'agent', text: 'Great, glad I could help!', clientId, authorName: null, cards: [], prompt: null }, now);
      if (meta.status === 'open' && meta.escalations === 0) await this.resolve('confirmed');
      return [message];
    }
    this.updateMeta((m) => void (m.missesInARow += 1));
    return [this.store(
      { role: 'agent', text: 'Sorry that didn’t help. You can rephrase your question, or talk to a person.', clientId, authorName: null, cards: [], prompt: 'offer_human' },
      now,
    )];
  }

  private async resolve(cause: 'confirmed' | 'idle'): Promise<void> {
    const before = this.current();
    if (before.status !== 'open' || before.escalations > 0) return;
    const now = Date.now();
    const meta = this.updateMeta((m) => void (m.status = 'resolved'));
    this.broadcast({ type: 'status', status: 'resolved' });
    const resolutions = this.log.count(); // unique per resolution: the log only grows
    this.index(meta, { status: 'resolved', resolvedAt: now });
    this.event(meta, {
      name: EVENT.resolved, occurredAt: now, idempotencyKey: `resolved:${meta.conversationId}:${resolutions}`,
      properties: {
        ...this.eventProps(meta), skill: meta.skill, tags: meta.tags,
        resolutionTimeSeconds: Math.round((now - meta.startedAt) / 1000), resolvedBy: cause,
      },
    });
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────────

  /** The D1 index row follows the room: an effect, written with the state change that causes it. */
  private index(meta: ConversationMeta, patch: ConversationPatch): void {
    this.effects.enqueue({ kind: 'index', accountId: meta.accountId, conversationId: meta.conversationId, patch });
  }

  /** An analytics event (none for test conversations); its idempotency key makes a repeat a no-op. */
  private event(meta: ConversationMeta, e: Pick<EventInput, 'name' | 'occurredAt' | 'idempotencyKey' | 'properties'>): void {
    if (meta.isTest) return;
    this.effects.enqueue({ kind: 'event', event: { ...this.eventBase(meta), ...e } });
  }

  /** Applies the effects of the work just done before answering; a failure only delays them. */
  private async flushed<T>(work: Promise<T>): Promise<T> {
    const value = await work;
    await this.flusher.flush();
    return value;
  }

  /** Arms the alarm for `at` unless it is already due sooner (the alarm re-arms what is still ahead). */
  private async armAlarm(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /**
   * Stores a message to the participant and sends it: live to web-chat sockets, and for a channel with
   * a sender as a delivery effect (its deliveryId fixed now), in the same synchronous step. Only the
   * agent's and teammates' messages go out that way: widget prompts (a rating, a sign-in form) and
   * notices (delivery problems, a continuation's web-chat history) stay in the transcript; a handoff
   * sends its notices as one message itself (`deliver = false` here).
   */
  private store(message: NewMessage, at: number, deliver = true): WireMessage {
    const stored = this.log.append(message, at);
    this.broadcast({ type: 'message', message: stored });
    if (deliver && (stored.role === 'agent' || stored.role === 'human') && stored.prompt !== 'csat' && stored.prompt !== 'handoff_identity') {
      this.deliver(stored);
    }
    this.indexForSearch(stored);
    return stored;
  }

  /** A delivery effect for the participant of an email/SMS/WhatsApp conversation; nothing on web chat. */
  private deliver(message: WireMessage): void {
    const meta = this.log.meta();
    const to = meta ? deliveryAddress(meta.participant ?? null) : null;
    if (!meta || !to || meta.isTest || message.role === 'shopper') return;
    this.effects.enqueue({ kind: 'deliver', delivery: {
      deliveryId: `${meta.conversationId}:${message.seq}`, accountId: meta.accountId, conversationId: meta.conversationId,
      channel: to.channel, to: to.address, seq: message.seq, role: message.role, authorName: message.authorName, text: textWithLinks(message),
    } });
  }

  /** D1 keeps a copy of each message for inbox search and the rows' preview: an effect, like the index row. */
  private indexForSearch(message: WireMessage): void {
    const meta = this.log.meta();
    if (!meta || message.role === 'system') return;
    this.effects.enqueue({ kind: 'messages', accountId: meta.accountId, conversationId: meta.conversationId, messages: [message] });
  }

  private started(): RoomResult<ConversationMeta> {
    const meta = this.log.meta();
    return meta ? ok(meta) : refuse('not_started', 'This conversation has not been started');
  }

  /** The meta of a conversation every caller has already checked is started (by started()). */
  private current(): ConversationMeta {
    const meta = this.log.meta();
    if (!meta) throw new Error('ConversationRoom: used before start (a caller skipped started())');
    return meta;
  }

  private authorized(tokenHash: string): RoomResult<ConversationMeta> {
    const meta = this.started();
    if (!meta.ok) return meta;
    if (!tokenHash || tokenHash !== meta.value.resumeTokenHash) return refuse('unauthorized', 'The resume token does not match this conversation');
    return meta;
  }

  /** Read-modify-write of the meta row with no await in between, so interleaved events can't clobber it. */
  private updateMeta(change: (meta: ConversationMeta) => void): ConversationMeta {
    const meta = this.current();
    change(meta);
    this.log.saveMeta(meta);
    return meta;
  }

  private eventBase(meta: ConversationMeta) {
    return { accountId: meta.accountId, profileId: profileOf(meta), conversationId: meta.conversationId, channel: meta.channel };
  }

  private eventProps(meta: ConversationMeta) {
    return { conversationId: meta.conversationId, channel: meta.channel, profile: profileOf(meta) };
  }

  private withinFrameRate(ws: WebSocket): boolean {
    const now = Date.now();
    const a = (ws.deserializeAttachment() as SocketAttachment | null) ?? { role: 'shopper', windowStart: now, frames: 0 };
    if (now - a.windowStart >= 1000) {
      a.windowStart = now;
      a.frames = 0;
    }
    a.frames += 1;
    ws.serializeAttachment(a);
    return a.frames <= MAX_FRAMES_PER_SECOND;
  }

  private broadcast(frame: ServerFrame): void {
    const data = JSON.stringify(frame);
    for (const ws of this.ctx.getWebSockets()) {
      try {
        ws.send(data);
      } catch {
        // A socket that is closing; it will resume from its last seq when it reconnects.
      }
    }
  }
}

/** Where a non-web-chat participant is written to; null for web chat (its sockets are the sender). */
function deliveryAddress(p: Participant | null): { channel: ChannelWithSender; address: string } | null {
  if (!p || p.channel === 'web_chat') return null;
  return p.channel === 'email' ? { channel: 'email', address: p.address } : { channel: p.channel, address: p.phone };
}

function sameParticipant(known: Participant | null, from: Participant): boolean {
  // Web chat proves the participant with its resume token on its own paths, never here.
  const a = deliveryAddress(known);
  const b = deliveryAddress(from);
  return !!a && !!b && a.channel === b.channel && a.address === b.address;
}

/** A message as plain text for channels without cards: product picks and links follow as text with URLs. */
function textWithLinks(m: WireMessage): string {
  const cards = m.cards.map((c) => `- ${c.title}${c.url ? `: ${c.url}` : ''}`);
  return [m.text, ...cards, ...(m.link ? [m.link] : [])].join('\n');
}

/** The profile events land on: the verified one, else the email-only one of an email continuation. */
function profileOf(meta: ConversationMeta): string | null {
  return meta.profileId ?? meta.contactProfileId ?? null;
}

const AGENT_UNAVAILABLE = 'Sorry, I can’t look that up right now. Please ask again in a moment, or talk to a person.';
const CSAT_PROMPT = 'How did we do? Rate your conversation from 1 to 5.';

function notice(text: string, clientId: string | null): NewMessage {
  return { role: 'system', text, clientId, authorName: null, cards: [], prompt: null };
}

function sendFrame(ws: WebSocket, frame: ServerFrame): void {
  ws.send(JSON.stringify(frame));
}

function errorFrame(code: string, message: string, clientId: string | null = null): ServerFrame {
  return { type: 'error', code, message, clientId };
}

function clientIdOf(json: unknown): string | null {
  if (json && typeof json === 'object' && 'clientId' in json && typeof json.clientId === 'string') return json.clientId;
  return null;
}
