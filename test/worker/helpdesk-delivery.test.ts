// Zendesk and Gorgias destinations: the real clients against local stand-ins that speak those APIs
// (test/support/*-standin.ts), the queue consumer driven message by message for outages, timeouts and
// the dead-letter queue, the real queue end to end, the integrations API and the signed Zendesk webhook.
import { describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { call, db, signIn } from './helpers';
import { freshAccount } from './dispatch-helpers';
import { sendHttp, ShopperSocket } from './widget-client';
import {
  connect,
  drive,
  driveDeadLetters,
  handoffTicket,
  integrationRow,
  StandinScope,
  ticketJob,
  ticketRow,
  transcript,
  waitFor,
  type Handoff,
} from './helpdesk-helpers';
import { DEMO_PASSWORD } from '../../worker/db/seed';
import { tickets } from '../../worker/db/schema';
import { helpdeskComments } from '../../worker/db/schema-integrations';
import { enqueueComment, enqueueDelivery } from '../../worker/handoff/delivery';
import { backoffSeconds } from '../../worker/handoff/delivery-policy';
import { formatTimestamp } from '../../worker/handoff/transcript';
import { signZendeskBody } from '../../worker/handoff/zendesk-webhook';
import type { IntegrationView } from '../../worker/handoff/integrations';

const basic = (user: string, password: string) => `Basic ${btoa(`${user}:${password}`)}`;

interface ZendeskCreate {
  ticket: {
    subject: string;
    comment: { body: string; public: boolean };
    requester: { email: string; name?: string };
    external_id: string;
    tags: string[];
  };
}

interface GorgiasCreate {
  channel: string;
  via: string;
  subject: string;
  external_id: string;
  customer: { email: string; name?: string };
  tags: Array<{ name: string }>;
  meta: Record<string, unknown>;
  messages: Array<{
    channel: string;
    via: string;
    from_agent: boolean;
    sender: { email: string };
    body_text: string;
    created_datetime: string;
    sent_datetime: string;
  }>;
}

async function deliveredThroughQueue(h: Handoff) {
  await enqueueDelivery(env, { accountId: h.acc.accountId, ticketId: h.ticketId });
  return waitFor(
    () => ticketRow(h.ticketId),
    (t) => t.deliveryState !== 'pending',
  );
}

describe('Zendesk: the ticket in its documented shape', () => {
  it('carries the transcript with timestamps, the shopper’s email and the profile id (through the real queue)', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    await connect(h.acc.accountId, zd);
    const row = await deliveredThroughQueue(h);
    expect(row).toMatchObject({ deliveryState: 'delivered', deliveryAttempts: 1, deliveryError: null });

    const creates = (await zd.requests()).filter((r) => r.method === 'POST' && r.path === '/api/v2/tickets.json');
    expect(creates).toHaveLength(1);
    const [create] = creates;
    expect(create!.authorization).toBe(basic(`${zd.info.email}/token`, zd.info.secret));
    expect(create!.idempotencyKey).toBe(`baton-ticket-${h.ticketId}`);
    const { ticket } = create!.body as ZendeskCreate;
    expect(ticket).toMatchObject({
      subject: 'Shipping to Canada',
      external_id: h.ticketId,
      requester: { email: h.email, name: 'Jo Shopper' },
      comment: { public: false },
    });
    expect(ticket.tags).toEqual(expect.arrayContaining(['baton', `baton_profile_${h.profileId}`, 'shipping']));
    expect(ticket.comment.body).toContain(`Baton profile id: ${h.profileId}`);
    expect(ticket.comment.body).toContain(`Shopper: Jo Shopper <${h.email}>`);
    // One line per message, each with its own time.
    const messages = await transcript(h);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const m of messages) {
      const speaker =
        m.role === 'shopper' ? 'Shopper' : m.role === 'agent' ? `${m.authorName ?? 'Customer Agent'} (AI agent)` : null;
      if (speaker)
        expect(ticket.comment.body).toContain(`[${formatTimestamp(m.at)}] ${speaker}: ${m.text.split('\n')[0]}`);
    }
    expect(ticket.comment.body).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\] Shopper: Do you ship to Canada\?$/m);

    const [remote] = await zd.tickets<{ id: number; requester_id: number }>();
    expect(row.remoteId).toBe(String(remote!.id));
  });

  it('an anonymous shopper’s typed email is the requester', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    await db()
      .update(tickets)
      .set({ profileId: null, requesterEmail: 'typed@shopper.test' })
      .where(eq(tickets.id, h.ticketId));
    await connect(h.acc.accountId, zd);
    expect(await drive([ticketJob(h)])).toEqual([{ acked: true, retryDelaySeconds: null }]);
    const [create] = (await zd.requests()).filter((r) => r.method === 'POST');
    const { ticket } = create!.body as ZendeskCreate;
    expect(ticket.requester).toEqual({ email: 'typed@shopper.test' });
    expect(ticket.comment.body).toContain('Baton profile id: none (anonymous shopper)');
  });
});

