// The conversation engine: every decision a conversation makes, with no I/O and no transport in it.
// Each function takes the conversation's state (its meta, the last message seq and count) and one
// input (a participant's message, the Customer Agent's turn, a teammate's reply, feedback, a
// handoff's outcome, a closed ticket, a quiet period) and returns a Step: the new meta, the messages
// to append (their seqs fixed here), the frames for live sockets, the effects for the outbox and the
// alarm to arm. Guarantees:
// - pure: the same state and input give the same Step (time comes in as `now`), so it is unit-tested
//   without a Durable Object (test/worker/engine.test.ts);
// - every effect's keys (event idempotency keys, delivery ids, message seqs) are fixed in the Step,
//   so the room applies it in one synchronous storage step and the flusher may repeat it safely;
// - refusals are values (worker/platform/results.ts), never exceptions.
// What stays in the room (worker/conversation/ConversationRoom.ts): storage, sockets, the outbox and
// its flusher, the alarm, running the Customer Agent and the handoff's I/O, and de-duplication by
// clientId (a lookup in the log), whose result the room passes in where a decision depends on it.
import { MAX_MESSAGES_PER_MINUTE, type HistoryResponse, type ServerFrame, type WireMessage } from '../protocol/widget';
import type { AgentTurn } from '../agent';
import type { HandoffOutcome } from '../handoff/handoff';
import type { ConversationPatch } from '../conversations/index-row';
import { EVENT, type EventInput } from '../events/record';
import { ok, refuse, type Result } from '../platform/results';
import type { ChannelWithSender, Participant, WhatsAppTemplateRef } from './contract';
import type { RoomEffect } from './effects';
import type { ConversationMeta, NewMessage } from './log';

export type RoomRefusal =
  | 'unauthorized'
  | 'not_started'
  | 'rate_limited'
  | 'conversation_closed'
  | 'no_pending_handoff'
  | 'email_channel_off'
  | 'email_continuation'
  | 'replied_meanwhile';

export interface EngineState {
  meta: ConversationMeta;
  /** The seq of the last message in the log (0 when empty): appended messages follow it. */
  lastSeq: number;
  /** Messages in the log. */
  messageCount: number;
}

/** What one input changes; the room applies it in one synchronous storage step. */
export interface Step {
  meta: ConversationMeta;
  metaChanged: boolean;
  /** To append to the log, in order, with these seqs. */
  messages: WireMessage[];
  /** To every live socket, in order, after the writes. */
  frames: ServerFrame[];
  /** To the outbox, in order. */
  effects: RoomEffect[];
  /** Arm the alarm for this moment (unless it is due sooner); null: no change. */
  alarmAt: number | null;
}

export const AGENT_UNAVAILABLE =
  'Sorry, I can’t look that up right now. Please ask again in a moment, or talk to a person.';
export const CSAT_PROMPT = 'How did we do? Rate your conversation from 1 to 5.';
export const HANDOFF_DELAYED =
  'Connecting you with our team is taking a moment longer than usual. Stay here: you will see it in this chat.';
export const ALREADY_ESCALATED = 'A teammate already has this conversation.';

/** The clientId of the rating prompt after `ticketId` closed (asked once per ticket). */
export const csatClientId = (ticketId: string) => `csat:${ticketId}`;

/** A participant's message arrived (not seen before: the room checked its clientId). */
export function acceptShopperMessage(
  state: EngineState,
  input: {
    clientId: string;
    text: string;
    link: string | null;
    now: number /** Shopper messages in the last minute. */;
    recent: number;
    /** Someone other than the participant wrote it (email: see contract.ts otherSender); null otherwise. */
    otherSender?: string | null;
  },
): Result<{ step: Step; message: WireMessage }, RoomRefusal> {
  if (state.meta.status === 'closed')
    return refuse('conversation_closed', 'This conversation is closed; start a new one');
  if (input.recent >= MAX_MESSAGES_PER_MINUTE)
    return refuse('rate_limited', `More than ${MAX_MESSAGES_PER_MINUTE} messages in a minute; wait a moment`);
  const d = new Draft(state, input.now);
  const message = d.append({
    role: 'shopper',
    text: input.otherSender ? `${otherSenderNote(input.otherSender)}\n${input.text}` : input.text,
    clientId: input.clientId,
    authorName: input.otherSender ?? null,
    cards: [],
    prompt: null,
    link: input.link,
  });
  const isFirst = d.meta.lastShopperAt === null;
  d.update((m) => {
    m.lastShopperAt = input.now;
    if (m.status === 'resolved') m.status = 'open'; // a new question reopens it
  });
  // A human has the conversation: the message goes to the inbox live, or to the Zendesk ticket as a comment.
  if (d.meta.status === 'escalated' && d.meta.ticketId && d.meta.continuation !== 'email') {
    d.effect({
      kind: 'forward',
      accountId: d.meta.accountId,
      conversationId: d.meta.conversationId,
      ticketId: d.meta.ticketId,
      helpdesk: d.meta.helpdesk ?? null,
      message,
    });
  }
  d.index({ lastActivityAt: input.now, messageCount: d.count(), status: d.meta.status });
  d.searchCopy(message);
  if (isFirst) {
    d.event({
      name: EVENT.started,
      occurredAt: input.now,
      idempotencyKey: `started:${d.meta.conversationId}`,
      properties: { ...eventProps(d.meta), firstMessage: input.text },
    });
  }
  d.frame({ type: 'message', message });
  return ok({ step: d.done(), message });
}

