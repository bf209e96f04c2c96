// Round robin, office hours and the first-response target (sections of the account's settings
// document). Owner, Admin and Manager switch round robin; office hours and the target need the general
// settings.edit permission (Manager and up). A new target applies to tickets created after it is saved:
// a ticket's due time is fixed when it arrives (worker/tickets/sla.ts).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { officeHoursSettings, roundRobinSettings, slaInput } from '../settings/schema';
import { writeSection } from '../settings/store';
import { dispatcherOf } from '../durable/namespaces';
import { retrying } from '../durable/retry';

export const assignmentSettingsRoutes = new Hono<AppEnv>()
  .put('/round-robin', requirePermission('roundrobin.toggle'), async (c) => {
    const value = await jsonBody(c, roundRobinSettings);
    const { db, member } = c.var;
    const settings = await writeSection(db, member.accountId, member.userId, 'roundRobin', value);
    await retrying(() => dispatcherOf(c.env, member.accountId).settingsChanged({ accountId: member.accountId }));
    return c.json({ settings });
  })
  .put('/office-hours', requirePermission('settings.edit'), async (c) => {
    const value = await jsonBody(c, officeHoursSettings);
    const { db, member } = c.var;
    const settings = await writeSection(db, member.accountId, member.userId, 'officeHours', value);
    await retrying(() => dispatcherOf(c.env, member.accountId).settingsChanged({ accountId: member.accountId }));
    return c.json({ settings });
  })
  .put('/sla', requirePermission('settings.edit'), async (c) => {
    const value = await jsonBody(c, slaInput);
    const { db, member } = c.var;
    return c.json({ settings: await writeSection(db, member.accountId, member.userId, 'sla', value) });
  });