describe('Gorgias: the ticket in its documented shape', () => {
  it('one message per transcript line with its time, the customer’s email, the profile id', async () => {
    const gg = new StandinScope('gorgias');
    const h = await handoffTicket('gorgias');
    await connect(h.acc.accountId, gg);
    const row = await deliveredThroughQueue(h);
    expect(row).toMatchObject({ deliveryState: 'delivered', deliveryAttempts: 1, deliveryError: null });

    const [create] = (await gg.requests()).filter((r) => r.method === 'POST' && r.path === '/api/tickets');
    expect(create!.authorization).toBe(basic(gg.info.email, gg.info.secret));
    const body = create!.body as GorgiasCreate;
    expect(body).toMatchObject({
      channel: 'email',
      via: 'api',
      external_id: h.ticketId,
      subject: 'Shipping to Canada',
      customer: { email: h.email, name: 'Jo Shopper' },
      meta: { baton_profile_id: h.profileId, baton_ticket_id: h.ticketId },
    });
    expect(body.tags).toEqual(expect.arrayContaining([{ name: 'baton' }, { name: `baton_profile_${h.profileId}` }]));

    const messages = await transcript(h);
    const lines = body.messages.filter((m) => m.channel === 'email');
    expect(lines).toHaveLength(messages.length);
    messages.forEach((m, i) => {
      const line = lines[i]!;
      expect(line.created_datetime).toBe(new Date(m.at).toISOString());
      expect(line.sent_datetime).toBe(line.created_datetime); // imported, not sent out again
      expect(line.body_text.startsWith(`[${formatTimestamp(m.at)}] `)).toBe(true);
      expect(line.from_agent).toBe(m.role !== 'shopper');
      expect(line.sender.email).toBe(m.role === 'shopper' ? h.email : gg.info.email);
    });
    const note = body.messages.at(-1)!;
    expect(note).toMatchObject({ channel: 'internal-note', from_agent: true });
    expect(note.body_text).toContain(`Baton profile id: ${h.profileId}`);
    const [remote] = await gg.tickets<{ id: number }>();
    expect(row.remoteId).toBe(String(remote!.id));
  });
});

describe('a 401 from the helpdesk', () => {
  it('marks the integration expired and the ticket failed, retries nothing; Reconnect + Retry delivers', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    await connect(h.acc.accountId, zd);
    await zd.mode('401');
    expect(await drive([ticketJob(h)])).toEqual([{ acked: true, retryDelaySeconds: null }]);
    const failed = await ticketRow(h.ticketId);
    expect(failed.deliveryState).toBe('failed');
    expect(failed.deliveryError).toMatch(
      /Zendesk refused the credentials \(401: Couldn't authenticate you\)\. Reconnect/,
    );
    expect(await integrationRow(h.acc.accountId, 'zendesk')).toMatchObject({ status: 'expired' });

    // Another ticket while expired fails at once, without calling Zendesk.
    const second = await handoffTicket('zendesk', { acc: h.acc });
    const before = (await zd.requests()).length;
    await drive([ticketJob(second)]);
    expect((await ticketRow(second.ticketId)).deliveryError).toMatch(/The Zendesk connection has expired/);
    expect((await zd.requests()).length).toBe(before);

    // The merchant fixes it: Test connection turns it green, Retry delivers.
    await zd.mode('ok');
    const cookie = await signIn(h.acc.owner.email, DEMO_PASSWORD);
    const test = await call<{ ok: boolean; integration: IntegrationView }>('POST', '/api/integrations/zendesk/test', {
      cookie,
    });
    expect(test.json).toMatchObject({ ok: true, integration: { status: 'connected', lastError: null } });
    const retry = await call('POST', `/api/integrations/failed-deliveries/${h.ticketId}/retry`, { cookie });
    expect(retry.status).toBe(202);
    const row = await waitFor(
      () => ticketRow(h.ticketId),
      (t) => t.deliveryState !== 'pending',
    );
    expect(row).toMatchObject({ deliveryState: 'delivered', deliveryError: null });
    expect(await zd.createsPerExternalId()).toEqual({ [h.ticketId]: 1 });
  });
});

