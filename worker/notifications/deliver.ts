// One notification attempt: load the row and the facts it reports (ticket, assignment log, names),
// send it (Slack: POST {"text": ...}; email: the configured sender), record the outcome on the row,
// and tell the queue whether to retry. Settings are read at delivery time: a member who turned email
// alerts off, or an account that removed its Slack URL, gets nothing more ("skipped").
import { and, eq, sql } from 'drizzle-orm';
import { openDb, type Database } from '../db/client';
import { assignmentLog, teams, tickets, users } from '../db/schema';
import { notificationDeliveries } from '../db/schema-notifications';
import { backoffSeconds, DONE, type Outcome } from '../handoff/delivery-policy';
import { SealedSecretError } from '../handoff/secret-box';
import { emailFrom, emailSender, type EmailEnv } from './email';
import type { NotificationJob } from './outbox';
import { slackUrlOf, slackUrlProblem, type SlackEnv } from './slack';
import { fetchOutbound, OutboundError } from '../platform/outbound-url';
import { emailBody, emailSubject, slackText, type NotificationFacts } from './text';

export const SLACK_TIMEOUT_MS = 10_000;

export type NotifyEnv = SlackEnv &
  EmailEnv & {
    DB: D1Database;
    /** The inbox's public origin (https://baton.example.com), for a link in the message; optional. */
    APP_URL?: string;
  };

type Row = typeof notificationDeliveries.$inferSelect;

export async function deliverNotification(env: NotifyEnv, job: NotificationJob, attempt: number): Promise<Outcome> {
  const db = openDb(env.DB);
  const [row] = await db
    .select()
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.accountId, job.accountId), eq(notificationDeliveries.id, job.deliveryId)))
    .limit(1);
  if (!row || row.state !== 'pending') return DONE; // a duplicate message, or already settled
  const facts = await factsOf(db, env, row);
  if (!facts) return settle(db, job, 'skipped', 'The ticket or its assignment no longer exists.');
  const result =
    row.channel === 'slack' ? await postToSlack(db, env, job, facts) : await sendEmail(db, env, job, row, facts);
  if ('settled' in result) return settle(db, job, result.settled, result.error);
  if (result.ok) {
    await record(db, job, {
      state: 'delivered',
      lastStatus: result.status,
      lastError: null,
      deliveredAt: Date.now(),
      attempted: true,
    });
    return DONE;
  }
  await record(db, job, { lastStatus: result.status, lastError: result.error, attempted: true });
  if (!result.retry) {
    await record(db, job, { state: 'failed' });
    return DONE;
  }
  return { kind: 'retry', delaySeconds: backoffSeconds(attempt, result.retryAfter ?? null) };
}

/** The dead-letter consumer's verdict: the queue gave up. */
export async function giveUpNotification(env: NotifyEnv, job: NotificationJob): Promise<Outcome> {
  const db = openDb(env.DB);
  await db
    .update(notificationDeliveries)
    .set({
      state: 'failed',
      lastError: sql`coalesce(${notificationDeliveries.lastError}, 'Not delivered') || ' (gave up after every retry)'`,
    })
    .where(
      and(
        eq(notificationDeliveries.accountId, job.accountId),
        eq(notificationDeliveries.id, job.deliveryId),
        eq(notificationDeliveries.state, 'pending'),
      ),
    );
  return DONE;
}

type Attempt =
  | { settled: 'skipped' | 'failed'; error: string }
  | { ok: true; status: number | null }
  | { ok: false; status: number | null; error: string; retry: boolean; retryAfter?: number | null };

