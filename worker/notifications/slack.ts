// The account's Slack incoming-webhook URL: validated, sealed at rest (it is a bearer credential: anyone
// holding it can post to the channel), and never read back whole (the settings page shows a hint).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { notificationSettings } from '../db/schema-notifications';
import { open, seal, type SecretsEnv } from '../handoff/secret-box';

export interface SlackEnv extends SecretsEnv {
  /** "true" in tests and local development: any http(s) URL is accepted (a local receiver). */
  ALLOW_LOCAL_SLACK?: string;
}

const sealContext = (accountId: string) => `notifications:slack:${accountId}`;

/** null when the URL is acceptable, else why not. */
export function slackUrlProblem(env: SlackEnv, raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'slackWebhookUrl is not a URL';
  }
  if (url.username || url.password) return 'slackWebhookUrl must not carry credentials';
  if (env.ALLOW_LOCAL_SLACK === 'true') return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'slackWebhookUrl must be http(s)';
  if (url.protocol !== 'https:' || url.hostname !== 'hooks.slack.com' || url.port !== '' || !url.pathname.startsWith('/')) {
    return 'slackWebhookUrl must be a Slack incoming-webhook URL (https://hooks.slack.com/...)';
  }
  return null;
}

export const notificationSettingsBody = z.strictObject({
  /** null turns Slack alerts off. */
  slackWebhookUrl: z.string().trim().max(500).nullable(),
});

export interface NotificationSettingsView {
  slack: { enabled: boolean; hint: string | null };
}

export function hintOf(raw: string): string {
  const url = new URL(raw);
  return `${url.host}/…${raw.slice(-4)}`;
}

export async function readNotificationSettings(db: Database, accountId: string): Promise<NotificationSettingsView> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.accountId, accountId)).limit(1);
  return { slack: { enabled: !!row?.slackWebhookUrl, hint: row?.slackWebhookUrl ? row.slackHint : null } };
}

export async function writeSlackUrl(db: Database, env: SlackEnv, accountId: string, userId: string, url: string | null): Promise<void> {
  const sealed = url === null ? null : await seal(env, sealContext(accountId), url);
  const hint = url === null ? null : hintOf(url);
  const now = Date.now();
  await db.insert(notificationSettings)
    .values({ accountId, slackWebhookUrl: sealed, slackHint: hint, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: notificationSettings.accountId, set: { slackWebhookUrl: sealed, slackHint: hint, updatedAt: now, updatedBy: userId } });
}

/** The URL to post to, or null when Slack alerts are off. Throws SealedSecretError when it cannot be opened. */
export async function slackUrlOf(db: Database, env: SlackEnv, accountId: string): Promise<string | null> {
  const [row] = await db.select().from(notificationSettings).where(eq(notificationSettings.accountId, accountId)).limit(1);
  if (!row?.slackWebhookUrl) return null;
  return open(env, sealContext(accountId), row.slackWebhookUrl);
}