describe('an outage followed by recovery delivers every ticket exactly once', () => {
  it('Zendesk 500s: pending with the last error and growing backoff, then delivered once each', async () => {
    const zd = new StandinScope('zendesk');
    const first = await handoffTicket('zendesk');
    const all = [
      first,
      await handoffTicket('zendesk', { acc: first.acc }),
      await handoffTicket('zendesk', { acc: first.acc }),
    ];
    await connect(first.acc.accountId, zd);
    await zd.mode('500');
    const jobs = all.map(ticketJob);

    const one = await drive(jobs, 1);
    const two = await drive(jobs, 2);
    for (const r of [...one, ...two]) expect(r.acked).toBe(false);
    expect(Math.min(...two.map((r) => r.retryDelaySeconds!))).toBeGreaterThan(
      Math.max(...one.map((r) => r.retryDelaySeconds!)) / 2,
    );
    expect(one.every((r) => r.retryDelaySeconds! >= 24 && r.retryDelaySeconds! <= 36)).toBe(true);
    for (const h of all) {
      expect(await ticketRow(h.ticketId)).toMatchObject({
        deliveryState: 'pending',
        deliveryAttempts: 2,
        deliveryError: expect.stringMatching(/^Zendesk answered 500/),
      });
      // The shopper is told plainly, once, that delivery is delayed.
      const notices = (await transcript(h)).filter((m) => m.role === 'system' && /slow to respond/.test(m.text));
      expect(notices).toHaveLength(1);
    }

    await zd.mode('ok');
    expect(await drive(jobs, 3)).toEqual(jobs.map(() => ({ acked: true, retryDelaySeconds: null })));
    // The queue delivers a message again (at-least-once): nothing is created twice.
    expect(await drive(jobs, 4)).toEqual(jobs.map(() => ({ acked: true, retryDelaySeconds: null })));
    expect(await zd.createsPerExternalId()).toEqual(Object.fromEntries(all.map((h) => [h.ticketId, 1])));
    for (const h of all)
      expect(await ticketRow(h.ticketId)).toMatchObject({
        deliveryState: 'delivered',
        deliveryAttempts: 3,
        deliveryError: null,
      });
  });

  it('Gorgias hangs (timeout), then answers: delivered once', async () => {
    const gg = new StandinScope('gorgias');
    const h = await handoffTicket('gorgias');
    await connect(h.acc.accountId, gg);
    await gg.mode('hang');
    const [timedOut] = await drive([ticketJob(h)], 1);
    expect(timedOut!.retryDelaySeconds).toBeGreaterThan(0);
    expect((await ticketRow(h.ticketId)).deliveryError).toBe('Gorgias did not answer within 1000 ms');
    await gg.mode('ok');
    expect(await drive([ticketJob(h)], 2)).toEqual([{ acked: true, retryDelaySeconds: null }]);
    expect(await gg.createsPerExternalId()).toEqual({ [h.ticketId]: 1 });
  });

  it.each(['zendesk', 'gorgias'] as const)(
    '%s creates the ticket but the answer is lost: the retry finds it instead of creating another',
    async (kind) => {
      const scope = new StandinScope(kind);
      const h = await handoffTicket(kind);
      await connect(h.acc.accountId, scope);
      await scope.mode('hang_after_create');
      expect((await drive([ticketJob(h)], 1))[0]!.acked).toBe(false);
      expect(await scope.createsPerExternalId()).toEqual({ [h.ticketId]: 1 });
      await scope.mode('ok');
      expect(await drive([ticketJob(h)], 2)).toEqual([{ acked: true, retryDelaySeconds: null }]);
      expect(await scope.createsPerExternalId()).toEqual({ [h.ticketId]: 1 });
      const [remote] = await scope.tickets<{ id: number }>();
      expect(await ticketRow(h.ticketId)).toMatchObject({ deliveryState: 'delivered', remoteId: String(remote!.id) });
    },
  );

  it('a 422 (the helpdesk rejects the request as such) fails the ticket without retrying', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    await db()
      .update(tickets)
      .set({ requesterEmail: 'not-an-email', profileId: null })
      .where(eq(tickets.id, h.ticketId));
    await connect(h.acc.accountId, zd);
    expect(await drive([ticketJob(h)])).toEqual([{ acked: true, retryDelaySeconds: null }]);
    expect(await ticketRow(h.ticketId)).toMatchObject({
      deliveryState: 'failed',
      deliveryError: expect.stringMatching(/^Zendesk rejected the request \(422: RecordInvalid/),
    });
    expect(await integrationRow(h.acc.accountId, 'zendesk')).toMatchObject({ status: 'connected' });
  });

  it('backoff doubles from 30 s, is capped at 6 h, and honours a longer Retry-After', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((a) => backoffSeconds(a, null, mid))).toEqual([30, 60, 120, 240]);
    expect(backoffSeconds(20, null, mid)).toBe(6 * 60 * 60);
    expect(backoffSeconds(1, 300, mid)).toBe(300);
  });
});

