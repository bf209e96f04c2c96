import { Hono } from 'hono';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z, type ZodType } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { Database } from '../db/client';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { teams, users } from '../db/schema';
import {
  agentSettings,
  escalationSettings,
  generalSettings,
  llmSettings,
  type AccountSettings,
  type EscalationSettings,
} from '../settings/schema';
import { handoffSettings, type HandoffSettings } from '../settings/handoff';
import { readSettings, writeSection } from '../settings/store';
import { withBuiltInRule } from '../settings/builtin-rules';
import { deleteLlmKey, readLlmKeyView, writeLlmKey } from '../settings/llm-credentials';
import { assertOutboundUrls } from '../platform/outbound-url';

// One PUT per settings section; each replaces its section after validation and writes an audit entry.
const SECTIONS: { [K in keyof AccountSettings]?: ZodType<AccountSettings[K]> } = {
  general: generalSettings,
  agent: agentSettings,
  escalation: escalationSettings,
  handoff: handoffSettings,
};

/** The LLM section, plus the account's own API key for its own base URL (write-only; null removes it). */
const llmBody = llmSettings.extend({ apiKey: z.string().trim().min(8).max(500).nullable().optional() });

export const settingsRoutes = new Hono<AppEnv>().get('/', requirePermission('settings.read'), async (c) => {
  return c.json({ settings: await readSettings(c.var.db, c.var.member.accountId) });
});

for (const [section, schema] of Object.entries(SECTIONS) as Array<
  [keyof AccountSettings, ZodType<AccountSettings[keyof AccountSettings]>]
>) {
  settingsRoutes.put(`/${section}`, requirePermission('settings.edit'), async (c) => {
    let value = await jsonBody(c, schema);
    const { db, member } = c.var;
    if (section === 'handoff') await assertOwnTeamsAndUsers(db, member.accountId, value as HandoffSettings);
    if (section === 'escalation') value = withBuiltInRule(value as EscalationSettings);
    return c.json({ settings: await writeSection(db, member.accountId, member.userId, section, value) });
  });
}

settingsRoutes
  .get('/llm-key', requirePermission('settings.read'), async (c) => {
    const { db, member } = c.var;
    const { llm } = await readSettings(db, member.accountId);
    return c.json({ llmKey: await readLlmKeyView(db, member.accountId, llm.baseUrl) });
  })
  .put('/llm', requirePermission('settings.edit'), async (c) => {
    const { apiKey, ...value } = await jsonBody(c, llmBody);
    assertOutboundUrls(c.env, { baseUrl: value.baseUrl });
    const { db, member } = c.var;
    if (apiKey) {
      if (!value.baseUrl) {
        throw new ApiError(400, 'invalid_request', 'The request failed validation', [
          {
            field: 'apiKey',
            message: 'Give baseUrl with your own key: without one, the platform endpoint and its key are used',
          },
        ]);
      }
      await writeLlmKey(db, c.env, member.accountId, member.userId, value.baseUrl, apiKey);
    } else if (apiKey === null) {
      await deleteLlmKey(db, member.accountId);
    }
    const settings = await writeSection(db, member.accountId, member.userId, 'llm', value);
    return c.json({ settings, llmKey: await readLlmKeyView(db, member.accountId, value.baseUrl) });
  });

/** Destinations and routing rules may only name this account's teams and members. */
async function assertOwnTeamsAndUsers(db: Database, accountId: string, handoff: HandoffSettings) {
  const routes = [
    ...Object.values(handoff.channels).map((ch) => ch.destination),
    ...handoff.routingRules.map((r) => r.route),
  ];
  const teamIds = [...new Set(routes.flatMap((r) => (r.kind === 'team' ? [r.teamId] : [])))];
  const userIds = [...new Set(routes.flatMap((r) => (r.kind === 'user' ? [r.userId] : [])))];
  const [foundTeams, foundUsers] = await Promise.all([
    teamIds.length
      ? db
          .select({ id: teams.id })
          .from(teams)
          .where(and(eq(teams.accountId, accountId), inArray(teams.id, teamIds)))
      : [],
    userIds.length
      ? db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.accountId, accountId), isNull(users.removedAt), inArray(users.id, userIds)))
      : [],
  ]);
  const missing = [
    ...teamIds
      .filter((id) => !foundTeams.some((t) => t.id === id))
      .map((id) => ({ field: 'teamId', message: `No team ${id} in this account` })),
    ...userIds
      .filter((id) => !foundUsers.some((u) => u.id === id))
      .map((id) => ({ field: 'userId', message: `No team member ${id} in this account` })),
  ];
  if (missing.length)
    throw new ApiError(
      400,
      'invalid_request',
      'The handoff settings name teams or people that are not in this account',
      missing,
    );
}
