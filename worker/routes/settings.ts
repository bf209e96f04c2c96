import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { agentSettings, generalSettings } from '../settings/schema';
import { readSettings, writeSection } from '../settings/store';

export const settingsRoutes = new Hono<AppEnv>()
  .get('/', requirePermission('settings.read'), async (c) => {
    return c.json({ settings: await readSettings(c.var.db, c.var.member.accountId) });
  })
  .put('/general', requirePermission('settings.edit'), async (c) => {
    const value = await jsonBody(c, generalSettings);
    const { db, member } = c.var;
    return c.json({ settings: await writeSection(db, member.accountId, member.userId, 'general', value) });
  })
  .put('/agent', requirePermission('settings.edit'), async (c) => {
    const value = await jsonBody(c, agentSettings);
    const { db, member } = c.var;
    return c.json({ settings: await writeSection(db, member.accountId, member.userId, 'agent', value) });
  });
