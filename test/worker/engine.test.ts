// Unit tests of the pure conversation engine (worker/conversation/engine.ts): state + input → Step,
// with no Durable Object, D1 or socket involved. The room's own tests (conversation, room-faults,
// handoff…) check that applying these Steps behaves end to end.
import { describe, expect, it } from 'vitest';
import * as engine from '../../worker/conversation/engine';
import type { EngineState, Step } from '../../worker/conversation/engine';
import type { ConversationMeta } from '../../worker/conversation/log';
import type { AgentTurn } from '../../worker/agent';
import { MAX_MESSAGES_PER_MINUTE } from '../../worker/protocol/widget';

const NOW = Date.UTC(2026, 11, 3, 12, 0);

function meta(patch: Partial<ConversationMeta> = {}): ConversationMeta {
  return {
    accountId: 'acc-1',
    conversationId: 'conv-1',
    channel: 'web_chat',
    resumeTokenHash: 'h',
    status: 'open',
    profileId: null,
    skill: null,
    tags: [],
    missesInARow: 0,
    escalations: 0,
    startedAt: NOW - 60_000,
    lastShopperAt: null,
    answered: false,
    isTest: false,
    ...patch,
  };
}

const state = (m: Partial<ConversationMeta> = {}, lastSeq = 0): EngineState => ({
  meta: meta(m),
  lastSeq,
  messageCount: lastSeq,
});
const kinds = (step: Step) => step.effects.map((e) => (e.kind === 'event' ? `event:${e.event.name}` : e.kind));

function accepted(s: EngineState, text = 'hello', recent = 0) {
  const result = engine.acceptShopperMessage(s, { clientId: 'c-1', text, link: null, now: NOW, recent });
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.value;
}

const reply = (patch: Partial<Extract<AgentTurn, { kind: 'reply' }>> = {}): Extract<AgentTurn, { kind: 'reply' }> => ({
  kind: 'reply',
  skill: 'answer',
  text: 'We ship to Canada.',
  confidence: 0.9,
  tags: ['shipping'],
  cards: [],
  missed: false,
  prompt: 'confirm_resolution',
  source: null,
  ...patch,
});

