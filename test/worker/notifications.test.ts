// Assignment notifications beside the toast: the account's Slack incoming webhook and a member's own
// email alert. Rows come from the assignment_log trigger (the Dispatcher makes no network call); the
// tests sweep them into a recording queue and play the Queues runtime attempt by attempt against the
// local stand-ins (test/support/notification-standins.ts), plus one run through the real queue.
import { describe, expect, inject, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { tickets } from '../../worker/db/schema';
import { notificationDeliveries } from '../../worker/db/schema-notifications';
import { sweepNotifications, type NotificationJob } from '../../worker/notifications/outbox';
import {
  handleNotificationBatch,
  NOTIFICATION_DLQ_NAME,
  NOTIFICATION_QUEUE_NAME,
} from '../../worker/notifications/queue';
import { slackUrlProblem } from '../../worker/notifications/slack';
import { escapeSlack } from '../../worker/notifications/text';
import { mimeMessage } from '../../worker/notifications/email';
import type { NotificationStandinMode, ReceivedEmail, SlackRequest } from '../support/notification-standins';
import { BATCH_METADATA, call, db, signIn } from './helpers';
import { freshAccount, type FreshAccount } from './dispatch-helpers';
import { waitFor } from './helpdesk-helpers';

const standin = inject('notificationStandinUrl');
/** The queue consumer's env in these tests: email goes to the stand-in email API. */
const consumerEnv = { ...env, EMAIL_API_URL: `${standin}/email` };

class Slack {
  readonly scope = `s-${crypto.randomUUID().slice(0, 8)}`;
  get url() {
    return `${standin}/slack/${this.scope}`;
  }
  async mode(mode: NotificationStandinMode) {
    await fetch(`${standin}/__mode`, { method: 'POST', body: JSON.stringify({ scope: this.scope, mode }) });
  }
  async requests(): Promise<SlackRequest[]> {
    return ((await (await fetch(`${standin}/__slack?scope=${this.scope}`)).json()) as { requests: SlackRequest[] })
      .requests;
  }
  async delivered(): Promise<Array<{ text: string }>> {
    return (await this.requests()).filter((r) => r.status === 200).map((r) => r.body as { text: string });
  }
}

async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  return (
    (await (await fetch(`${standin}/__emails?to=${encodeURIComponent(address)}`)).json()) as { emails: ReceivedEmail[] }
  ).emails;
}

async function sweepCaptured(accountId: string): Promise<NotificationJob[]> {
  const jobs: NotificationJob[] = [];
  const queue = {
    send: async (body: NotificationJob) => void jobs.push(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<NotificationJob>>) =>
      void jobs.push(...[...messages].map((m) => m.body)),
  } as unknown as Queue;
  await sweepNotifications({ DB: env.DB, NOTIFICATION_QUEUE: queue }, { accountId });
  return jobs;
}

async function drive(jobs: NotificationJob[], attempts: number, queue = NOTIFICATION_QUEUE_NAME) {
  const results = jobs.map(() => ({ acked: false, retryDelaySeconds: null as number | null }));
  const messages: Array<Message<NotificationJob>> = jobs.map((body, i) => ({
    id: crypto.randomUUID(),
    timestamp: new Date(),
    attempts,
    body,
    ack: () => void (results[i] = { acked: true, retryDelaySeconds: null }),
    retry: (o?: QueueRetryOptions) => void (results[i] = { acked: false, retryDelaySeconds: o?.delaySeconds ?? 0 }),
  }));
  await handleNotificationBatch(
    { queue, messages, metadata: BATCH_METADATA, ackAll: () => undefined, retryAll: () => undefined },
    consumerEnv,
  );
  return results;
}

const rowsOf = (accountId: string) =>
  db().select().from(notificationDeliveries).where(eq(notificationDeliveries.accountId, accountId));

async function withSlack(tag: string, agents = 2) {
  const acc = await freshAccount(tag, agents);
  const slack = new Slack();
  const owner = await signIn(acc.owner.email);
  const res = await call<{ slack: { enabled: boolean; hint: string | null } }>('PUT', '/api/settings/notifications', {
    cookie: owner,
    body: { slackWebhookUrl: slack.url },
  });
  expect(res.status).toBe(200);
  expect(res.json.slack.enabled).toBe(true);
  expect(res.text).not.toContain(slack.scope); // the URL is a credential: only a hint comes back
  return { acc, slack, owner };
}

