// Which LLM endpoint an account's answers are phrased by, and with whose key. The guarantee: the
// platform's LLM_API_KEY only ever goes to the platform's own LLM_BASE_URL (both Worker config, never
// tenant input). An account that sets its own `llm.baseUrl` must give its own key (PUT
// /api/settings/llm with `apiKey`), which is sealed at rest and bound to that exact base URL: after the
// URL changes the key is not used (and not sent) until it is given again, so someone who may edit
// settings cannot redirect a stored key to a listener of their own.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { llmCredentials } from '../db/schema';
import { open, seal, SealedSecretError, type SecretsEnv } from '../handoff/secret-box';
import { llmFromEnv, type LlmProvider } from '../agent/llm';
import type { OutboundEnv } from '../platform/outbound-url';
import type { AccountSettings } from './schema';

export type LlmCredentialsEnv = Env & SecretsEnv & OutboundEnv;

const sealContext = (accountId: string, baseUrl: string) => `llm:${accountId}:${baseUrl}`;

/** What the settings API shows: whether a key is stored for the current base URL, and its last 4 characters. */
export interface LlmKeyView {
  set: boolean;
  hint: string | null;
}

export async function readLlmKeyView(db: Database, accountId: string, baseUrl: string | null): Promise<LlmKeyView> {
  const row = await findRow(db, accountId);
  return row && row.baseUrl === baseUrl ? { set: true, hint: row.hint } : { set: false, hint: null };
}

/** Stores the account's key for `baseUrl` (replacing any earlier one). */
export async function writeLlmKey(
  db: Database,
  env: LlmCredentialsEnv,
  accountId: string,
  userId: string,
  baseUrl: string,
  apiKey: string,
) {
  const values = {
    baseUrl,
    secret: await seal(env, sealContext(accountId, baseUrl), apiKey),
    hint: apiKey.slice(-4),
    updatedAt: Date.now(),
    updatedBy: userId,
  };
  await db
    .insert(llmCredentials)
    .values({ accountId, ...values })
    .onConflictDoUpdate({ target: llmCredentials.accountId, set: values });
}

export async function deleteLlmKey(db: Database, accountId: string) {
  await db.delete(llmCredentials).where(eq(llmCredentials.accountId, accountId));
}

/** The account's own key for `baseUrl`, or null (none stored, stored for another URL, or unreadable). */
async function tenantKeyFor(
  db: Database,
  env: LlmCredentialsEnv,
  accountId: string,
  baseUrl: string,
): Promise<string | null> {
  const row = await findRow(db, accountId);
  if (!row || row.baseUrl !== baseUrl) return null;
  try {
    return await open(env, sealContext(accountId, baseUrl), row.secret);
  } catch (err) {
    if (err instanceof SealedSecretError) return null;
    throw err;
  }
}

/** The provider for this account's answers, or null when phrasing is off or not fully configured. */
export async function accountLlm(
  env: LlmCredentialsEnv,
  db: Database,
  accountId: string,
  settings: AccountSettings,
): Promise<LlmProvider | null> {
  const { enabled, provider, baseUrl } = settings.llm;
  const tenantKey =
    enabled && provider === 'openai_compatible' && baseUrl ? await tenantKeyFor(db, env, accountId, baseUrl) : null;
  return llmFromEnv(settings, env, tenantKey);
}

async function findRow(db: Database, accountId: string) {
  const [row] = await db.select().from(llmCredentials).where(eq(llmCredentials.accountId, accountId)).limit(1);
  return row;
}