async function postToSlack(
  db: Database,
  env: NotifyEnv,
  job: NotificationJob,
  facts: NotificationFacts,
): Promise<Attempt> {
  let url: string | null;
  try {
    url = await slackUrlOf(db, env, job.accountId);
  } catch (err) {
    if (err instanceof SealedSecretError)
      return { settled: 'failed', error: `The Slack URL cannot be opened (${err.message}); save it again.` };
    throw err;
  }
  if (!url) return { settled: 'skipped', error: 'Slack alerts were turned off.' };
  const problem = slackUrlProblem(env, url);
  if (problem) return { settled: 'failed', error: problem };
  try {
    const res = await fetchOutbound(env, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Baton-Notifications/1' },
      body: JSON.stringify({ text: slackText(facts) }),
      timeoutMs: SLACK_TIMEOUT_MS,
    });
    if (res.ok) {
      await res.body?.cancel();
      return { ok: true, status: res.status };
    }
    const detail = (await res.text().catch(() => '')).slice(0, 200);
    // Slack answers 4xx for a revoked or mistyped URL (no_service, invalid_token, …): that is final.
    const retry = res.status >= 500 || res.status === 408 || res.status === 429;
    return {
      ok: false,
      status: res.status,
      error: `HTTP ${res.status}: ${detail}`,
      retry,
      retryAfter: Number(res.headers.get('retry-after')) || null,
    };
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    return { ok: false, status: null, error: err.message, retry: err.kind === 'timeout' || err.kind === 'unreachable' };
  }
}

async function sendEmail(
  db: Database,
  env: NotifyEnv,
  job: NotificationJob,
  row: Row,
  facts: NotificationFacts,
): Promise<Attempt> {
  const [user] = row.userId
    ? await db
        .select({
          email: users.email,
          name: users.name,
          emailAlerts: users.emailAlerts,
          removedAt: users.removedAt,
          accountId: users.accountId,
        })
        .from(users)
        .where(eq(users.id, row.userId))
        .limit(1)
    : [];
  if (!user || user.accountId !== job.accountId || user.removedAt !== null)
    return { settled: 'skipped', error: 'The recipient is no longer a team member.' };
  if (!user.emailAlerts) return { settled: 'skipped', error: 'The recipient turned email alerts off.' };
  const sender = emailSender(env);
  if (!sender)
    return {
      settled: 'failed',
      error: 'No email sender is configured (the EMAIL send_email binding or EMAIL_API_URL).',
    };
  return sender.send({
    from: emailFrom(env),
    to: user.email,
    subject: emailSubject(facts),
    text: emailBody(facts, user.name),
    messageId: `baton-${row.id}`,
  });
}

async function factsOf(db: Database, env: NotifyEnv, row: Row): Promise<NotificationFacts | null> {
  const [found] = await db
    .select({
      number: tickets.number,
      subject: tickets.subject,
      channel: tickets.channel,
      method: assignmentLog.method,
      reason: assignmentLog.reason,
      assigneeName: users.name,
      teamName: teams.name,
    })
    .from(assignmentLog)
    .innerJoin(tickets, and(eq(tickets.id, assignmentLog.ticketId), eq(tickets.accountId, assignmentLog.accountId)))
    .leftJoin(users, eq(users.id, assignmentLog.assigneeId))
    .leftJoin(teams, eq(teams.id, assignmentLog.teamId))
    .where(and(eq(assignmentLog.id, row.assignmentLogId), eq(assignmentLog.accountId, row.accountId)))
    .limit(1);
  if (!found) return null;
  const origin = env.APP_URL?.replace(/\/+$/, '') || null;
  return {
    kind: row.kind,
    ticketNumber: found.number,
    subject: found.subject,
    channel: found.channel,
    assigneeName: found.assigneeName,
    teamName: found.teamName,
    method: found.method,
    reason: found.reason,
    link: origin ? `${origin}/inbox?ticket=${encodeURIComponent(row.ticketId)}` : null,
  };
}

function settle(db: Database, job: NotificationJob, state: 'skipped' | 'failed', error: string): Promise<Outcome> {
  return record(db, job, { state, lastError: error }).then(() => DONE);
}

interface Change {
  state?: 'delivered' | 'failed' | 'skipped';
  lastStatus?: number | null;
  lastError?: string | null;
  deliveredAt?: number;
  attempted?: boolean;
}

function record(db: Database, job: NotificationJob, change: Change) {
  const { attempted, ...fields } = change;
  return db
    .update(notificationDeliveries)
    .set({
      ...fields,
      queuedAt: Date.now(),
      ...(attempted ? { attempts: sql`${notificationDeliveries.attempts} + 1` } : {}),
    })
    .where(
      and(
        eq(notificationDeliveries.accountId, job.accountId),
        eq(notificationDeliveries.id, job.deliveryId),
        eq(notificationDeliveries.state, 'pending'),
      ),
    );
}