async function optIn(acc: FreshAccount, index: number) {
  const cookie = await signIn(acc.agents[index]!.email);
  const res = await call<{ emailAlerts: boolean }>('PUT', '/api/me/notifications', {
    cookie,
    body: { emailAlerts: true },
  });
  expect(res.status).toBe(200);
  return cookie;
}

describe('assignment notifications', () => {
  it('round robin: one Slack post per ticket and one email to the assignee who opted in; none to one who did not', async () => {
    const { acc, slack } = await withSlack('notify-rr');
    await optIn(acc, 0);
    await acc.online(acc.agents[0]!.id);
    const first = await acc.ticket('email');
    expect(first.assigneeId).toBe(acc.agents[0]!.id);
    await acc.offline(acc.agents[0]!.id);
    await acc.online(acc.agents[1]!.id);
    const second = await acc.ticket('sms');
    expect(second.assigneeId).toBe(acc.agents[1]!.id);
    // A shopper-written subject: Slack control characters must arrive escaped, never as a mention or link.
    await db()
      .update(tickets)
      .set({ subject: 'Refund <!channel> & <https://evil.example|click>' })
      .where(eq(tickets.id, first.id));

    const jobs = await sweepCaptured(acc.accountId);
    expect(jobs).toHaveLength(3); // two Slack posts, one email
    expect((await drive(jobs, 1)).every((r) => r.acked)).toBe(true);

    const posts = await slack.delivered();
    expect(posts).toHaveLength(2);
    const [number1] = await db().select({ n: tickets.number }).from(tickets).where(eq(tickets.id, first.id));
    const post1 = posts.find((p) => p.text.includes(`#${number1!.n} `))!;
    expect(post1.text).toContain('New email ticket');
    expect(post1.text).toContain(`assigned to ${acc.agents[0]!.name}`);
    expect(post1.text).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(post1.text).not.toContain('<');
    expect(Object.keys(posts[0]!)).toEqual(['text']); // Slack's documented incoming-webhook body

    const mails = await emailsTo(acc.agents[0]!.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(
      `Ticket #${number1!.n} Refund <!channel> & <https://evil.example|click> was assigned to you`,
    );
    expect(mails[0]!.text).toContain(`Hi ${acc.agents[0]!.name},`);
    expect(mails[0]!.from).toBe('alerts@baton.example');
    expect(mails[0]!.idempotencyKey).toMatch(/^baton-/);
    expect(await emailsTo(acc.agents[1]!.email)).toHaveLength(0);

    const rows = await rowsOf(acc.accountId);
    expect(rows.map((r) => r.state).sort()).toEqual(['delivered', 'delivered', 'delivered']);
    // A duplicate queue message changes nothing.
    expect((await drive(jobs, 1)).every((r) => r.acked)).toBe(true);
    expect(await slack.delivered()).toHaveLength(2);
    expect(await emailsTo(acc.agents[0]!.email)).toHaveLength(1);
  });

  it('manual, bulk and team assignments notify; assigning yourself, "No assignee" and a repeat do not email', async () => {
    const { acc, slack } = await withSlack('notify-manual', 2);
    await optIn(acc, 0);
    await optIn(acc, 1);
    const t = await acc.ticket('email'); // nobody Online: Unassigned (one Slack "new ticket" post)
    expect(t.assigneeId).toBeNull();
    const actor = { id: acc.support.id, name: 'Support' };
    const assign = (to: Parameters<FreshAccount['stub']['assign']>[0]['to'], who = actor, bulk = false) =>
      acc.stub.assign({ accountId: acc.accountId, actor: who, ticketIds: [t.id], to, bulk });
    await assign({ kind: 'user', userId: acc.agents[0]!.id }); // manual → email agent 0
    await assign({ kind: 'user', userId: acc.agents[0]!.id }); // same assignee again: nothing
    await assign({ kind: 'none' }); // No assignee: nothing
    await assign({ kind: 'user', userId: acc.agents[1]!.id }, { id: acc.agents[1]!.id, name: acc.agents[1]!.name }); // self: Slack only
    await assign({ kind: 'user', userId: acc.agents[0]!.id }, actor, true); // bulk → email agent 0
    await acc.online(acc.agents[1]!.id);
    const teamId = await acc.team('Billing', [acc.agents[1]!.id]);
    await assign({ kind: 'team', teamId }); // team round robin → email agent 1

    await drive(await sweepCaptured(acc.accountId), 1);
    const rows = await rowsOf(acc.accountId);
    expect(rows.filter((r) => r.channel === 'slack')).toHaveLength(5); // created, manual, self, bulk, team
    expect(
      rows
        .filter((r) => r.channel === 'email')
        .map((r) => r.userId)
        .sort(),
    ).toEqual([acc.agents[0]!.id, acc.agents[0]!.id, acc.agents[1]!.id].sort());
    expect(await slack.delivered()).toHaveLength(5);
    expect(await emailsTo(acc.agents[0]!.email)).toHaveLength(2);
    expect(await emailsTo(acc.agents[1]!.email)).toHaveLength(1);
  });

  it('a member sets only their own email alerts; off by default; turning them off stops queued ones', async () => {
    const acc = await freshAccount('notify-self', 2);
    const a0 = await signIn(acc.agents[0]!.email);
    const owner = await signIn(acc.owner.email);
    expect(
      (await call<{ emailAlerts: boolean }>('GET', '/api/me/notifications', { cookie: a0 })).json.emailAlerts,
    ).toBe(false);
    expect((await call('PUT', '/api/me/notifications', { body: { emailAlerts: true } })).status).toBe(401);
    // No way to name someone else: the body is strict and the route only ever touches the session's user.
    expect(
      (
        await call('PUT', '/api/me/notifications', {
          cookie: owner,
          body: { emailAlerts: true, userId: acc.agents[0]!.id },
        })
      ).status,
    ).toBe(400);
    expect((await call('PUT', '/api/me/notifications', { cookie: owner, body: { emailAlerts: true } })).status).toBe(
      200,
    );
    expect(
      (await call<{ emailAlerts: boolean }>('GET', '/api/me/notifications', { cookie: a0 })).json.emailAlerts,
    ).toBe(false);
    expect(
      (await call<{ emailAlerts: boolean }>('GET', '/api/me/notifications', { cookie: owner })).json.emailAlerts,
    ).toBe(true);

    await call('PUT', '/api/me/notifications', { cookie: a0, body: { emailAlerts: true } });
    await acc.online(acc.agents[0]!.id);
    await acc.ticket('email');
    const jobs = await sweepCaptured(acc.accountId);
    expect(jobs).toHaveLength(1); // no Slack URL on this account: the email only
    await call('PUT', '/api/me/notifications', { cookie: a0, body: { emailAlerts: false } });
    expect((await drive(jobs, 1))[0]!.acked).toBe(true);
    expect(await emailsTo(acc.agents[0]!.email)).toHaveLength(0);
    expect((await rowsOf(acc.accountId))[0]!.state).toBe('skipped');
  });

  it('a Slack outage, then recovery: the post arrives exactly once; the dead-letter queue marks what is left failed', async () => {
    const { acc, slack } = await withSlack('notify-outage', 1);
    await slack.mode('down');
    await acc.online(acc.agents[0]!.id);
    await acc.ticket('email');
    const jobs = await sweepCaptured(acc.accountId);
    expect(jobs).toHaveLength(1);

    const [down] = await drive(jobs, 1);
    expect(down!.acked).toBe(false);
    expect(down!.retryDelaySeconds).toBeGreaterThan(0);
    await slack.mode('500');
    const [error] = await drive(jobs, 2);
    expect(error!.retryDelaySeconds).toBeGreaterThan(down!.retryDelaySeconds! / 2);
    let [row] = await rowsOf(acc.accountId);
    expect(row).toMatchObject({ state: 'pending', attempts: 2, lastStatus: 500 });
    // In backoff, not lost: the sweep does not queue it a second time.
    expect(await sweepCaptured(acc.accountId)).toHaveLength(0);

    await slack.mode('ok');
    expect((await drive(jobs, 3))[0]!.acked).toBe(true);
    expect((await drive(jobs, 4))[0]!.acked).toBe(true); // a duplicate delivery of the message
    expect(await slack.delivered()).toHaveLength(1);
    [row] = await rowsOf(acc.accountId);
    expect(row).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, lastError: null });

    // A second ticket while Slack stays down: after every retry, the dead-letter consumer gives up.
    await slack.mode('500');
    await acc.ticket('sms');
    const more = await sweepCaptured(acc.accountId);
    await drive(more, 1);
    await drive(more, 1, NOTIFICATION_DLQ_NAME);
    const failed = (await rowsOf(acc.accountId)).find((r) => r.id === more[0]!.deliveryId)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('gave up after every retry');
  });

  it('only Owner/Admin/Manager change the Slack setting; the URL is validated and never read back', async () => {
    const { acc, slack } = await withSlack('notify-perm', 1);
    const agent = await signIn(acc.agents[0]!.email);
    const support = await signIn(acc.support.email);
    for (const cookie of [agent, support]) {
      const res = await call('PUT', '/api/settings/notifications', { cookie, body: { slackWebhookUrl: null } });
      expect(res.status).toBe(403);
    }
    const view = await call<{ slack: { enabled: boolean; hint: string } }>('GET', '/api/settings/notifications', {
      cookie: agent,
    });
    expect(view.status).toBe(200);
    expect(view.json.slack.enabled).toBe(true);
    expect(view.text).not.toContain(slack.scope);

    const owner = await signIn(acc.owner.email);
    expect(
      (
        await call('PUT', '/api/settings/notifications', {
          cookie: owner,
          body: { slackWebhookUrl: 'ftp://hooks.slack.com/x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await call('PUT', '/api/settings/notifications', { cookie: owner, body: { slackWebhookUrl: 'not a url' } }))
        .status,
    ).toBe(400);
    // Production accepts Slack's own incoming-webhook host only.
    const prod = {};
    expect(slackUrlProblem(prod, 'https://hooks.slack.com/services/T000/B000/XXXX')).toBeNull();
    for (const bad of [
      'http://hooks.slack.com/services/T/B/X',
      'https://hooks.slack.com.evil.example/x',
      'https://evil.example/hooks.slack.com',
      'https://u:p@hooks.slack.com/x',
      'http://127.0.0.1/x',
    ]) {
      expect(slackUrlProblem(prod, bad)).not.toBeNull();
    }
    // Turning Slack off: later assignments write no Slack rows.
    expect(
      (await call('PUT', '/api/settings/notifications', { cookie: owner, body: { slackWebhookUrl: null } })).status,
    ).toBe(200);
    await acc.online(acc.agents[0]!.id);
    await acc.ticket('email');
    expect(await rowsOf(acc.accountId)).toHaveLength(0);
  });

  it('an assignment through the inbox API reaches Slack through the real queue; email goes through the send_email binding', async () => {
    const { acc, slack } = await withSlack('notify-e2e', 1);
    await optIn(acc, 0);
    const t = await acc.ticket('email'); // Unassigned: a "new ticket" post
    const support = await signIn(acc.support.email);
    const res = await call('PATCH', `/api/tickets/${t.id}/assignee`, {
      cookie: support,
      body: { assigneeId: acc.agents[0]!.id },
    });
    expect(res.status).toBe(200);
    // The route sweeps this account's outbox after the assignment; the runtime's queue consumer delivers.
    const rows = await waitFor(
      () => rowsOf(acc.accountId),
      (rs) => rs.length === 3 && rs.every((r) => r.state !== 'pending'),
      15_000,
    );
    expect(await slack.delivered()).toHaveLength(2);
    // The real consumer has no EMAIL_API_URL: it used the EMAIL binding (Miniflare accepts and logs it).
    expect(rows.find((r) => r.channel === 'email')).toMatchObject({ state: 'delivered', userId: acc.agents[0]!.id });
  });
});

describe('notification text', () => {
  it('escapes Slack control characters and builds a plain-text MIME message with one-line headers', () => {
    expect(escapeSlack('a & <b> <!here>')).toBe('a &amp; &lt;b&gt; &lt;!here&gt;');
    const raw = mimeMessage({
      from: 'alerts@baton.example',
      to: 'x@y.test',
      subject: 'Hi\r\nBcc: evil@x.test',
      text: '<b>not html</b>',
      messageId: 'baton-1',
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toContain('Content-Type: text/plain; charset=utf-8');
    expect(head).toContain('Subject: Hi Bcc: evil@x.test');
    expect(head!.split('\r\n').some((l) => l.startsWith('Bcc:'))).toBe(false);
    expect(atob(body!.replace(/\r\n/g, ''))).toBe('<b>not html</b>');
  });
});
