// One Durable Object per conversation (named `${accountId}:${conversationId}`): the ordered message
// log in SQLite, the shopper's hibernatable WebSockets, the Customer Agent's turns and the idle
// resolution alarm. Every message is stored before it is acknowledged; a client id makes a retried
// message a no-op; everything the object knows is in storage, so hibernation or a restart loses nothing.
// Refusals are values (worker/platform/results.ts), never exceptions, and nothing runs inside
// blockConcurrencyWhile: a handoff is serialised by a marker kept in storage instead, so a refusal or
// a failing D1 call can never reset the object or close the shopper's socket.
// The decisions are the engine's (./engine.ts, pure): this object reads its state, hands the engine
// one input, and applies the Step it returns (messages, meta, outbox effects, socket frames, alarm) in
// one synchronous storage step; it also runs what needs I/O (the Customer Agent, the handoff).
import { DurableObject } from 'cloudflare:workers';
import { openDb, type Database } from '../db/client';
import type { Channel, Helpdesk } from '../db/schema';
import {
  clientFrame,
  MAX_FRAME_BYTES,
  MAX_FRAMES_PER_SECOND,
  type HistoryResponse,
  type ServerFrame,
  type WireMessage,
} from '../protocol/widget';
import { z } from 'zod';
import { ConversationLog, type ConversationMeta } from './log';
import { readVersionedSettings, type VersionedSettings } from '../settings/store';
import { HELD_SETTINGS_TTL_MS, HeldSettings, type SettingsFreshness } from '../settings/held';
import type { AccountSettings } from '../settings/schema';
import { publicOriginOf, retrieverFromEnv, runCustomerAgent, type AgentTurn } from '../agent';
import { clientAddress } from '../platform/client-address';
import { emailHandoffLimit } from '../channels/web-chat/limits';
import { accountLlm } from '../settings/llm-credentials';
import { emailProfile, profileEmail } from '../conversations/profiles';
import { handOff, type HandoffContact } from '../handoff/handoff';
import { CONTINUE_BY_EMAIL_OFF, continueByEmailOffered } from '../handoff/decide';
import { newId } from '../ids';
import { OutboxFlusher, SqlOutbox } from '../platform/sql-outbox';
import { ArmedAlarm, OUTBOX_BACKSTOP_MS } from '../platform/alarm';
import { applyEffects, type RoomEffect } from './effects';
import {
  inboundMessage,
  participant,
  type InboundMessage,
  type Participant,
  type WhatsAppTemplateRef,
} from './contract';
import { errorFrameOf, ok, refuse, type Refusal, type Result } from '../platform/results';
import * as engine from './engine';
import type { EngineState, RoomRefusal, Step } from './engine';

export type { RoomRefusal } from './engine';

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
  /** Email, SMS, WhatsApp: the participant's email-only or phone-only (unverified) profile, a ticket's requester profile. */
  contactProfileId?: string | null;
  /** Email channel: the thread's subject (a handoff's ticket subject). */
  subject?: string | null;
  /** A conversation that starts with a teammate: a web-chat shopper's "continue by email" ticket. */
  handedOff?: { ticketId: string; helpdesk: Helpdesk } | null;
  /** The account's settings as the starting Worker read them: the room holds them (worker/settings/held.ts). */
  settings?: VersionedSettings;
}

/**
 * What the Worker read with a message's lookup, at no extra round trip: the settings version (the held
 * copy is refreshed when older) and the content version (the agent's cached snapshot is used without a
 * D1 read when current). Either may be missing; the room then decides as worker/settings/held.ts says.
 */
const knownVersions = z.object({
  settingsVersion: z.number().int().min(0).optional(),
  contentVersion: z.number().int().min(0).optional(),
});
export type KnownVersions = z.infer<typeof knownVersions>;

/** Result of a shopper message: its acknowledgement and every message stored because of it. */
export interface SendOutcome {
  ack: { clientId: string; seq: number };
  messages: WireMessage[];
}