/** The mark on a message someone other than the participant sent into their thread. */
export const otherSenderNote = (sender: string) =>
  `[Sent by ${sender}, not by this conversation's participant; not answered automatically]`;

/** The Customer Agent answered. */
export function agentReplied(
  state: EngineState,
  input: { turn: Extract<AgentTurn, { kind: 'reply' }>; agentName: string; idleMinutes: number; now: number },
): Step {
  const { turn, now } = input;
  const d = new Draft(state, now);
  const message = d.store({
    role: 'agent',
    text: turn.text,
    clientId: null,
    authorName: input.agentName,
    cards: turn.cards,
    prompt: turn.prompt,
  });
  d.update((m) => {
    m.missesInARow = turn.missed ? m.missesInARow + 1 : 0;
    if (!turn.missed) {
      m.skill = turn.skill;
      m.tags = [...new Set([...m.tags, ...turn.tags])];
      m.answered = true;
    }
  });
  d.index({ lastActivityAt: now, messageCount: d.count(), skill: d.meta.skill, tags: d.meta.tags });
  if (turn.cards.length > 0) {
    d.event({
      name: EVENT.recommendation,
      occurredAt: now,
      idempotencyKey: `recommendation:${d.meta.conversationId}:${message.seq}`,
      properties: {
        ...eventProps(d.meta),
        productIds: turn.cards.map((c) => c.id),
        skus: turn.cards.map((c) => c.sku),
      },
    });
  }
  if (d.meta.answered) d.alarm(now + input.idleMinutes * 60_000);
  return d.done();
}

/** The Customer Agent could not run (D1 down with nothing cached): the message is stored; say so. */
export function agentUnavailable(state: EngineState, now: number): Step {
  const d = new Draft(state, now);
  d.store({ role: 'agent', text: AGENT_UNAVAILABLE, clientId: null, authorName: null, cards: [], prompt: null });
  d.index({ lastActivityAt: now, messageCount: d.count() });
  return d.done();
}

/** A system notice answering `clientId` (a teammate already has it; the handoff is delayed; Baton's own notices). */
export function notice(state: EngineState, text: string, clientId: string | null, now: number): Step {
  const d = new Draft(state, now);
  d.store(noticeMessage(text, clientId));
  return d.done();
}

/** What a handoff decided (worker/handoff/handoff.ts did its I/O), told to the shopper and recorded. */
export function handoffOutcome(
  state: EngineState,
  input: {
    outcome: HandoffOutcome;
    escalation: { reason: string; rule: string };
    clientId: string | null;
    agentName: string;
    now: number;
    /** The log before this step: a new ticket's search copy starts with it (see Draft.searchCopy). */
    earlier: readonly WireMessage[];
  },
): Step {
  const { outcome, escalation, clientId, now } = input;
  const d = new Draft(state, now);
  if (outcome.kind === 'declined') {
    d.store({ role: 'agent', text: outcome.message, clientId, authorName: input.agentName, cards: [], prompt: null });
    outcomeEvent(d, EVENT.handoffDeclined, escalation);
    return d.done();
  }
  if (outcome.kind === 'needs_identity') {
    d.update((m) => void (m.pendingHandoff = escalation));
    d.store({
      role: 'system',
      clientId,
      authorName: null,
      cards: [],
      prompt: 'handoff_identity',
      link: outcome.signInUrl,
      text: outcome.message,
    });
    return d.done();
  }
  const closes = outcome.helpdesk === 'gorgias';
  const firstTicket = !d.meta.ticketId;
  d.update((m) => {
    m.status = closes ? 'closed' : 'escalated';
    m.escalations += 1;
    m.ticketId = outcome.ticketId;
    m.pendingHandoff = null;
    m.continuation = outcome.continuation;
    m.helpdesk = outcome.helpdesk;
  });
  // From now on the inbox shows this conversation (its ticket's row, search): its first ticket gets the
  // copies of everything said so far, which were not written while no ticket could show them.
  if (firstTicket) d.searchCopies(input.earlier);
  const [first, ...rest] = outcome.messages;
  const stored = [
    d.store(noticeMessage(first ?? '', clientId), false),
    ...rest.map((text) => d.store(noticeMessage(text, null), false)),
  ];
  // Off web chat the handoff's notices reach the participant as one message, not one each.
  d.deliver({ ...stored.at(-1)!, text: outcome.messages.join(' ') });
  d.frame({ type: 'status', status: d.meta.status, byEmail: widgetState(d.meta).byEmail });
  d.index({
    status: d.meta.status,
    escalatedAt: now,
    escalationReason: escalation.reason,
    lastActivityAt: now,
    messageCount: d.count(),
    ...(d.meta.contactProfileId && !d.meta.profileId ? { profileId: d.meta.contactProfileId } : {}),
  });
  outcomeEvent(d, EVENT.escalated, escalation, { helpdesk: outcome.helpdesk, ticketId: outcome.ticketId });
  return d.done();
}

