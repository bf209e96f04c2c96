import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, db } from './helpers';
import { getSettings, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';
import { auditLog, conversations, events, tickets } from '../../worker/db/schema';
import { dispatcherOf } from '../../worker/durable/namespaces';
import { env } from 'cloudflare:workers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('testchat');
});

interface Preview {
  outcome: string;
  helpdesk: string | null;
  continuation: string | null;
  route: { kind: string; teamId?: string; userId?: string } | null;
  because: string | null;
  assignee: { id: string; name: string } | null;
  assignment: string | null;
  messages: string[];
  steps: string[];
}
interface TurnResponse {
  turn:
    | { kind: 'reply'; skill: string; confidence: number; text: string; missed: boolean; threshold: number }
    | { kind: 'escalate'; rule: string; ruleName: string; reason: string };
  handoff: Preview | null;
  missesInARow: number;
}

const rowCounts = async () =>
  Promise.all(
    [conversations, events, tickets].map(
      async (t) => (await db().select({ id: t.id }).from(t).where(eq(t.accountId, store.accountId))).length,
    ),
  );

describe('test sidebar', () => {
  it('"I want to talk to a human" fires the built-in rule, with a dry run of the handoff, and records nothing', async () => {
    const before = await rowCounts();
    const res = await call<TurnResponse>('POST', '/api/test-chat/messages', {
      cookie: await store.as('manager'),
      body: { text: 'I want to talk to a human' },
    });
    expect(res.status).toBe(200);
    expect(res.json.turn).toEqual({
      kind: 'escalate',
      rule: 'human_request',
      ruleName: 'Shopper asks for a human',
      reason: 'shopper requested',
    });
    // Anonymous test shopper on web chat: asked to sign in or leave an email.
    expect(res.json.handoff).toMatchObject({ outcome: 'needs_identity', helpdesk: 'inbox' });
    expect(await rowCounts()).toEqual(before);
  });

  it('a question answered from knowledge shows the skill and its confidence; misses in a row come back', async () => {
    const cookie = await store.as('agent'); // read-only roles may use the sidebar: it changes nothing
    const res = await call<TurnResponse>('POST', '/api/test-chat/messages', {
      cookie,
      body: { text: 'Do you ship to Canada?' },
    });
    expect(res.json.turn).toMatchObject({
      kind: 'reply',
      skill: 'answer',
      missed: false,
      text: expect.stringContaining('Canada'),
    });
    if (res.json.turn.kind !== 'reply') throw new Error('expected a reply');
    expect(res.json.turn.confidence).toBeGreaterThanOrEqual(res.json.turn.threshold);
    expect(res.json.missesInARow).toBe(0);

    const miss = await call<TurnResponse>('POST', '/api/test-chat/messages', {
      cookie,
      body: { text: 'qwzx plorb vintage zeppelin', missesInARow: 0 },
    });
    expect(miss.json.turn).toMatchObject({ kind: 'reply', missed: true });
    expect(miss.json.missesInARow).toBe(1);
    const again = await call<TurnResponse>('POST', '/api/test-chat/messages', {
      cookie,
      body: { text: 'qwzx plorb vintage zeppelin', missesInARow: 2 },
    });
    expect(again.json.turn).toMatchObject({ kind: 'escalate', rule: 'repeated_misses' });
  });

  it("a signed-in shopper's escalation shows the route, the rule that chose it and who would get it, moving nothing", async () => {
    const cookie = await store.as('owner');
    const agentId = store.userId('agent');
    await dispatcherOf(env, store.accountId).setPresence({
      accountId: store.accountId,
      userId: agentId,
      presence: 'online',
      until: null,
    });
    const rr = await call<{ handoff: Preview }>('POST', '/api/test-chat/escalate', {
      cookie,
      body: { authenticated: true },
    });
    expect(rr.json.handoff).toMatchObject({
      outcome: 'ticket',
      helpdesk: 'inbox',
      continuation: 'web_chat',
      route: { kind: 'round_robin' },
      because: 'default destination',
    });
    expect(rr.json.handoff.assignee).toEqual({ id: agentId, name: expect.any(String) });
    expect(rr.json.handoff.messages[1]).toBe('A teammate will reply here shortly.');

    const team = (
      await call<{ team: { id: string } }>('POST', '/api/teams', {
        cookie,
        body: { name: 'Returns', memberIds: [agentId] },
      })
    ).json.team;
    const handoff = (await getSettings(cookie)).handoff as Record<string, unknown>;
    const rule = {
      id: 'returns',
      name: 'Returns to the returns team',
      enabled: true,
      when: { tagsAny: ['returns'] },
      route: { kind: 'team', teamId: team.id },
    };
    expect(
      (await call('PUT', '/api/settings/handoff', { cookie, body: { ...handoff, routingRules: [rule] } })).status,
    ).toBe(200);
    const routed = await call<{ handoff: Preview }>('POST', '/api/test-chat/escalate', {
      cookie,
      body: { authenticated: true, tags: ['returns'] },
    });
    expect(routed.json.handoff).toMatchObject({
      route: { kind: 'team', teamId: team.id },
      because: 'routing rule "Returns to the returns team"',
    });
    expect(routed.json.handoff.assignment).toContain('Returns');
    expect((await dispatcherOf(env, store.accountId).snapshot()).pointer).toBeNull(); // the rotation did not move

    const channels = (await getSettings(cookie)).handoff as { channels: Record<string, Record<string, unknown>> };
    const declined = {
      ...handoff,
      routingRules: [],
      channels: {
        ...channels.channels,
        sms: { ...channels.channels.sms, method: 'none', declineMessage: 'Text HELP for our hours.' },
      },
    };
    expect((await call('PUT', '/api/settings/handoff', { cookie, body: declined })).status).toBe(200);
    const sms = await call<{ handoff: Preview }>('POST', '/api/test-chat/escalate', {
      cookie,
      body: { channel: 'sms' },
    });
    expect(sms.json.handoff).toMatchObject({ outcome: 'declined', messages: ['Text HELP for our hours.'] });
    expect(sms.json.handoff.steps.join(' ')).toContain('SMS is switched off');
  });

  it('validates input and needs a session', async () => {
    const cookie = await store.as('analyst');
    const res = await call('POST', '/api/test-chat/messages', { cookie, body: { text: '' } });
    expect(res.status).toBe(400);
    expect((await call('POST', '/api/test-chat/escalate', { cookie, body: { channel: 'fax' } })).status).toBe(400);
    expect((await call('POST', '/api/test-chat/messages', { body: { text: 'hi' } })).status).toBe(401);
    expect(
      (
        await db()
          .select()
          .from(auditLog)
          .where(eq(auditLog.actorId, store.userId('analyst')))
      ).length,
    ).toBe(0);
  });
});