/** RPC results: refusals travel as values, since custom error classes do not survive the RPC boundary. */
export type RoomResult<T> = Result<T, RoomRefusal>;

/** How long a handoff marker holds off a second one; a marker older than this was left by a restart. */
const HANDOFF_MARKER_MS = 60_000;
/** A handoff that failed on D1 or the Dispatcher is tried again by the alarm after this long. */
const HANDOFF_RETRY_MS = 2_000;
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
  /** Arming on every step costs nothing while a moment no later is armed (see ArmedAlarm). */
  private readonly alarmClock: ArmedAlarm;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.log = new ConversationLog(ctx.storage.sql);
    this.db = openDb(env.DB);
    this.effects = new SqlOutbox<RoomEffect>(ctx.storage.sql, 'effects');
    this.alarmClock = new ArmedAlarm(ctx.storage);
    this.flusher = new OutboxFlusher(this.effects, {
      label: 'ConversationRoom',
      batch: EFFECTS_BATCH,
      apply: (items) => applyEffects(this.env, this.db, items),
      retryAt: (at) => this.armAlarm(at),
      waitUntil: (work) => ctx.waitUntil(work),
    });
    // `this.db` is read at call time (the fault tests swap it for a failing binding).
    this.settings = new HeldSettings(
      ctx.storage.sql,
      (accountId) => readVersionedSettings(this.db, accountId),
      (work) => ctx.waitUntil(work),
    );
    // Pings are answered by the runtime without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  // ── RPC from the Worker ──────────────────────────────────────────────────────────────────────

  /** Idempotent: a second start with the same conversation changes nothing. */
  async start(init: StartConversation): Promise<void> {
    if (init.settings) this.settings.offer(init.settings);
    if (this.log.meta()) return;
    const participant = init.participant ?? null;
    const resumeTokenHash =
      init.resumeTokenHash ?? (participant?.channel === 'web_chat' ? participant.resumeTokenHash : '');
    const { handedOff, subject, contactProfileId, settings: _settings, ...rest } = init;
    this.log.saveMeta({
      ...rest,
      resumeTokenHash,
      participant,
      status: handedOff ? 'escalated' : 'open',
      skill: null,
      tags: [],
      missesInARow: 0,
      escalations: handedOff ? 1 : 0,
      startedAt: Date.now(),
      lastShopperAt: null,
      answered: false,
      contactProfileId: contactProfileId ?? null,
      subject: subject ?? null,
      ticketId: handedOff?.ticketId ?? null,
      helpdesk: handedOff?.helpdesk ?? null,
      continuation: handedOff ? 'web_chat' : null,
    });
  }

  async history(tokenHash: string, after: number): Promise<RoomResult<HistoryResponse>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    return ok({ messages: this.log.after(after), ...engine.widgetState(meta.value) });
  }

  /** `known`: the versions the Worker read with this request's lookup (see KnownVersions). */
  async send(
    tokenHash: string,
    clientId: string,
    text: string,
    known: KnownVersions = {},
  ): Promise<RoomResult<SendOutcome>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const accepted = await this.acceptShopperMessage(clientId, text);
    if (!accepted.ok) return accepted;
    const { ack, message } = accepted.value;
    if (!message) return ok({ ack, messages: this.log.after(ack.seq) });
    const versions = knownVersions.parse(known);
    const replies = await this.respond(text, { version: versions.settingsVersion }, versions.contentVersion);
    this.flusher.flushInBackground();
    return ok({ ack, messages: [message, ...replies] });
  }

  /**
   * What a shopper message with `clientId` already got (its ack and the message), or null when there is
   * none; proves the token. A retried file upload answers with this instead of storing the file again.
   */
  async earlier(tokenHash: string, clientId: string): Promise<RoomResult<SendOutcome | null>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const message = this.log.byClientId(clientId);
    return ok(message ? { ack: { clientId, seq: message.seq }, messages: [message] } : null);
  }

  /**
   * A file the shopper attached in the widget (already stored; see channels/web-chat/files.ts): a
   * shopper message whose text names it and whose `link` is where it is served. Idempotent by
   * clientId; the agent does not answer a file, a teammate who has the conversation sees it.
   */
  async attach(tokenHash: string, clientId: string, text: string, link: string): Promise<RoomResult<SendOutcome>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const accepted = await this.acceptShopperMessage(clientId, text, link);
    if (!accepted.ok) return accepted;
    await this.flusher.flush();
    return ok({
      ack: accepted.value.ack,
      messages: accepted.value.message ? [accepted.value.message] : this.log.after(accepted.value.ack.seq - 1),
    });
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
    const accepted = await this.acceptShopperMessage(inbound.clientId, inbound.text, null, inbound.otherSender ?? null);
    if (!accepted.ok) return accepted;
    const { ack, message } = accepted.value;
    if (!message) return ok({ ack, messages: this.log.after(ack.seq) });
    // Someone else wrote into the participant's thread: kept (marked) for the team, never answered for them.
    const replies = inbound.otherSender ? [] : await this.respond(inbound.text, { version: settingsVersion });
    this.flusher.flushInBackground();
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
    return ok(
      await this.flushed(
        this.serialisedHandoff({ escalation: pending, clientId: null, email: null, ticketId: newId() }),
      ),
    );
  }

  /**
   * `address`: the shopper's client address (worker/platform/client-address.ts), for the per-address
   * limit; `settingsVersion`: the version the Worker saw (whether the store continues by email may have changed).
   */
  async handoffEmail(
    tokenHash: string,
    clientId: string,
    email: string,
    address: string | null,
    settingsVersion?: number,
  ): Promise<RoomResult<WireMessage[]>> {
    const meta = this.authorized(tokenHash);
    if (!meta.ok) return meta;
    const result = await this.continueByEmail(clientId, email, address, { version: settingsVersion });
    await this.flusher.flush();
    return result;
  }

  /**
   * A teammate's reply to `ticketId` (inbox or helpdesk webhook). Idempotent by clientId; reaches the
   * shopper live. Refused for a ticket whose conversation moved to email — also after that ticket was
   * closed or reopened: a shopper who left an email address (never verified) gets replies only there.
   * With `unlessRepliedAfter` (the last seq the teammate had seen when their draft began), refused when
   * another teammate replied after it — checked and stored in one synchronous step, so two teammates
   * sending at once cannot both miss each other. Teammates are told apart by member id (`authorId`), not
   * by name (two can share one); a reply without a recorded id (a help desk's) always counts as another's.
   */
  async postHumanReply(input: {
    ticketId: string;
    clientId: string;
    text: string;
    authorName: string;
    /** The inbox member who wrote it; absent or null: not a member (a help desk's agent). */
    authorId?: string | null;
    link?: string | null;
    unlessRepliedAfter?: number | null;
    template?: WhatsAppTemplateRef;
  }): Promise<RoomResult<WireMessage>> {
    const seen = this.log.byClientId(input.clientId);
    if (seen) return ok(seen);
    const started = this.started();
    if (!started.ok) return started;
    const since = input.unlessRepliedAfter;
    const authorId = input.authorId ?? null;
    const other =
      since == null
        ? undefined
        : this.log.humanRepliesAfter(since).find((x) => x.authorId === null || x.authorId !== authorId);
    const decided = engine.humanReply(this.state(), {
      ticketId: input.ticketId,
      clientId: input.clientId,
      text: input.text,
      authorName: input.authorName,
      link: input.link ?? null,
      repliedMeanwhile: other ? (other.authorName ?? 'A teammate') : null,
      now: Date.now(),
      template: input.template,
    });
    if (!decided.ok) return decided;
    if (authorId) this.log.recordAuthor(decided.value.message.seq, authorId);
    await this.apply(decided.value.step);
    // Flushed before answering: off web chat the reply's delivery is queued right away, and its copy for
    // search and the rows' preview is written.
    await this.flusher.flush();
    return ok(decided.value.message);
  }

  /**
   * The team closed the conversation's ticket: the Customer Agent takes over again, and a later
   * escalation is a re-escalation (its owner is that ticket's assignee).
   */
  async ticketClosed(ticketId: string): Promise<RoomResult<null>> {
    const started = this.started();
    if (!started.ok) return started;
    // Ask for a rating once per ticket (a repeated close, or a reopen and close, asks no more).
    const ratingAsked = !!this.log.byClientId(engine.csatClientId(ticketId));
    await this.apply(engine.ticketClosed(this.state(), { ticketId, ratingAsked, now: Date.now() }));
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
    if (
      m.channel !== 'web_chat' ||
      m.ticketId !== input.ticketId ||
      m.status !== 'escalated' ||
      m.continuation === 'email'
    )
      return;
    this.broadcast(
      input.name === null ? { type: 'typing', on: false } : { type: 'typing', on: true, name: input.name.slice(0, 80) },
    );
  }

  /**
   * A teammate has the conversation open in the inbox (told by the Dispatcher when a ticket view opens,
   * and for each shopper message arriving while one is open): the shopper's messages up to `seq` (null:
   * everything so far) show "Seen". Nothing else changes; a repeat or an older seq is a no-op.
   */
  async teamSaw(input: { seq: number | null }): Promise<void> {
    const parsed = teamSawInput.safeParse(input);
    if (!parsed.success || !this.log.meta()) return;
    await this.apply(engine.seen(this.state(), parsed.data.seq ?? this.log.lastSeq(), Date.now()));
  }

  /** A notice from Baton itself (e.g. "delivery is delayed"). Idempotent by clientId. */
  async postSystemNotice(input: { clientId: string; text: string }): Promise<RoomResult<WireMessage>> {
    const seen = this.log.byClientId(input.clientId);
    if (seen) return ok(seen);
    const started = this.started();
    if (!started.ok) return started;
    const [stored] = await this.apply(engine.notice(this.state(), input.text, input.clientId, Date.now()));
    await this.flusher.flush();
    return ok(stored!);
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
    const attachment: SocketAttachment = {
      role: 'shopper',
      windowStart: Date.now(),
      frames: 0,
      address: clientAddress(request.headers),
    };
    server.serializeAttachment(attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    if (typeof raw !== 'string') return sendFrame(ws, errorFrame('bad_frame', 'Frames must be JSON text'));
    if (raw.length > MAX_FRAME_BYTES)
      return sendFrame(ws, errorFrame('frame_too_large', `Frames must be under ${MAX_FRAME_BYTES} bytes`));
    if (!this.withinFrameRate(ws)) {
      return sendFrame(
        ws,
        errorFrame('rate_limited', `More than ${MAX_FRAMES_PER_SECOND} frames in a second; slow down`),
      );
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
        return sendFrame(ws, {
          type: 'history',
          messages: this.log.after(frame.lastSeq),
          ...engine.widgetState(started.value),
        });
      case 'message': {
        const accepted = await this.acceptShopperMessage(frame.clientId, frame.text);
        if (!accepted.ok) return refused(accepted);
        sendFrame(ws, { type: 'ack', ...accepted.value.ack });
        // No Worker hop carried the versions: the held settings and the isolate's content snapshot are
        // used if checked within HELD_SETTINGS_TTL_MS (no D1 read per message; a save reaches the socket within that).
        if (accepted.value.message) await this.respond(frame.text, {}, undefined, HELD_SETTINGS_TTL_MS);
        this.flusher.flushInBackground();
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
        const result = await this.continueByEmail(frame.clientId, frame.email, address);
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
    this.alarmClock.fired();
    await this.flusher.flush();
    const retry = this.log.meta()?.handoffRetry;
    if (retry) await this.flushed(this.serialisedHandoff(retry));
    const meta = this.log.meta();
    const now = Date.now();
    const due: number[] = [];
    const effectsDue = this.flusher.retryDue(now);
    if (effectsDue !== null) due.push(effectsDue);
    if (meta?.handoffRetry) due.push(now + HANDOFF_RETRY_MS);
    // The held copy says when the conversation goes idle; D1 is read only once that moment has come (the
    // minutes may have changed since): the backstop alarm after every burst of messages reads nothing.
    const held = meta ? this.settings.peek() : null;
    const heldIdleAt = meta && held ? engine.idleResolveAt(meta, held.agent.idleResolveMinutes) : null;
    if (heldIdleAt !== null && now < heldIdleAt) due.push(heldIdleAt);
    else if (meta && engine.idleResolveAt(meta, 0) !== null) {
      try {
        const settings = await this.settings.get(meta.accountId, { fresh: true });
        const idleAt = engine.idleResolveAt(this.current(), settings.agent.idleResolveMinutes);
        if (idleAt !== null && now >= idleAt) await this.flushed(this.apply(engine.resolveIdle(this.state(), now)));
        else if (idleAt !== null) due.push(idleAt);
      } catch (err) {
        console.error(
          'ConversationRoom: could not read settings for idle resolution; trying again',
          err instanceof Error ? err.message : String(err),
        );
        due.push(now + HANDOFF_RETRY_MS);
      }
    }
    await this.alarmClock.armSoonest(due);
  }

  // ── Conversation logic ───────────────────────────────────────────────────────────────────────

  private async acceptShopperMessage(
    clientId: string,
    text: string,
    link: string | null = null,
    otherSender: string | null = null,
  ): Promise<RoomResult<{ ack: { clientId: string; seq: number }; message: WireMessage | null }>> {
    const existing = this.log.byClientId(clientId);
    if (existing) return ok({ ack: { clientId, seq: existing.seq }, message: null });
    const now = Date.now();
    const accepted = engine.acceptShopperMessage(this.state(), {
      clientId,
      text,
      link,
      now,
      recent: this.log.countSince('shopper', now - 60_000),
      otherSender,
    });
    if (!accepted.ok) return accepted;
    await this.apply(accepted.value.step);
    const { message } = accepted.value;
    return ok({ ack: { clientId, seq: message.seq }, message });
  }

  /** Runs the Customer Agent on a shopper message unless a human has the conversation. */
  private async respond(
    text: string,
    freshness: SettingsFreshness = {},
    contentVersion?: number,
    contentMaxAgeMs?: number,
  ): Promise<WireMessage[]> {
    const meta = this.current();
    if (meta.status === 'escalated') return [];
    await this.apply(engine.seen(this.state(), this.log.lastSeq(), Date.now())); // the Customer Agent reads the message now
    let settings: AccountSettings;
    try {
      settings = await this.settings.get(meta.accountId, freshness);
    } catch (err) {
      return this.agentUnavailable(err);
    }
    // "Typing…" only for a turn that waits on the network (LLM phrasing, semantic retrieval): one answered
    // from the in-memory index takes milliseconds, and two more frames per message cost every socket.
    const slow = settings.llm.enabled || settings.agent.retriever === 'semantic';
    if (slow) this.broadcast({ type: 'typing', on: true });
    try {
      let turn: AgentTurn;
      try {
        // The email channel's own setting: new emails go straight to the team.
        if (meta.channel === 'email' && settings.channels.email.answeredBy === 'team')
          return await this.escalate('email for the team', 'email_channel', null);
        turn = await runCustomerAgent({
          db: this.db,
          accountId: meta.accountId,
          settings,
          text,
          profileId: meta.profileId,
          missesInARow: meta.missesInARow,
          llm: await accountLlm(this.env, this.db, meta.accountId, settings),
          retriever: retrieverFromEnv(settings, this.env, meta.accountId),
          publicOrigin: publicOriginOf(this.env),
          contentVersion,
          contentMaxAgeMs,
        });
      } catch (err) {
        return this.agentUnavailable(err);
      }
      if (turn.kind === 'escalate') return await this.escalate(turn.reason, turn.rule, null);
      return await this.apply(
        engine.agentReplied(this.state(), {
          turn,
          agentName: settings.general.agentName,
          idleMinutes: settings.agent.idleResolveMinutes,
          now: Date.now(),
        }),
      );
    } finally {
      if (slow) this.broadcast({ type: 'typing', on: false });
    }
  }

  /** D1 (settings, retrieval) failed: the shopper's message is stored; say so instead of failing it. */
  private agentUnavailable(err: unknown): Promise<WireMessage[]> {
    console.error(
      'ConversationRoom: the Customer Agent could not run',
      err instanceof Error ? err.message : String(err),
    );
    return this.apply(engine.agentUnavailable(this.state(), Date.now()));
  }

  /**
   * A rule fired or the shopper asked for a person. Two presses arriving together must not create two
   * tickets: the second finds the first's handoff marker and adds nothing.
   */
  private escalate(reason: string, rule: string, clientId: string | null): Promise<WireMessage[]> {
    if (clientId && this.log.byClientId(clientId)) return Promise.resolve([]); // a retried "Talk to a person" press
    if (this.current().status === 'escalated') {
      return this.apply(engine.notice(this.state(), engine.ALREADY_ESCALATED, clientId, Date.now()));
    }
    return this.serialisedHandoff({ escalation: { reason, rule }, clientId, email: null, ticketId: newId() });
  }

  /**
   * An anonymous shopper at a web-chat handoff chose to continue by email. What the room refuses (a
   * retried press, nothing pending, the store cannot email) is refused before the rate limit is asked:
   * the limiting binding cannot give a slot back, so only an attempt that goes ahead takes one.
   */
  private async continueByEmail(
    clientId: string,
    email: string,
    address: string | null,
    freshness: SettingsFreshness = {},
  ): Promise<RoomResult<WireMessage[]>> {
    const refusal = await this.emailHandoffRefusal(clientId, freshness);
    if (refusal) return refusal === 'done' ? ok([]) : refusal;
    const limited = await emailHandoffLimit(this.env, address, this.current().accountId);
    if (limited) return limited;
    // Asked again: the limit was awaited, and another request may have taken the pending handoff meanwhile.
    const again = await this.emailHandoffRefusal(clientId, freshness);
    if (again) return again === 'done' ? ok([]) : again;
    const pending = this.current().pendingHandoff!;
    return ok(await this.serialisedHandoff({ escalation: pending, clientId, email, ticketId: newId() }));
  }

  /** Why a continue-by-email press does not go ahead ('done': it already did, or one is running), or null. */
  private async emailHandoffRefusal(
    clientId: string,
    freshness: SettingsFreshness,
  ): Promise<'done' | Refusal<RoomRefusal> | null> {
    if (this.log.byClientId(clientId)) return 'done';
    const meta = this.current();
    if (!meta.pendingHandoff) return refuse('no_pending_handoff', 'There is no handoff waiting for an email address');
    if (meta.handoffStartedAt && Date.now() - meta.handoffStartedAt < HANDOFF_MARKER_MS) return 'done';
    const settings = await this.settings.get(meta.accountId, freshness);
    if (!continueByEmailOffered(settings)) return refuse('email_channel_off', CONTINUE_BY_EMAIL_OFF);
    return null;
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
      console.error(
        'ConversationRoom: handoff failed; the alarm runs it again',
        err instanceof Error ? err.message : String(err),
      );
      // Answer the press once; the retry's messages reach the shopper live and in the history.
      const answered =
        attempt.clientId && !this.log.byClientId(attempt.clientId)
          ? await this.apply(engine.notice(this.state(), engine.HANDOFF_DELAYED, attempt.clientId, now))
          : [];
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
      // On SMS/WhatsApp the ticket's profile is the number's phone profile (unverified, no email).
      const p = meta.participant;
      contact =
        p?.channel === 'email'
          ? { email: p.address, profileId: meta.contactProfileId ?? null, byEmail: false }
          : p?.channel === 'sms' || p?.channel === 'whatsapp'
            ? { email: null, profileId: meta.contactProfileId ?? null, byEmail: false }
            : { email: verifiedEmail, profileId: meta.profileId, byEmail: false };
    }
    const outcome = await handOff(
      this.env,
      this.db,
      held,
      {
        accountId: meta.accountId,
        conversationId: meta.conversationId,
        channel: meta.channel,
        verifiedProfileId: meta.profileId,
        tags: meta.tags,
        language: meta.language ?? null,
        subject: meta.subject || (this.log.firstShopperText()?.slice(0, 120) ?? 'Conversation with the Customer Agent'),
        history: () => this.log.after(0, 500),
      },
      contact,
      escalation,
      attempt.ticketId,
      now,
    );

    return this.apply(
      engine.handoffOutcome(this.state(), {
        outcome,
        escalation,
        clientId,
        agentName: settings.general.agentName,
        now,
        earlier: this.log.after(0, 10_000),
      }),
    );
  }

  private async handleFeedback(clientId: string, resolved: boolean): Promise<WireMessage[]> {
    if (this.log.byClientId(clientId)) return []; // a retried answer
    return this.apply(engine.feedback(this.state(), { clientId, resolved, now: Date.now() }));
  }

  // ── Helpers ──────────────────────────────────────────────────────────────────────────────────

  /** What the engine decides from: the meta and where the log stands. */
  private state(): EngineState {
    return { meta: this.current(), lastSeq: this.log.lastSeq(), messageCount: this.log.count() };
  }

  /**
   * Applies an engine Step: the messages, the meta and the outbox effects in one synchronous storage
   * step (no await before the last write, so nothing interleaves and a crash keeps all or none), then
   * the frames to live sockets and the alarm. Returns the messages appended.
   */
  private async apply(step: Step): Promise<WireMessage[]> {
    for (const message of step.messages) this.log.insert(message);
    if (step.metaChanged) this.log.saveMeta(step.meta);
    this.effects.enqueueAll(step.effects);
    for (const frame of step.frames) this.broadcast(frame);
    // The alarm is the backstop for effects whose flush a restart interrupts (the reply path does not wait for it).
    const at = step.effects.length > 0 ? Date.now() + OUTBOX_BACKSTOP_MS : null;
    await this.alarmClock.armSoonest([step.alarmAt, at].filter((t): t is number => t !== null));
    return step.messages;
  }

  /** Applies the effects of the work just done before answering; a failure only delays them. */
  private async flushed<T>(work: Promise<T>): Promise<T> {
    const value = await work;
    await this.flusher.flush();
    return value;
  }

  /** Arms the alarm for `at` unless it is already due sooner (the alarm re-arms what is still ahead). */
  private armAlarm(at: number): Promise<void> {
    return this.alarmClock.arm(at);
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
    if (!tokenHash || tokenHash !== meta.value.resumeTokenHash)
      return refuse('unauthorized', 'The resume token does not match this conversation');
    return meta;
  }

  /** Read-modify-write of the meta row with no await in between, so interleaved events can't clobber it. */
  private updateMeta(change: (meta: ConversationMeta) => void): ConversationMeta {
    const meta = this.current();
    change(meta);
    this.log.saveMeta(meta);
    return meta;
  }

  private withinFrameRate(ws: WebSocket): boolean {
    const now = Date.now();
    const a = (ws.deserializeAttachment() as SocketAttachment | null) ?? {
      role: 'shopper',
      windowStart: now,
      frames: 0,
    };
    if (now - a.windowStart >= 1000) {
      a.windowStart = now;
      a.frames = 0;
    }
    a.frames += 1;
    ws.serializeAttachment(a);
    return a.frames <= MAX_FRAMES_PER_SECOND;
  }

  /** Messages up to `seq` were seen by whoever answers: kept in meta (for every history) and told live. */
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

function sameParticipant(known: Participant | null, from: Participant): boolean {
  // Web chat proves the participant with its resume token on its own paths, never here.
  const a = engine.deliveryAddress(known);
  const b = engine.deliveryAddress(from);
  return !!a && !!b && a.channel === b.channel && a.address === b.address;
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

const teamSawInput = z.object({ seq: z.number().int().min(1).nullable() });