describe('dead-letter queue', () => {
  it('marks a ticket whose retries ran out failed with the last error; leaves delivered ones alone', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    const done = await handoffTicket('zendesk', { acc: h.acc });
    await connect(h.acc.accountId, zd);
    await drive([ticketJob(done)]);
    await zd.mode('500');
    await drive([ticketJob(h)], 10);
    expect(await driveDeadLetters([ticketJob(h), ticketJob(done)])).toEqual([
      { acked: true, retryDelaySeconds: null },
      { acked: true, retryDelaySeconds: null },
    ]);
    const failed = await ticketRow(h.ticketId);
    expect(failed.deliveryState).toBe('failed');
    expect(failed.deliveryError).toMatch(/^Gave up after 1 attempt\(s\)\. Last error: Zendesk answered 500/);
    expect((await ticketRow(done.ticketId)).deliveryState).toBe('delivered');

    // It is listed for the merchant, and Retry delivers it once Zendesk is back.
    const cookie = await signIn(h.acc.owner.email, DEMO_PASSWORD);
    const list = await call<{ tickets: Array<{ id: string; deliveryError: string }> }>(
      'GET',
      '/api/integrations/failed-deliveries',
      { cookie },
    );
    expect(list.json.tickets.map((t) => t.id)).toEqual([h.ticketId]);
    await zd.mode('ok');
    expect((await call('POST', `/api/integrations/failed-deliveries/${h.ticketId}/retry`, { cookie })).status).toBe(
      202,
    );
    await waitFor(
      () => ticketRow(h.ticketId),
      (t) => t.deliveryState === 'delivered',
    );
    expect(
      (await call<{ tickets: unknown[] }>('GET', '/api/integrations/failed-deliveries', { cookie })).json.tickets,
    ).toEqual([]);
    expect(await zd.createsPerExternalId()).toEqual({ [done.ticketId]: 1, [h.ticketId]: 1 });
  });

  it('a malformed queue message is dropped, not retried forever', async () => {
    expect(await drive([{ kind: 'ticket', accountId: '', ticketId: '' }])).toEqual([
      { acked: true, retryDelaySeconds: null },
    ]);
  });

  it('a helpdesk that is not connected fails the ticket with what to do', async () => {
    const h = await handoffTicket('gorgias');
    await drive([ticketJob(h)]);
    expect(await ticketRow(h.ticketId)).toMatchObject({
      deliveryState: 'failed',
      deliveryError: 'Gorgias is not connected. Connect it under Settings → Integrations, then retry this ticket.',
    });
  });
});