/** "Did that help?" answered (not seen before: the room checked its clientId). */
export function feedback(state: EngineState, input: { clientId: string; resolved: boolean; now: number }): Step {
  const d = new Draft(state, input.now);
  if (input.resolved) {
    d.store({
      role: 'agent',
      text: 'Great, glad I could help!',
      clientId: input.clientId,
      authorName: null,
      cards: [],
      prompt: null,
    });
    resolveIn(d, 'confirmed');
    return d.done();
  }
  d.update((m) => void (m.missesInARow += 1));
  d.store({
    role: 'agent',
    text: 'Sorry that didn’t help. You can rephrase your question, or talk to a person.',
    clientId: input.clientId,
    authorName: null,
    cards: [],
    prompt: 'offer_human',
  });
  return d.done();
}

/** When a quiet conversation resolves itself, or null when it does not (a human has it, nothing answered yet). */
export function idleResolveAt(meta: ConversationMeta, idleMinutes: number): number | null {
  if (meta.status !== 'open' || !meta.answered || meta.escalations > 0 || meta.lastShopperAt === null) return null;
  return meta.lastShopperAt + idleMinutes * 60_000;
}

/** The conversation went quiet for the account's idle time. */
export function resolveIdle(state: EngineState, now: number): Step {
  const d = new Draft(state, now);
  resolveIn(d, 'idle');
  return d.done();
}

/**
 * A teammate's reply to `ticketId` (not seen before: the room checked its clientId). `repliedMeanwhile`:
 * the name of another teammate who replied after this one's draft began (the room looked), or null.
 */
export function humanReply(
  state: EngineState,
  input: {
    ticketId: string;
    clientId: string;
    text: string;
    authorName: string;
    link: string | null;
    repliedMeanwhile: string | null;
    now: number;
    template?: WhatsAppTemplateRef;
  },
): Result<{ step: Step; message: WireMessage }, RoomRefusal> {
  const m = state.meta;
  if (m.emailTickets?.includes(input.ticketId) || (m.ticketId === input.ticketId && m.continuation === 'email')) {
    return refuse('email_continuation', 'This conversation continues by email; reply to the shopper by email');
  }
  if (m.status === 'closed')
    return refuse('conversation_closed', 'This conversation is closed; the shopper is no longer in the chat');
  if (input.repliedMeanwhile)
    return refuse('replied_meanwhile', `${input.repliedMeanwhile} replied while you were typing — send anyway?`);
  const d = new Draft(state, input.now);
  const message = d.store(
    {
      role: 'human',
      text: input.text,
      clientId: input.clientId,
      authorName: input.authorName,
      cards: [],
      prompt: null,
      link: input.link,
    },
    true,
    input.template,
  );
  return ok({ step: d.done(), message });
}

/**
 * The team closed `ticketId`: the Customer Agent takes over again (a later escalation is a
 * re-escalation), and a web-chat shopper is asked for a rating once per ticket (`ratingAsked`: the
 * room found the prompt's clientId in the log).
 */
