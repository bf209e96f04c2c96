// The performance dashboard against a seeded fixture whose figures are worked out by hand below.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { call, db, insertTicket } from './helpers';
import { freshStore, insertEvents } from './insights-helpers';
import { sendHttp, startConversation } from './widget-client';
import { assignmentLog, conversations, users, type Channel } from '../../worker/db/schema';
import { csatResponses } from '../../worker/db/schema-insights';
import { newId } from '../../worker/ids';
import type { PerformanceReport } from '../../worker/reports/performance';

const T = (iso: string) => Date.parse(iso);

describe('performance dashboard', () => {
  it('matches the hand-computed figures, in total, by day, by channel and per agent', async () => {
    const store = await freshStore('perf', ['Ada', 'Bo']);
    const acc = store.accountId;
    const team = await db().select().from(users).where(eq(users.accountId, acc));
    const A = team.find((u) => u.name === 'Ada')!.id;
    const B = team.find((u) => u.name === 'Bo')!.id;

    // Conversations: [id, channel, first message, first reply after (ms) or null, test?]
    const convs: Array<[string, Channel, string, number | null, boolean]> = [
      ['c1', 'web_chat', '2025-06-01T10:00:00Z', 2000, false],
      ['c2', 'web_chat', '2025-06-01T11:00:00Z', 4000, false],
      ['c3', 'web_chat', '2025-06-01T12:00:00Z', 6000, false],
      ['c4', 'email', '2025-06-01T13:00:00Z', 10_000, false],
      ['c5', 'web_chat', '2025-06-02T09:00:00Z', 1000, false],
      ['c6', 'email', '2025-06-02T10:00:00Z', null, false],
      ['c7', 'web_chat', '2025-06-02T23:59:59.999Z', 3000, false],
      ['c8', 'web_chat', '2025-06-01T10:30:00Z', 1000, true], // a test conversation: never counted
      ['c9', 'web_chat', '2025-05-31T23:59:59.999Z', 1000, false], // the day before the range
      ['c10', 'web_chat', '2025-06-03T00:00:00Z', 1000, false], // the day after
    ];
    const id: Record<string, string> = {};
    for (const [label, channel, first, reply, isTest] of convs) {
      id[label] = newId();
      const at = T(first);
      await db()
        .insert(conversations)
        .values({
          id: id[label]!,
          accountId: acc,
          channel,
          isTest,
          startedAt: at - 5000,
          lastActivityAt: at,
          firstMessageAt: at,
          firstReplyAt: reply === null ? null : at + reply,
        });
    }
    const ev = (label: string, name: string, at: string, properties: Record<string, unknown> = {}) => ({
      name,
      at: T(at),
      profileId: null,
      conversationId: id[label]!,
      channel: convs.find((c) => c[0] === label)![1],
      properties,
    });
    await insertEvents(acc, [
      ev('c1', 'Conversation Resolved', '2025-06-01T10:02:00Z', { resolutionTimeSeconds: 120 }),
      ev('c2', 'Conversation Escalated', '2025-06-01T11:00:05Z'),
      ev('c3', 'Handoff Declined', '2025-06-01T12:00:10Z'),
      ev('c4', 'Conversation Resolved', '2025-06-01T13:05:00Z', { resolutionTimeSeconds: 300 }),
      ev('c5', 'Conversation Resolved', '2025-06-02T09:01:00Z', { resolutionTimeSeconds: 60 }),
      ev('c6', 'Conversation Escalated', '2025-06-02T10:00:05Z'),
      ev('c8', 'Conversation Resolved', '2025-06-01T10:31:00Z', { resolutionTimeSeconds: 60 }),
      ev('c9', 'Conversation Resolved', '2025-06-01T00:01:00Z', { resolutionTimeSeconds: 61 }),
    ]);

    // Tickets: t1 (c2) answered after 60 s, t2 (c6) after 600 s, t3 not yet, t4 created before the range.
    const ticket = (conv: string, channel: Channel, created: string, responseAfterMs: number | null) =>
      insertTicket(acc, {
        conversationId: id[conv]!,
        channel,
        createdAt: T(created),
        updatedAt: T(created),
        firstResponseAt: responseAfterMs === null ? null : T(created) + responseAfterMs,
      });
    const t1 = await ticket('c2', 'web_chat', '2025-06-01T11:00:05Z', 60_000);
    const t2 = await ticket('c6', 'email', '2025-06-02T10:00:05Z', 600_000);
    const t3 = await ticket('c7', 'web_chat', '2025-06-02T12:00:00Z', null);
    const t4 = await ticket('c9', 'web_chat', '2025-05-30T12:00:00Z', 1000);

    const assign = (
      ticketId: string,
      to: string | null,
      from: string | null,
      at: string,
      method: 'round_robin' | 'manual' | 'unassign',
    ) => ({
      id: newId(),
      accountId: acc,
      ticketId,
      assigneeId: to,
      previousAssigneeId: from,
      method,
      reason: 'fixture',
      createdAt: T(at),
    });
    await db()
      .insert(assignmentLog)
      .values([
        assign(t1.id, A, null, '2025-06-01T11:00:06Z', 'round_robin'),
        assign(t1.id, B, A, '2025-06-01T11:30:00Z', 'manual'), // reassignment, away from Ada
        assign(t2.id, A, null, '2025-06-02T10:00:06Z', 'round_robin'),
        assign(t3.id, B, null, '2025-06-02T12:00:01Z', 'round_robin'),
        assign(t3.id, null, B, '2025-06-02T13:00:00Z', 'unassign'), // neither an assignment nor a reassignment
        assign(t3.id, A, null, '2025-06-02T14:00:00Z', 'manual'),
        assign(t4.id, B, null, '2025-05-31T12:00:00Z', 'round_robin'), // before the range
        assign(t4.id, A, B, '2025-06-01T09:00:00Z', 'manual'), // reassignment, away from Bo
      ]);

    const rating = (
      ticketId: string,
      conv: string,
      channel: Channel,
      value: number,
      assigneeId: string,
      at: string,
    ) => ({
      id: newId(),
      accountId: acc,
      conversationId: id[conv]!,
      ticketId,
      channel,
      rating: value,
      assigneeId,
      createdAt: T(at),
    });
    await db()
      .insert(csatResponses)
      .values([
        rating(t1.id, 'c2', 'web_chat', 5, B, '2025-06-01T15:00:00Z'),
        rating(t2.id, 'c6', 'email', 3, A, '2025-06-02T11:00:00Z'),
        rating(t3.id, 'c7', 'web_chat', 4, A, '2025-06-02T15:00:00Z'),
        rating(t4.id, 'c9', 'web_chat', 1, A, '2025-05-31T15:00:00Z'), // before the range
      ]);

    const res = await call<PerformanceReport>('GET', '/api/reports/performance?from=2025-06-01&to=2025-06-02', {
      cookie: store.cookie,
    });
    expect(res.status).toBe(200);
    const r = res.json;
    // 7 conversations (c1–c7); resolved c1 c4 c5; escalated c2 c6; declined c3.
    // Resolution times 60, 120, 300 → median 120. First replies 1, 2, 3, 4, 6, 10 s (c6 none) → 3.5.
    // Tickets t1 t2 t3; first responses 60 and 600 s → 330. Assignments a1 a2 a3 a4 a6 a8 = 6; moved a2, a8.
    // CSAT 5, 3, 4 → 4.0, two of three are 4–5.
    expect(r.totals).toEqual({
      conversations: 7,
      resolved: 3,
      escalated: 2,
      declined: 1,
      resolutionRate: 0.4286,
      escalationRate: 0.2857,
      declinedRate: 0.1429,
      medianResolutionSeconds: 120,
      medianFirstReplySeconds: 3.5,
      tickets: 3,
      medianFirstResponseSeconds: 330,
      assignments: 6,
      reassignments: 2,
      csatResponses: 3,
      csatAverage: 4,
      csatSatisfied: 0.6667,
    });
    expect(r.byDay).toEqual([
      {
        day: '2025-06-01',
        conversations: 4,
        resolved: 2,
        escalated: 1,
        declined: 1,
        resolutionRate: 0.5,
        escalationRate: 0.25,
        declinedRate: 0.25,
        medianResolutionSeconds: 210,
        medianFirstReplySeconds: 5,
        tickets: 1,
        medianFirstResponseSeconds: 60,
        assignments: 3,
        reassignments: 2,
        csatResponses: 1,
        csatAverage: 5,
        csatSatisfied: 1,
      },
      {
        day: '2025-06-02',
        conversations: 3,
        resolved: 1,
        escalated: 1,
        declined: 0,
        resolutionRate: 0.3333,
        escalationRate: 0.3333,
        declinedRate: 0,
        medianResolutionSeconds: 60,
        medianFirstReplySeconds: 2,
        tickets: 2,
        medianFirstResponseSeconds: 600,
        assignments: 3,
        reassignments: 0,
        csatResponses: 2,
        csatAverage: 3.5,
        csatSatisfied: 0.5,
      },
    ]);
    const web = r.byChannel.find((c) => c.channel === 'web_chat');
    expect(web).toEqual({
      channel: 'web_chat',
      conversations: 5,
      resolved: 2,
      escalated: 1,
      declined: 1,
      resolutionRate: 0.4,
      escalationRate: 0.2,
      declinedRate: 0.2,
      medianResolutionSeconds: 90,
      medianFirstReplySeconds: 3,
      tickets: 2,
      medianFirstResponseSeconds: 60,
      assignments: 5,
      reassignments: 2,
      csatResponses: 2,
      csatAverage: 4.5,
      csatSatisfied: 1,
    });
    const email = r.byChannel.find((c) => c.channel === 'email');
    expect(email).toEqual({
      channel: 'email',
      conversations: 2,
      resolved: 1,
      escalated: 1,
      declined: 0,
      resolutionRate: 0.5,
      escalationRate: 0.5,
      declinedRate: 0,
      medianResolutionSeconds: 300,
      medianFirstReplySeconds: 10,
      tickets: 1,
      medianFirstResponseSeconds: 600,
      assignments: 1,
      reassignments: 0,
      csatResponses: 1,
      csatAverage: 3,
      csatSatisfied: 0,
    });
    expect(r.byChannel.find((c) => c.channel === 'sms')).toMatchObject({
      conversations: 0,
      resolutionRate: null,
      csatAverage: null,
    });
    // Ada: t1 t2 t3 t4; Bo: t1 t3. Each lost one ticket to the other. The fixture's third Agent had none.
    expect(
      r.agents
        .filter((a) => a.role === 'agent')
        .map(({ name, assigned, reassignedAway, csatResponses: n, csatAverage }) => ({
          name,
          assigned,
          reassignedAway,
          n,
          csatAverage,
        })),
    ).toEqual([
      { name: 'Ada', assigned: 4, reassignedAway: 1, n: 2, csatAverage: 3.5 },
      { name: 'Agent', assigned: 0, reassignedAway: 0, n: 0, csatAverage: null },
      { name: 'Bo', assigned: 2, reassignedAway: 1, n: 1, csatAverage: 5 },
    ]);

    // Filtered to one channel, the totals are that channel's column.
    const onlyEmail = await call<PerformanceReport>(
      'GET',
      '/api/reports/performance?from=2025-06-01&to=2025-06-02&channel=email',
      { cookie: store.cookie },
    );
    const { channel: _c, ...emailFigures } = email!;
    expect(onlyEmail.json.totals).toEqual(emailFigures);
    expect(onlyEmail.json.byChannel.map((c) => c.channel)).toEqual(['email']);
  });

  it('a real conversation records when the shopper first wrote and when the agent first replied', async () => {
    const store = await freshStore('perf-live');
    const conv = await startConversation({ siteKey: store.siteKey });
    const before = Date.now();
    await sendHttp(conv, 'Do you ship to Canada?');
    await sendHttp(conv, 'And what about returns?');
    const [row] = await db()
      .select()
      .from(conversations)
      .where(and(eq(conversations.accountId, store.accountId), eq(conversations.id, conv.conversationId)));
    expect(row!.firstMessageAt).toBeGreaterThanOrEqual(before);
    expect(row!.firstReplyAt).toBeGreaterThanOrEqual(row!.firstMessageAt!);
    expect(row!.firstReplyAt).toBeLessThan(row!.lastActivityAt + 1);
    const today = new Date().toISOString().slice(0, 10);
    const report = await call<PerformanceReport>('GET', `/api/reports/performance?from=${today}&to=${today}`, {
      cookie: store.cookie,
    });
    expect(report.json.totals.conversations).toBe(1);
    expect(report.json.totals.medianFirstReplySeconds).toBe((row!.firstReplyAt! - row!.firstMessageAt!) / 1000);
  });
});