describe('shopper follow-ups become Zendesk comments', () => {
  it('a message after delivery is a public comment by the requester, posted once', async () => {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    await connect(h.acc.accountId, zd);
    await drive([ticketJob(h)]);
    const res = await sendHttp(
      { conversationId: h.conversationId, resumeToken: h.resumeToken, config: {} as never },
      'Any update on my parcel?',
    );
    const seq = res.json.ack.seq;
    await enqueueComment(env, { accountId: h.acc.accountId, ticketId: h.ticketId, messageSeq: seq }); // through the real queue
    const commentsOf = async () => (await zd.tickets<{ comments: Array<{ body: string }> }>())[0]!.comments;
    await waitFor(commentsOf, (comments) => comments.some((c) => c.body === 'Any update on my parcel?'));
    const job = { kind: 'comment' as const, accountId: h.acc.accountId, ticketId: h.ticketId, messageSeq: seq };
    expect(await drive([job], 2)).toEqual([{ acked: true, retryDelaySeconds: null }]); // redelivered: no second comment
    const [remote] = await zd.tickets<{
      requester_id: number;
      comments: Array<{ body: string; public: boolean; author_id: number }>;
    }>();
    const comments = remote!.comments.filter((c) => c.body === 'Any update on my parcel?');
    expect(comments).toEqual([{ body: 'Any update on my parcel?', public: true, author_id: remote!.requester_id }]);
    const [row] = await db()
      .select()
      .from(helpdeskComments)
      .where(and(eq(helpdeskComments.ticketId, h.ticketId), eq(helpdeskComments.messageSeq, seq)));
    expect(row).toMatchObject({ state: 'delivered' });
    // Messages the ticket's transcript already holds are not posted again.
    expect(await drive([{ ...job, messageSeq: 1 }])).toEqual([{ acked: true, retryDelaySeconds: null }]);
    expect((await zd.tickets<{ comments: unknown[] }>())[0]!.comments).toHaveLength(2);
  });

  it('waits while the ticket itself is still pending', async () => {
    const h = await handoffTicket('zendesk');
    const [waiting] = await drive([
      { kind: 'comment', accountId: h.acc.accountId, ticketId: h.ticketId, messageSeq: 99 },
    ]);
    expect(waiting).toEqual({ acked: false, retryDelaySeconds: 60 });
  });
});

