// The settings test sidebar: a chat with the Customer Agent under the account's current settings that
// records nothing. No conversation row, no Durable Object, no events, no ticket: the transcript lives
// in the browser, which sends back the misses-in-a-row count. Each answer says which skill (with its
// confidence) or which escalation rule fired, and an escalation comes with a dry run of the handoff.
import { Hono, type Context } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { CHANNELS, teamMembers, teams, users } from '../db/schema';
import { MAX_MESSAGE_CHARS } from '../protocol/limits';
import { readSettings } from '../settings/store';
import type { AccountSettings } from '../settings/schema';
import { publicOriginOf, retrieverFromEnv, runCustomerAgent } from '../agent';
import { accountLlm } from '../settings/llm-credentials';
import { listIntegrations } from '../handoff/integrations';
import { dispatcherOf } from '../durable/namespaces';
import { previewHandoff, type PreviewFacts, type PreviewInput } from '../settings/handoff-preview';

const messageText = z
  .string()
  .trim()
  .min(1, 'text is empty')
  .max(MAX_MESSAGE_CHARS, `text is longer than ${MAX_MESSAGE_CHARS} characters`);
const shopper = {
  channel: z.enum(CHANNELS).default('web_chat'),
  authenticated: z.boolean().default(false),
  /** An anonymous web-chat shopper who chose to continue by email. */
  continueByEmail: z.boolean().default(false),
  /** Conversation tags so far (the skills add them, e.g. "returns"); routing rules match on them. */
  tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .nullable()
    .default(null),
};
const messageBody = z.object({
  text: messageText,
  missesInARow: z.number().int().min(0).max(50).default(0),
  ...shopper,
});
const escalateBody = z.object({ ...shopper, rule: z.string().min(1).max(64).default('human_request') });

export const testChatRoutes = new Hono<AppEnv>()
  .use('*', requirePermission('settings.read'))
  .post('/messages', async (c) => {
    const body = await jsonBody(c, messageBody);
    const { db, member } = c.var;
    const settings = await readSettings(db, member.accountId);
    const turn = await runCustomerAgent({
      db,
      accountId: member.accountId,
      settings,
      text: body.text,
      profileId: null,
      missesInARow: body.missesInARow,
      llm: await accountLlm(c.env, db, member.accountId, settings),
      publicOrigin: publicOriginOf(c.env) ?? new URL(c.req.url).origin,
      retriever: retrieverFromEnv(settings, c.env, member.accountId),
    });
    if (turn.kind === 'escalate') {
      const rule = settings.escalation.rules.find((r) => r.id === turn.rule);
      const handoff = await preview(c, settings, { ...body, escalation: { reason: turn.reason, rule: turn.rule } });
      return c.json({
        turn: { kind: 'escalate' as const, rule: turn.rule, ruleName: rule?.name ?? turn.rule, reason: turn.reason },
        handoff,
        missesInARow: 0,
      });
    }
    const { prompt: _prompt, ...reply } = turn;
    return c.json({
      turn: { ...reply, threshold: settings.agent.confidenceThreshold },
      handoff: null,
      missesInARow: turn.missed ? body.missesInARow + 1 : 0,
    });
  })
  .post('/escalate', async (c) => {
    const body = await jsonBody(c, escalateBody);
    const settings = await readSettings(c.var.db, c.var.member.accountId);
    const rule = settings.escalation.rules.find((r) => r.id === body.rule);
    const reason = body.rule === 'human_request' ? 'shopper requested' : (rule?.name ?? body.rule);
    return c.json({ handoff: await preview(c, settings, { ...body, escalation: { reason, rule: body.rule } }) });
  });

async function preview(c: Context<AppEnv>, settings: AccountSettings, input: PreviewInput) {
  return previewHandoff(settings, input, await gatherFacts(c));
}

async function gatherFacts(c: Context<AppEnv>): Promise<PreviewFacts> {
  const { db, member } = c.var;
  const [integrations, people, teamRows, memberRows, snapshot] = await Promise.all([
    listIntegrations(db, member.accountId),
    db
      .select({ id: users.id, name: users.name, presence: users.presence })
      .from(users)
      .where(and(eq(users.accountId, member.accountId), isNull(users.removedAt))),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.accountId, member.accountId)),
    db
      .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.accountId, member.accountId)),
    // Read-only: the rotation as the Dispatcher holds it (who is Online, who got the last ticket).
    dispatcherOf(c.env, member.accountId)
      .snapshot()
      .catch(() => null),
  ]);
  const usersById = new Map(people.map((u) => [u.id, { name: u.name, online: u.presence === 'online' }]));
  return {
    now: Date.now(),
    helpdeskStatus: Object.fromEntries(integrations.map((i) => [i.kind, i.status])),
    rotation:
      snapshot?.rotation ?? people.map((u) => ({ userId: u.id, name: u.name, online: u.presence === 'online' })),
    lastAssigneeId: snapshot?.pointer ?? null,
    teams: new Map(
      teamRows.map((t) => [
        t.id,
        { name: t.name, memberIds: memberRows.filter((m) => m.teamId === t.id).map((m) => m.userId) },
      ]),
    ),
    users: usersById,
  };
}
