// Webhook subscriptions: a URL, the event names it wants ("*" for all) and a signing secret. The
// secret is sealed at rest (secret-box.ts, bound to the account and subscription) and shown to the
// merchant when created or rotated; Baton opens it only to sign.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { webhookSubscriptions } from '../db/schema-insights';
import { open, seal, type SecretsEnv } from '../handoff/secret-box';
import { notFound } from '../http/errors';
import { newId } from '../ids';
import { newSigningSecret } from './sign';
import { fetchTargetUrl } from '../platform/outbound-url';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;

/** Where events are POSTed: a public https host (worker/platform/outbound-url.ts). */
const url = fetchTargetUrl;
const eventNames = z
  .array(z.string().trim().min(1).max(100))
  .min(1)
  .max(50)
  .transform((names) => [...new Set(names)]);

export const createSubscriptionBody = z.object({
  url,
  events: eventNames,
  description: z.string().trim().max(200).default(''),
});
export const updateSubscriptionBody = z.object({
  url: url.optional(),
  events: eventNames.optional(),
  description: z.string().trim().max(200).optional(),
  active: z.boolean().optional(),
});

/** What the API shows of a subscription: never the secret. */
export function viewOf(row: SubscriptionRow) {
  const { secret: _secret, accountId: _accountId, ...view } = row;
  return view;
}

const sealContext = (accountId: string, id: string) => `webhook:${accountId}:${id}`;

export async function createSubscription(
  db: Database,
  env: Env & SecretsEnv,
  accountId: string,
  userId: string,
  input: z.infer<typeof createSubscriptionBody>,
) {
  const id = newId();
  const secret = newSigningSecret();
  const now = Date.now();
  const row: SubscriptionRow = {
    id,
    accountId,
    url: input.url,
    description: input.description,
    eventNames: input.events,
    secret: await seal(env, sealContext(accountId, id), secret),
    active: true,
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
  await db.insert(webhookSubscriptions).values(row);
  return { subscription: viewOf(row), secret };
}

export async function rotateSecret(db: Database, env: Env & SecretsEnv, accountId: string, id: string) {
  await findSubscription(db, accountId, id);
  const secret = newSigningSecret();
  await db
    .update(webhookSubscriptions)
    .set({ secret: await seal(env, sealContext(accountId, id), secret), updatedAt: Date.now() })
    .where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id)));
  return secret;
}

export function signingSecret(env: SecretsEnv, row: SubscriptionRow): Promise<string> {
  return open(env, sealContext(row.accountId, row.id), row.secret);
}

export async function findSubscription(db: Database, accountId: string, id: string): Promise<SubscriptionRow> {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id)))
    .limit(1);
  if (!row) throw notFound('Webhook subscription');
  return row;
}

export async function listSubscriptions(db: Database, accountId: string) {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.accountId, accountId))
    .orderBy(desc(webhookSubscriptions.createdAt));
  return rows.map(viewOf);
}

export async function updateSubscription(
  db: Database,
  accountId: string,
  id: string,
  input: z.infer<typeof updateSubscriptionBody>,
) {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.events !== undefined ? { eventNames: input.events } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: Date.now(),
    })
    .where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id)))
    .returning();
  if (!row) throw notFound('Webhook subscription');
  return viewOf(row);
}

export async function deleteSubscription(db: Database, accountId: string, id: string) {
  const [row] = await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.accountId, accountId), eq(webhookSubscriptions.id, id)))
    .returning({ id: webhookSubscriptions.id });
  if (!row) throw notFound('Webhook subscription');
}