describe('integrations API', () => {
  it('connects after a passing Test connection, never returns the secret, and seals it at rest', async () => {
    const zd = new StandinScope('zendesk');
    const acc = await freshAccount('hd-api', 1);
    const cookie = await signIn(acc.owner.email, DEMO_PASSWORD);
    const bad = await call('PUT', '/api/integrations/zendesk', {
      cookie,
      body: { subdomain: 'standin', email: zd.info.email, apiToken: 'wrong-token', baseUrl: zd.baseUrl },
    });
    expect(bad.status).toBe(422);
    expect(bad.json).toMatchObject({ error: { code: 'helpdesk_auth_failed' } });
    expect(await integrationRow(acc.accountId, 'zendesk')).toBeUndefined();

    const ok = await call<{ integration: IntegrationView }>('PUT', '/api/integrations/zendesk', {
      cookie,
      body: {
        subdomain: 'https://StandIn.zendesk.com',
        email: zd.info.email,
        apiToken: zd.info.secret,
        baseUrl: zd.baseUrl,
        webhookSigningSecret: 'whsec-1',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.integration).toMatchObject({
      kind: 'zendesk',
      status: 'connected',
      config: { subdomain: 'standin', email: zd.info.email },
      webhookSigningSecretSet: true,
    });
    expect(ok.text).not.toContain(zd.info.secret);
    const stored = await integrationRow(acc.accountId, 'zendesk');
    expect(stored!.secret.startsWith('v1:')).toBe(true);
    expect(stored!.secret).not.toContain(zd.info.secret);

    const list = await call<{ integrations: IntegrationView[]; zendeskWebhookUrl: string }>(
      'GET',
      '/api/integrations',
      { cookie },
    );
    expect(list.json.integrations.map((i) => [i.kind, i.status])).toEqual([
      ['zendesk', 'connected'],
      ['gorgias', 'not_connected'],
    ]);
    expect(list.json.zendeskWebhookUrl).toBe(`http://baton.test/api/webhooks/zendesk/${acc.accountId}`);
    expect(list.text).not.toContain(zd.info.secret);
    expect(list.text).not.toContain('whsec-1');

    // Reconnect without retyping the token keeps the stored one.
    const again = await call('PUT', '/api/integrations/zendesk', {
      cookie,
      body: { subdomain: 'standin', email: zd.info.email, baseUrl: zd.baseUrl },
    });
    expect(again.status).toBe(200);
    // A helpdesk that does not answer: nothing saved, a clear 502.
    const gg = new StandinScope('gorgias');
    await gg.mode('500');
    const down = await call('PUT', '/api/integrations/gorgias', {
      cookie,
      body: { domain: 'standin', email: gg.info.email, apiKey: gg.info.secret, baseUrl: gg.baseUrl },
    });
    expect(down.status).toBe(502);
    expect(await integrationRow(acc.accountId, 'gorgias')).toBeUndefined();
    // Bad input is a 400 with the field.
    const invalid = await call<{ error: { details: Array<{ field: string }> } }>('PUT', '/api/integrations/gorgias', {
      cookie,
      body: { domain: 'not a domain', email: 'x', apiKey: 'k' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['domain', 'email']));
    // Disconnect: back to not connected; a second time there is nothing to disconnect.
    const gone = await call<{ integration: IntegrationView }>('DELETE', '/api/integrations/zendesk', { cookie });
    expect(gone.json.integration).toMatchObject({ kind: 'zendesk', status: 'not_connected', config: null });
    expect((await call('DELETE', '/api/integrations/zendesk', { cookie })).status).toBe(404);
  });

  it('Test connection marks a revoked token expired', async () => {
    const gg = new StandinScope('gorgias');
    const acc = await freshAccount('hd-test', 1);
    await connect(acc.accountId, gg);
    await gg.mode('401');
    const cookie = await signIn(acc.owner.email, DEMO_PASSWORD);
    const res = await call<{ ok: boolean; error: string; integration: IntegrationView }>(
      'POST',
      '/api/integrations/gorgias/test',
      { cookie },
    );
    expect(res.json).toMatchObject({ ok: false, integration: { status: 'expired' } });
    expect(res.json.error).toMatch(/Gorgias refused the credentials \(401/);
  });

  it('Agents read but cannot connect, test or retry; another account’s ticket is 404', async () => {
    const h = await handoffTicket('zendesk');
    await drive([ticketJob(h)]); // not connected → failed
    const agent = await signIn(h.acc.agents[0]!.email, DEMO_PASSWORD);
    expect((await call('GET', '/api/integrations', { cookie: agent })).status).toBe(200);
    expect((await call('GET', '/api/integrations/failed-deliveries', { cookie: agent })).status).toBe(200);
    expect(
      (
        await call('PUT', '/api/integrations/zendesk', {
          cookie: agent,
          body: { subdomain: 'x', email: 'a@b.test', apiToken: 't' },
        })
      ).status,
    ).toBe(403);
    expect((await call('POST', '/api/integrations/zendesk/test', { cookie: agent })).status).toBe(403);
    expect(
      (await call('POST', `/api/integrations/failed-deliveries/${h.ticketId}/retry`, { cookie: agent })).status,
    ).toBe(403);
    expect((await call('GET', '/api/integrations')).status).toBe(401);

    const other = await freshAccount('hd-other', 0);
    const owner = await signIn(other.owner.email, DEMO_PASSWORD);
    expect(
      (await call('POST', `/api/integrations/failed-deliveries/${h.ticketId}/retry`, { cookie: owner })).status,
    ).toBe(404);
    expect((await call('POST', '/api/integrations/failed-deliveries/not-a-uuid/retry', { cookie: owner })).status).toBe(
      404,
    );
    expect(
      (await call<{ tickets: unknown[] }>('GET', '/api/integrations/failed-deliveries', { cookie: owner })).json
        .tickets,
    ).toEqual([]);
    expect((await call('PUT', '/api/integrations/freshdesk', { cookie: owner, body: {} })).status).toBe(404);
    // A ticket that is not failed cannot be retried.
    const ownCookie = await signIn(h.acc.owner.email, DEMO_PASSWORD);
    const pending = await handoffTicket('zendesk', { acc: h.acc });
    expect(
      (await call('POST', `/api/integrations/failed-deliveries/${pending.ticketId}/retry`, { cookie: ownCookie }))
        .status,
    ).toBe(409);
  });
});

describe('Zendesk webhook: agent replies reach the widget', () => {
  const SECRET = 'zendesk-signing-secret';

  const scopes = new Map<string, StandinScope>();
  async function deliveredZendeskTicket() {
    const zd = new StandinScope('zendesk');
    const h = await handoffTicket('zendesk');
    scopes.set(h.ticketId, zd);
    await connect(h.acc.accountId, zd, SECRET);
    await drive([ticketJob(h)]);
    const row = await ticketRow(h.ticketId);
    return { h, remoteId: row.remoteId! };
  }
  async function zendeskTicketOf(h: Handoff) {
    return (await scopes.get(h.ticketId)!.tickets<{ requester_id: number }>())[0];
  }

  async function post(
    accountId: string,
    payload: unknown,
    opts: { secret?: string; timestamp?: string; signature?: string | null } = {},
  ) {
    const body = JSON.stringify(payload);
    const timestamp = opts.timestamp ?? new Date().toISOString();
    const signature =
      opts.signature === undefined ? await signZendeskBody(opts.secret ?? SECRET, timestamp, body) : opts.signature;
    const headers: Record<string, string> = { 'x-zendesk-webhook-signature-timestamp': timestamp };
    if (signature !== null) headers['x-zendesk-webhook-signature'] = signature;
    return call<{ status: string; seq?: number; reason?: string; error?: { code: string } }>(
      'POST',
      `/api/webhooks/zendesk/${accountId}`,
      {
        rawBody: body,
        headers,
        origin: null,
      },
    );
  }

  it('a signed reply is posted as a human message, live, and a retried webhook is stored once', async () => {
    const { h, remoteId } = await deliveredZendeskTicket();
    const ws = await ShopperSocket.open({
      conversationId: h.conversationId,
      resumeToken: h.resumeToken,
      config: {} as never,
    });
    const payload = {
      ticket_id: remoteId,
      comment_id: '7001',
      body: 'Hi Jo, your parcel ships tomorrow.',
      author_name: 'Sam (Support)',
      public: 'true',
    };
    const first = await post(h.acc.accountId, payload);
    expect(first.status).toBe(200);
    expect(first.json.status).toBe('posted');
    const live = await ws.next('message', (f) => f.message.role === 'human');
    expect(live.message).toMatchObject({
      text: 'Hi Jo, your parcel ships tomorrow.',
      authorName: 'Sam (Support)',
      clientId: 'zendesk:7001',
    });
    ws.close();

    const again = await post(h.acc.accountId, payload);
    expect(again.json).toEqual({ status: 'posted', seq: first.json.seq });
    const humans = (await transcript(h)).filter((m) => m.role === 'human');
    expect(humans).toHaveLength(1);
    expect((await ticketRow(h.ticketId)).firstResponseAt).not.toBeNull();
  });

  it('refuses a bad, missing or stale signature, and another account’s URL', async () => {
    const { h, remoteId } = await deliveredZendeskTicket();
    const payload = { ticket_id: remoteId, comment_id: '7002', body: 'forged', author_name: 'Mallory' };
    expect((await post(h.acc.accountId, payload, { secret: 'wrong-secret' })).json.error?.code).toBe(
      'invalid_signature',
    );
    expect((await post(h.acc.accountId, payload, { signature: null })).json.error?.code).toBe('missing_signature');
    expect((await post(h.acc.accountId, payload, { signature: 'bm90LWEtc2lnbmF0dXJl' })).status).toBe(401);
    const stale = new Date(Date.now() - 6 * 60 * 1000).toISOString();
    const staleRes = await post(h.acc.accountId, payload, { timestamp: stale });
    expect(staleRes.status).toBe(401);
    expect(staleRes.json.error?.code).toBe('stale_signature');
    const other = await freshAccount('hd-wh-other', 0);
    expect((await post(other.accountId, payload)).status).toBe(401);
    expect((await transcript(h)).filter((m) => m.role === 'human')).toEqual([]);
  });

  it('validates the body and ignores what has nothing to post', async () => {
    const { h, remoteId } = await deliveredZendeskTicket();
    const bad = await post(h.acc.accountId, { ticket_id: remoteId, comment_id: '', body: 'x' });
    expect(bad.status).toBe(400);
    expect(
      (await post(h.acc.accountId, { ticket_id: remoteId, comment_id: '7003', body: 'note', public: false })).json,
    ).toEqual({ status: 'ignored', reason: 'internal note' });
    expect((await post(h.acc.accountId, { ticket_id: '424242', comment_id: '7004', body: 'hello' })).json).toEqual({
      status: 'ignored',
      reason: 'not a Baton ticket',
    });
    const requesterId = String((await zendeskTicketOf(h))!.requester_id);
    expect(
      (await post(h.acc.accountId, { ticket_id: remoteId, comment_id: '7005', body: 'mine', author_id: requesterId }))
        .json,
    ).toEqual({ status: 'ignored', reason: "the shopper's own message" });
    expect((await transcript(h)).filter((m) => m.role === 'human')).toEqual([]);
  });
});