describe('a participant message', () => {
  it('the first one: stored after the last seq, Started Conversation once, index row (no search copy without a ticket), one live frame', () => {
    const { step, message } = accepted(state({}, 3), 'do you ship to Canada?');
    expect(message).toMatchObject({
      seq: 4,
      role: 'shopper',
      text: 'do you ship to Canada?',
      at: NOW,
      clientId: 'c-1',
    });
    expect(step.messages).toEqual([message]);
    expect(step.meta.lastShopperAt).toBe(NOW);
    expect(kinds(step)).toEqual(['index', 'event:Started Conversation']);
    const started = step.effects[1]!;
    expect(started.kind === 'event' && started.event.idempotencyKey).toBe('started:conv-1');
    expect(step.frames).toEqual([{ type: 'message', message }]);
  });

  it('a later one records no second Started Conversation; a resolved conversation reopens', () => {
    const { step } = accepted(state({ lastShopperAt: NOW - 1000, status: 'resolved' }, 5));
    expect(kinds(step)).toEqual(['index']);
    expect(step.meta.status).toBe('open');
  });

  it('in a conversation a human has, the message is forwarded to the ticket (not when it continues by email)', () => {
    const escalated = {
      status: 'escalated' as const,
      ticketId: 't-1',
      helpdesk: 'inbox' as const,
      lastShopperAt: NOW - 1,
    };
    expect(kinds(accepted(state(escalated, 2)).step)).toEqual(['forward', 'index', 'messages']);
    expect(kinds(accepted(state({ ...escalated, continuation: 'email' }, 2)).step)).toEqual(['index', 'messages']);
  });

  it('refused in a closed conversation and over the per-minute limit, with nothing changed', () => {
    const closed = engine.acceptShopperMessage(state({ status: 'closed' }), {
      clientId: 'c',
      text: 'x',
      link: null,
      now: NOW,
      recent: 0,
    });
    expect(closed).toMatchObject({ ok: false, code: 'conversation_closed' });
    const limited = engine.acceptShopperMessage(state(), {
      clientId: 'c',
      text: 'x',
      link: null,
      now: NOW,
      recent: MAX_MESSAGES_PER_MINUTE,
    });
    expect(limited).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  it('a test conversation records no events', () => {
    expect(kinds(accepted(state({ isTest: true })).step)).toEqual(['index']);
  });
});

describe('the Customer Agent’s turn', () => {
  it('a confident reply: stored under the agent name, skill and tags kept, the idle alarm armed', () => {
    const step = engine.agentReplied(state({ lastShopperAt: NOW }, 1), {
      turn: reply(),
      agentName: 'Juniper',
      idleMinutes: 30,
      now: NOW,
    });
    expect(step.messages[0]).toMatchObject({
      seq: 2,
      role: 'agent',
      authorName: 'Juniper',
      text: 'We ship to Canada.',
    });
    expect(step.meta).toMatchObject({ skill: 'answer', tags: ['shipping'], answered: true, missesInARow: 0 });
    expect(step.alarmAt).toBe(NOW + 30 * 60_000);
    expect(kinds(step)).toEqual(['index']);
  });

  it('product cards record Received Product Recommendation keyed by the reply’s seq', () => {
    const card = {
      id: 'p1',
      sku: 'SKU1',
      title: 'Boot',
      priceCents: 100,
      currency: 'USD',
      imageUrl: null,
      url: null,
      inStock: true,
    };
    const step = engine.agentReplied(state({}, 6), {
      turn: reply({ cards: [card] }),
      agentName: 'A',
      idleMinutes: 30,
      now: NOW,
    });
    const event = step.effects.find((e) => e.kind === 'event');
    expect(event?.kind === 'event' && event.event.idempotencyKey).toBe('recommendation:conv-1:7');
  });

  it('a miss counts up and arms no alarm', () => {
    const step = engine.agentReplied(state({ missesInARow: 1 }), {
      turn: reply({ missed: true }),
      agentName: 'A',
      idleMinutes: 30,
      now: NOW,
    });
    expect(step.meta.missesInARow).toBe(2);
    expect(step.meta.answered).toBe(false);
    expect(step.alarmAt).toBeNull();
  });

  it('on SMS the reply becomes one delivery with a fixed id, its cards as text with URLs', () => {
    const card = {
      id: 'p1',
      sku: 'S',
      title: 'Trail boot',
      priceCents: 100,
      currency: 'USD',
      imageUrl: null,
      url: 'https://shop.example/boot',
      inStock: true,
    };
    const s = state({ channel: 'sms', participant: { channel: 'sms', phone: '+15550001111' } }, 2);
    const step = engine.agentReplied(s, { turn: reply({ cards: [card] }), agentName: 'A', idleMinutes: 30, now: NOW });
    const delivery = step.effects.find((e) => e.kind === 'deliver');
    expect(delivery?.kind === 'deliver' && delivery.delivery).toMatchObject({
      deliveryId: 'conv-1:3',
      channel: 'sms',
      to: '+15550001111',
      seq: 3,
      text: 'We ship to Canada.\n- Trail boot: https://shop.example/boot',
    });
  });
});

describe('handoff outcomes', () => {
  const escalation = { reason: 'shopper requested', rule: 'human_request' };

  it('a ticket: escalated, notices stored (one delivery off web chat), Conversation Escalated keyed by the log count', () => {
    const s = state({ channel: 'email', participant: { channel: 'email', address: 'a@b.test' } }, 4);
    const step = engine.handoffOutcome(s, {
      outcome: {
        kind: 'ticket',
        ticketId: 't-9',
        helpdesk: 'inbox',
        continuation: 'email',
        decision: null,
        messages: ['Handing over.', 'Expect a reply today.'],
      },
      escalation,
      clientId: 'press-1',
      agentName: 'A',
      now: NOW,
      earlier: [],
    });
    expect(step.meta).toMatchObject({
      status: 'escalated',
      escalations: 1,
      ticketId: 't-9',
      continuation: 'email',
      helpdesk: 'inbox',
    });
    expect(step.messages.map((m) => [m.seq, m.clientId, m.text])).toEqual([
      [5, 'press-1', 'Handing over.'],
      [6, null, 'Expect a reply today.'],
    ]);
    const deliveries = step.effects.filter((e) => e.kind === 'deliver');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.kind === 'deliver' && deliveries[0]!.delivery.text).toBe(
      'Handing over. Expect a reply today.',
    );
    const escalated = step.effects.find((e) => e.kind === 'event');
    expect(escalated?.kind === 'event' && escalated.event.idempotencyKey).toBe('escalated:conv-1:6');
    expect(step.frames.at(-1)).toEqual({ type: 'status', status: 'escalated', byEmail: true });
  });

  it('the first ticket copies everything said so far for search and the row preview (notices aside); a later ticket copies nothing again', () => {
    const said = (seq: number, role: 'shopper' | 'agent' | 'system', text: string) => ({
      seq,
      role,
      text,
      at: NOW - 1000,
      clientId: null,
      authorName: null,
      cards: [],
      prompt: null,
      link: null,
    });
    const earlier = [said(1, 'shopper', 'where is my order'), said(2, 'agent', 'Let me check'), said(3, 'system', 'x')];
    const outcome = {
      kind: 'ticket' as const,
      ticketId: 't-2',
      helpdesk: 'inbox' as const,
      continuation: 'web_chat' as const,
      decision: null,
      messages: ['Handing over.'],
    };
    const input = { outcome, escalation, clientId: null, agentName: 'A', now: NOW, earlier };
    const first = engine.handoffOutcome(state({}, 3), input);
    const copies = first.effects.filter((e) => e.kind === 'messages');
    expect(copies.map((e) => e.kind === 'messages' && e.messages.map((m) => m.seq))).toEqual([[1, 2]]);
    const again = engine.handoffOutcome(state({ ticketId: 't-1', escalations: 1 }, 3), input);
    expect(again.effects.filter((e) => e.kind === 'messages')).toEqual([]);
    // With a ticket, every later message is copied as it is stored.
    const later = accepted(state({ ticketId: 't-2', status: 'open', lastShopperAt: NOW - 1 }, 4)).step;
    expect(kinds(later)).toEqual(['index', 'messages']);
  });

  it('Gorgias closes the chat; declined answers under the agent name; needs identity keeps the escalation pending', () => {
    const gorgias = engine.handoffOutcome(state(), {
      outcome: {
        kind: 'ticket',
        ticketId: 't',
        helpdesk: 'gorgias',
        continuation: 'email',
        decision: null,
        messages: ['ok'],
      },
      escalation,
      clientId: null,
      agentName: 'A',
      now: NOW,
      earlier: [],
    });
    expect(gorgias.meta.status).toBe('closed');
    const declined = engine.handoffOutcome(state(), {
      outcome: { kind: 'declined', message: 'We answer here.' },
      escalation,
      clientId: 'p',
      agentName: 'Juniper',
      now: NOW,
      earlier: [],
    });
    expect(declined.messages[0]).toMatchObject({ role: 'agent', authorName: 'Juniper', clientId: 'p' });
    expect(kinds(declined)).toEqual(['event:Handoff Declined']);
    const identity = engine.handoffOutcome(state(), {
      outcome: { kind: 'needs_identity', signInUrl: 'https://shop.example/login', message: 'Sign in' },
      escalation,
      clientId: 'p',
      agentName: 'A',
      now: NOW,
      earlier: [],
    });
    expect(identity.meta.pendingHandoff).toEqual(escalation);
    expect(identity.messages[0]).toMatchObject({
      role: 'system',
      prompt: 'handoff_identity',
      link: 'https://shop.example/login',
    });
  });
});

describe('feedback, resolution and teammates', () => {
  it('"that helped" resolves an open conversation once; a human-handled one never', () => {
    const step = engine.feedback(state({}, 2), { clientId: 'f', resolved: true, now: NOW });
    expect(step.meta.status).toBe('resolved');
    expect(kinds(step)).toEqual(['index', 'event:Conversation Resolved']);
    const handled = engine.feedback(state({ escalations: 1 }, 2), { clientId: 'f', resolved: true, now: NOW });
    expect(handled.meta.status).toBe('open');
  });

  it('"that didn’t help" counts a miss and offers a person', () => {
    const step = engine.feedback(state(), { clientId: 'f', resolved: false, now: NOW });
    expect(step.meta.missesInARow).toBe(1);
    expect(step.messages[0]!.prompt).toBe('offer_human');
  });

  it('idle resolution is due only for an answered, open, never-escalated conversation', () => {
    expect(engine.idleResolveAt(meta({ answered: true, lastShopperAt: NOW }), 30)).toBe(NOW + 30 * 60_000);
    expect(engine.idleResolveAt(meta({ answered: false, lastShopperAt: NOW }), 30)).toBeNull();
    expect(engine.idleResolveAt(meta({ answered: true, lastShopperAt: NOW, escalations: 1 }), 30)).toBeNull();
    expect(engine.resolveIdle(state({ answered: true }), NOW).meta.status).toBe('resolved');
  });

  it('a teammate reply is refused for an email continuation and a closed conversation', () => {
    const input = {
      ticketId: 't-1',
      clientId: 'r',
      text: 'hi',
      authorName: 'Leo',
      link: null,
      repliedMeanwhile: null,
      now: NOW,
    };
    expect(engine.humanReply(state({ ticketId: 't-1', continuation: 'email' }), input)).toMatchObject({
      ok: false,
      code: 'email_continuation',
    });
    expect(engine.humanReply(state({ emailTickets: ['t-1'] }), input)).toMatchObject({
      ok: false,
      code: 'email_continuation',
    });
    expect(engine.humanReply(state({ status: 'closed' }), input)).toMatchObject({
      ok: false,
      code: 'conversation_closed',
    });
    expect(
      engine.humanReply(state({ ticketId: 't-1', status: 'escalated' }), { ...input, repliedMeanwhile: 'Mia' }),
    ).toMatchObject({
      ok: false,
      code: 'replied_meanwhile',
      message: 'Mia replied while you were typing — send anyway?',
    });
    const ok = engine.humanReply(state({ ticketId: 't-1', status: 'escalated' }), input);
    expect(ok.ok && ok.value.message).toMatchObject({ role: 'human', authorName: 'Leo', seq: 1 });
  });

  it('a closed ticket hands the conversation back and asks for a rating once per ticket', () => {
    const s = state({ status: 'escalated', ticketId: 't-1', escalations: 1 }, 3);
    const first = engine.ticketClosed(s, { ticketId: 't-1', ratingAsked: false, now: NOW });
    expect(first.meta.status).toBe('open');
    expect(first.messages[0]).toMatchObject({ prompt: 'csat', clientId: engine.csatClientId('t-1') });
    expect(engine.ticketClosed(s, { ticketId: 't-1', ratingAsked: true, now: NOW }).messages).toEqual([]);
    expect(engine.ticketClosed(s, { ticketId: 'other', ratingAsked: false, now: NOW })).toMatchObject({
      metaChanged: false,
      messages: [],
    });
  });

  it('never changes the state it was given', () => {
    const s = state({ status: 'escalated', ticketId: 't-1' }, 1);
    const before = structuredClone(s);
    engine.ticketClosed(s, { ticketId: 't-1', ratingAsked: false, now: NOW });
    engine.feedback(s, { clientId: 'f', resolved: false, now: NOW });
    expect(s).toEqual(before);
  });
});

describe('seen', () => {
  it('moves forward only, never past the last message, and says so live', () => {
    const first = engine.seen(state({}, 4), 3, NOW);
    expect(first.meta.seenSeq).toBe(3);
    expect(first.frames).toEqual([{ type: 'seen', seq: 3 }]);
    expect(engine.seen(state({ seenSeq: 3 }, 4), 9, NOW).frames).toEqual([{ type: 'seen', seq: 4 }]);
    const older = engine.seen(state({ seenSeq: 3 }, 4), 2, NOW);
    expect(older).toMatchObject({ metaChanged: false, frames: [] });
  });

  it('the widget state: by email while the handoff continues by email, with the seen seq', () => {
    expect(engine.widgetState(meta({ status: 'escalated', continuation: 'email', seenSeq: 5 }))).toEqual({
      status: 'escalated',
      byEmail: true,
      seenSeq: 5,
    });
    expect(engine.widgetState(meta())).toEqual({ status: 'open', byEmail: false, seenSeq: 0 });
  });
});