export function ticketClosed(state: EngineState, input: { ticketId: string; ratingAsked: boolean; now: number }): Step {
  const d = new Draft(state, input.now);
  const meta = d.meta;
  if (meta.ticketId !== input.ticketId) return d.done();
  // Web chat only: an email continuation's shopper is not in the widget to rate.
  const onWebChat = meta.channel === 'web_chat' && meta.continuation !== 'email' && meta.status !== 'closed';
  if (meta.status === 'escalated') {
    d.update((m) => {
      m.status = 'open';
      // The ticket keeps its email continuation for good: replies to it (even after a reopen) stay out of the chat.
      if (m.continuation === 'email') m.emailTickets = [...(m.emailTickets ?? []), input.ticketId];
      m.continuation = null;
    });
    d.frame({ type: 'status', status: 'open', byEmail: false });
  }
  if (onWebChat && !input.ratingAsked)
    d.store({ ...noticeMessage(CSAT_PROMPT, csatClientId(input.ticketId)), prompt: 'csat' });
  return d.done();
}

/**
 * Whoever answers has seen the messages up to `seq`: the Customer Agent reading the message it is
 * about to answer, or a teammate with the conversation open in the inbox. Only ever moves forward.
 */
export function seen(state: EngineState, seq: number, now: number): Step {
  const d = new Draft(state, now);
  const upTo = Math.min(seq, state.lastSeq);
  if (upTo <= (d.meta.seenSeq ?? 0)) return d.done();
  d.update((m) => void (m.seenSeq = upTo));
  d.frame({ type: 'seen', seq: upTo });
  return d.done();
}

/** The conversation's state as the widget shows it beside the messages (conversationState in protocol/widget.ts). */
export function widgetState(meta: ConversationMeta): Omit<HistoryResponse, 'messages'> {
  return { status: meta.status, byEmail: meta.continuation === 'email', seenSeq: meta.seenSeq ?? 0 };
}

/** Where a non-web-chat participant is written to; null for web chat (its sockets are the sender). */
export function deliveryAddress(p: Participant | null): { channel: ChannelWithSender; address: string } | null {
  if (!p || p.channel === 'web_chat') return null;
  return p.channel === 'email' ? { channel: 'email', address: p.address } : { channel: p.channel, address: p.phone };
}

/** A message as plain text for channels without cards: product picks and links follow as text with URLs. */
export function textWithLinks(m: WireMessage): string {
  const cards = m.cards.map((c) => `- ${c.title}${c.url ? `: ${c.url}` : ''}`);
  return [m.text, ...cards, ...(m.link ? [m.link] : [])].join('\n');
}

export function noticeMessage(text: string, clientId: string | null): NewMessage {
  return { role: 'system', text, clientId, authorName: null, cards: [], prompt: null };
}

// ── Internals ────────────────────────────────────────────────────────────────────────────────

function resolveIn(d: Draft, cause: 'confirmed' | 'idle'): void {
  if (d.meta.status !== 'open' || d.meta.escalations > 0) return;
  d.update((m) => void (m.status = 'resolved'));
  d.frame({ type: 'status', status: 'resolved', byEmail: false });
  const resolutions = d.count(); // unique per resolution: the log only grows
  d.index({ status: 'resolved', resolvedAt: d.now });
  d.event({
    name: EVENT.resolved,
    occurredAt: d.now,
    idempotencyKey: `resolved:${d.meta.conversationId}:${resolutions}`,
    properties: {
      ...eventProps(d.meta),
      skill: d.meta.skill,
      tags: d.meta.tags,
      resolutionTimeSeconds: Math.round((d.now - d.meta.startedAt) / 1000),
      resolvedBy: cause,
    },
  });
}

/** Conversation Escalated (a human got it) or Handoff Declined ("don't hand off"): see README, Events. */
function outcomeEvent(
  d: Draft,
  name: string,
  escalation: { reason: string; rule: string },
  extra: Record<string, unknown> = {},
): void {
  d.event({
    name,
    occurredAt: d.now,
    idempotencyKey: `${name === EVENT.escalated ? 'escalated' : 'declined'}:${d.meta.conversationId}:${d.count()}`,
    properties: {
      ...eventProps(d.meta),
      escalationReason: escalation.reason,
      rule: escalation.rule,
      skill: d.meta.skill,
      tags: d.meta.tags,
      ...extra,
    },
  });
}

/** The profile events land on: the verified one, else the email-only one of an email continuation. */
function profileOf(meta: ConversationMeta): string | null {
  return meta.profileId ?? meta.contactProfileId ?? null;
}

function eventProps(meta: ConversationMeta) {
  return { conversationId: meta.conversationId, channel: meta.channel, profile: profileOf(meta) };
}

/** One Step being built: a copy of the meta, and everything decided so far, in order. */
class Draft {
  readonly meta: ConversationMeta;
  private metaChanged = false;
  private lastSeq: number;
  private readonly baseCount: number;
  private readonly messages: WireMessage[] = [];
  private readonly frames: ServerFrame[] = [];
  private readonly effects: RoomEffect[] = [];
  private alarmAt: number | null = null;

