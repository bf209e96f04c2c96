// The account's Slack incoming-webhook URL: validated, sealed at rest (it is a bearer credential: anyone
// holding it can post to the channel), and never read back whole (the settings page shows a hint).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { notificationSettings } from '../db/schema-notifications';
import { open, seal, type SecretsEnv } from '../handoff/secret-box';
import { isLocalStandin, outboundUrlProblem, type OutboundEnv } from '../platform/outbound-url';

/** ALLOW_LOCAL_OUTBOUND (tests, `npm run dev`) also admits the local Slack stand-in on 127.0.0.1. */
export type SlackEnv = Env & SecretsEnv & OutboundEnv;

const sealContext = (accountId: string) => `notifications:slack:${accountId}`;

/** null when the URL is acceptable (the outbound-URL policy, then Slack's own host), else why not. */
export function slackUrlProblem(env: OutboundEnv | object, raw: string): string | null {
  const problem = outboundUrlProblem(env, raw);
  if (problem) return `slackWebhookUrl: ${problem}`;
  if (isLocalStandin(env, raw)) return null;
  const url = new URL(raw);
  if (url.hostname !== 'hooks.slack.com' || url.port !== '') {
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
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.accountId, accountId))
    .limit(1);
  return { slack: { enabled: !!row?.slackWebhookUrl, hint: row?.slackWebhookUrl ? row.slackHint : null } };
}

export async function writeSlackUrl(
  db: Database,
  env: SlackEnv,
  accountId: string,
  userId: string,
  url: string | null,
): Promise<void> {
  const sealed = url === null ? null : await seal(env, sealContext(accountId), url);
  const hint = url === null ? null : hintOf(url);
  const now = Date.now();
  await db
    .insert(notificationSettings)
    .values({ accountId, slackWebhookUrl: sealed, slackHint: hint, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({
      target: notificationSettings.accountId,
      set: { slackWebhookUrl: sealed, slackHint: hint, updatedAt: now, updatedBy: userId },
    });
}

/** The URL to post to, or null when Slack alerts are off. Throws SealedSecretError when it cannot be opened. */
export async function slackUrlOf(db: Database, env: SlackEnv, accountId: string): Promise<string | null> {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.accountId, accountId))
    .limit(1);
  if (!row?.slackWebhookUrl) return null;
  return open(env, sealContext(accountId), row.slackWebhookUrl);
}
