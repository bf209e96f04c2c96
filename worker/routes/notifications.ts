// Assignment notifications beside the in-app toast.
//   /api/me/notifications         a member's own email alert switch (there is no way to set another's)
//   /api/settings/notifications   the account's Slack incoming-webhook URL (Owner/Admin/Manager edit)
import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { auditLog, users } from '../db/schema';
import { newId } from '../ids';
import {
  notificationSettingsBody,
  readNotificationSettings,
  slackUrlProblem,
  writeSlackUrl,
} from '../notifications/slack';

const myNotificationsBody = z.strictObject({ emailAlerts: z.boolean() });

export const myNotificationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const [row] = await c.var.db
      .select({ emailAlerts: users.emailAlerts })
      .from(users)
      .where(and(eq(users.id, c.var.member.userId), eq(users.accountId, c.var.member.accountId)))
      .limit(1);
    return c.json({ emailAlerts: row?.emailAlerts ?? false });
  })
  .put('/', async (c) => {
    const { emailAlerts } = await jsonBody(c, myNotificationsBody);
    const { member, db } = c.var;
    await db
      .update(users)
      .set({ emailAlerts })
      .where(and(eq(users.id, member.userId), eq(users.accountId, member.accountId)));
    return c.json({ emailAlerts });
  });

export const notificationSettingsRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('settings.read'), async (c) =>
    c.json(await readNotificationSettings(c.var.db, c.var.member.accountId)),
  )
  .put('/', requirePermission('settings.edit'), async (c) => {
    const { slackWebhookUrl } = await jsonBody(c, notificationSettingsBody);
    const url = slackWebhookUrl === '' ? null : slackWebhookUrl;
    if (url !== null) {
      const problem = slackUrlProblem(c.env, url);
      if (problem) throw new ApiError(400, 'invalid_slack_url', problem);
    }
    const { member, db } = c.var;
    const before = await readNotificationSettings(db, member.accountId);
    await writeSlackUrl(db, c.env, member.accountId, member.userId, url);
    const after = await readNotificationSettings(db, member.accountId);
    // The URL is a credential: the audit log records only whether Slack alerts are on and the hint.
    await db.insert(auditLog).values({
      id: newId(),
      accountId: member.accountId,
      actorId: member.userId,
      action: 'settings.notifications.update',
      changes: { before: before.slack, after: after.slack },
      createdAt: Date.now(),
    });
    return c.json(after);
  });