  constructor(
    state: EngineState,
    readonly now: number,
  ) {
    this.meta = structuredClone(state.meta);
    this.lastSeq = state.lastSeq;
    this.baseCount = state.messageCount;
  }

  update(change: (meta: ConversationMeta) => void): void {
    change(this.meta);
    this.metaChanged = true;
  }

  count(): number {
    return this.baseCount + this.messages.length;
  }

  /** A message with its seq fixed, nothing else. */
  append(message: NewMessage): WireMessage {
    this.lastSeq += 1;
    const stored: WireMessage = {
      seq: this.lastSeq,
      role: message.role,
      text: message.text,
      at: this.now,
      clientId: message.clientId,
      authorName: message.authorName,
      cards: message.cards,
      prompt: message.prompt,
      link: message.link ?? null,
    };
    this.messages.push(stored);
    return stored;
  }

  /**
   * A message to the participant: to live sockets, a copy for search, and for a channel with a sender
   * a delivery. Only the agent's and teammates' messages are delivered that way: widget prompts (a
   * rating, a sign-in form) and notices stay in the transcript; a handoff sends its notices as one
   * message itself (`deliver = false`). A teammate's WhatsApp template reply carries its template.
   */
  store(message: NewMessage, deliver = true, template?: WhatsAppTemplateRef): WireMessage {
    const stored = this.append(message);
    this.frame({ type: 'message', message: stored });
    if (
      deliver &&
      (stored.role === 'agent' || stored.role === 'human') &&
      stored.prompt !== 'csat' &&
      stored.prompt !== 'handoff_identity'
    ) {
      this.deliver(stored, template);
    }
    this.searchCopy(stored);
    return stored;
  }

  /** A delivery effect for the participant of an email/SMS/WhatsApp conversation; nothing on web chat. */
  deliver(message: WireMessage, template?: WhatsAppTemplateRef): void {
    const to = deliveryAddress(this.meta.participant ?? null);
    if (!to || this.meta.isTest || message.role === 'shopper') return;
    this.effect({
      kind: 'deliver',
      delivery: {
        deliveryId: `${this.meta.conversationId}:${message.seq}`,
        accountId: this.meta.accountId,
        conversationId: this.meta.conversationId,
        channel: to.channel,
        to: to.address,
        seq: message.seq,
        role: message.role,
        authorName: message.authorName,
        text: textWithLinks(message),
        ...(template ? { template } : {}),
      },
    });
  }

  /**
   * D1 keeps a copy of each message for inbox search and the rows' preview, which only a ticket's row
   * and search read (worker/tickets/list.ts, search.ts): so only once the conversation has a ticket.
   * A conversation the Customer Agent handles alone writes none (its FTS insert was the costliest
   * part of a reply's D1 batch); the handoff that creates its ticket writes the earlier ones at once.
   */
  searchCopy(message: WireMessage): void {
    this.searchCopies([message]);
  }

  searchCopies(messages: readonly WireMessage[]): void {
    const copied = messages.filter((m) => m.role !== 'system');
    if (!this.meta.ticketId || copied.length === 0) return;
    this.effect({
      kind: 'messages',
      accountId: this.meta.accountId,
      conversationId: this.meta.conversationId,
      messages: copied,
    });
  }

  /** The D1 index row follows the room. */
  index(patch: ConversationPatch): void {
    this.effect({ kind: 'index', accountId: this.meta.accountId, conversationId: this.meta.conversationId, patch });
  }

  /** An analytics event (none for test conversations); its idempotency key makes a repeat a no-op. */
  event(e: Pick<EventInput, 'name' | 'occurredAt' | 'idempotencyKey' | 'properties'>): void {
    if (this.meta.isTest) return;
    this.effect({
      kind: 'event',
      event: {
        accountId: this.meta.accountId,
        profileId: profileOf(this.meta),
        conversationId: this.meta.conversationId,
        channel: this.meta.channel,
        ...e,
      },
    });
  }

  effect(e: RoomEffect): void {
    this.effects.push(e);
  }

  frame(f: ServerFrame): void {
    this.frames.push(f);
  }

  alarm(at: number): void {
    this.alarmAt = this.alarmAt === null ? at : Math.min(this.alarmAt, at);
  }

  done(): Step {
    return {
      meta: this.meta,
      metaChanged: this.metaChanged,
      messages: this.messages,
      frames: this.frames,
      effects: this.effects,
      alarmAt: this.alarmAt,
    };
  }
}
