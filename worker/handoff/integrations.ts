// The integrations store: one row per account and helpdesk (Zendesk, Gorgias) with its settings, the
// sealed API credential, and its health (connected / expired / not connected). Credentials go in
// through `saveIntegration` and come out only as a ready client (`clientFor`); no read returns them.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import {
  integrations,
  INTEGRATION_KINDS,
  type IntegrationKind,
  type IntegrationStatus,
} from '../db/schema-integrations';
import { DEFAULT_TIMEOUT_MS, type HttpOptions } from './helpdesk-http';
import { fetchTargetUrl, type OutboundEnv } from '../platform/outbound-url';
import type { HelpdeskClient } from './helpdesk-client';
import { open, seal, type SecretsEnv } from './secret-box';
import { ZendeskClient, type ZendeskConfig } from './zendesk';
import { GorgiasClient, type GorgiasConfig } from './gorgias';

export { INTEGRATION_KINDS, type IntegrationKind, type IntegrationStatus };
export type IntegrationRow = typeof integrations.$inferSelect;

/** The Worker env plus the optional vars/secrets read here (not in wrangler.jsonc, so not on Env). */
export type HelpdeskEnv = Env &
  SecretsEnv &
  OutboundEnv & {
    /** Per-request timeout for helpdesk calls in ms; defaults to 10 s (the tests shorten it). */
    HELPDESK_TIMEOUT_MS?: string;
  };

/** "mystore", "mystore.zendesk.com" or "https://mystore.gorgias.com/" all mean the account "mystore". */
const accountName = (suffix: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) =>
      v
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .replace(suffix, ''),
    )
    .pipe(z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'Use the account name only, like "mystore"'));

/**
 * An override of the helpdesk's address, for self-hosted proxies and tests: a public https host under
 * the outbound-URL policy (the connect route checks the env's local flag; every request checks again).
 */
const baseUrl = fetchTargetUrl.pipe(z.string().max(500));

export const zendeskConfig = z.object({
  subdomain: accountName('.zendesk.com'),
  email: z.email().max(254),
  baseUrl: baseUrl.nullable().default(null),
});
export const gorgiasConfig = z.object({
  domain: accountName('.gorgias.com'),
  email: z.email().max(254),
  baseUrl: baseUrl.nullable().default(null),
});
/** Stored configs are read as saved: one saved before the policy still lists (its requests are refused). */
const storedBaseUrl = { baseUrl: z.string().nullable().default(null) };
const storedZendesk = zendeskConfig.extend(storedBaseUrl);
const storedGorgias = gorgiasConfig.extend(storedBaseUrl);

/** What the settings page sees: health and non-secret settings, never a credential. */
export interface IntegrationView {
  kind: IntegrationKind;
  status: IntegrationStatus;
  config: ZendeskConfig | GorgiasConfig | null;
  lastError: string | null;
  checkedAt: number | null;
  /** Zendesk only: whether a webhook signing secret is stored (agent replies need it). */
  webhookSigningSecretSet: boolean | null;
  updatedAt: number | null;
}

export async function readIntegration(
  db: Database,
  accountId: string,
  kind: IntegrationKind,
): Promise<IntegrationRow | undefined> {
  const rows = await db
    .select()
    .from(integrations)
    .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)))
    .limit(1);
  return rows[0];
}

export async function listIntegrations(db: Database, accountId: string): Promise<IntegrationView[]> {
  const rows = await db.select().from(integrations).where(eq(integrations.accountId, accountId));
  return INTEGRATION_KINDS.map((kind) =>
    viewOf(
      kind,
      rows.find((r) => r.kind === kind),
    ),
  );
}

export function viewOf(kind: IntegrationKind, row: IntegrationRow | undefined): IntegrationView {
  if (!row) {
    return {
      kind,
      status: 'not_connected',
      config: null,
      lastError: null,
      checkedAt: null,
      webhookSigningSecretSet: kind === 'zendesk' ? false : null,
      updatedAt: null,
    };
  }
  return {
    kind,
    status: row.status,
    config: configOf(row),
    lastError: row.lastError,
    checkedAt: row.checkedAt,
    webhookSigningSecretSet: kind === 'zendesk' ? row.webhookSecret !== null : null,
    updatedAt: row.updatedAt,
  };
}

function configOf(row: IntegrationRow): ZendeskConfig | GorgiasConfig {
  return row.kind === 'zendesk' ? storedZendesk.parse(row.config) : storedGorgias.parse(row.config);
}

export type ConnectInput =
  | { kind: 'zendesk'; config: ZendeskConfig; secret: string; webhookSigningSecret?: string | null }
  | { kind: 'gorgias'; config: GorgiasConfig; secret: string };

/** A client for credentials that are not stored yet (the connect form's "Test connection"). */
export function clientForInput(env: HelpdeskEnv, input: ConnectInput): HelpdeskClient {
  const http = httpOf(env);
  return input.kind === 'zendesk'
    ? new ZendeskClient(input.config, input.secret, http)
    : new GorgiasClient(input.config, input.secret, http);
}

/** A client for a stored integration; throws if its credential cannot be opened (SECRETS_KEY changed). */
export async function clientFor(env: HelpdeskEnv, row: IntegrationRow): Promise<HelpdeskClient> {
  const secret = await open(env, sealContext(row.accountId, row.kind, 'api'), row.secret);
  const http = httpOf(env);
  return row.kind === 'zendesk'
    ? new ZendeskClient(storedZendesk.parse(row.config), secret, http)
    : new GorgiasClient(storedGorgias.parse(row.config), secret, http);
}

/** Zendesk's client with its extra call (shopper follow-ups as comments). */
export async function zendeskClientFor(env: HelpdeskEnv, row: IntegrationRow): Promise<ZendeskClient> {
  const secret = await open(env, sealContext(row.accountId, row.kind, 'api'), row.secret);
  return new ZendeskClient(storedZendesk.parse(row.config), secret, httpOf(env));
}

/** The stored API credential, for a reconnect that keeps it (server-side only; never sent out). */
export function storedSecretOf(env: HelpdeskEnv, row: IntegrationRow): Promise<string> {
  return open(env, sealContext(row.accountId, row.kind, 'api'), row.secret);
}

export async function webhookSecretOf(env: HelpdeskEnv, row: IntegrationRow): Promise<string | null> {
  if (!row.webhookSecret) return null;
  return open(env, sealContext(row.accountId, row.kind, 'webhook'), row.webhookSecret);
}

/**
 * Saves a connection that passed "Test connection" as connected. A Zendesk webhook signing secret left
 * out (undefined) keeps the stored one; null removes it.
 */
export async function saveIntegration(
  db: Database,
  env: HelpdeskEnv,
  accountId: string,
  input: ConnectInput,
): Promise<IntegrationRow> {
  const now = Date.now();
  const secret = await seal(env, sealContext(accountId, input.kind, 'api'), input.secret);
  const webhook =
    input.kind === 'zendesk' && input.webhookSigningSecret !== undefined
      ? {
          webhookSecret:
            input.webhookSigningSecret === null
              ? null
              : await seal(env, sealContext(accountId, input.kind, 'webhook'), input.webhookSigningSecret),
        }
      : {};
  const values = {
    config: { ...input.config },
    secret,
    status: 'connected' as const,
    lastError: null,
    checkedAt: now,
    updatedAt: now,
    ...webhook,
  };
  const [row] = await db
    .insert(integrations)
    .values({ accountId, kind: input.kind, createdAt: now, ...values })
    .onConflictDoUpdate({ target: [integrations.accountId, integrations.kind], set: values })
    .returning();
  return row!;
}

/** Records a health check or a delivery's verdict on the credentials. */
export function markHealth(
  db: Database,
  accountId: string,
  kind: IntegrationKind,
  health: { status?: IntegrationStatus; lastError: string | null },
) {
  const now = Date.now();
  return db
    .update(integrations)
    .set({
      ...(health.status ? { status: health.status } : {}),
      lastError: health.lastError,
      checkedAt: now,
      updatedAt: now,
    })
    .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)));
}

export async function deleteIntegration(db: Database, accountId: string, kind: IntegrationKind): Promise<boolean> {
  const rows = await db
    .delete(integrations)
    .where(and(eq(integrations.accountId, accountId), eq(integrations.kind, kind)))
    .returning({ kind: integrations.kind });
  return rows.length > 0;
}

function sealContext(accountId: string, kind: IntegrationKind, what: 'api' | 'webhook'): string {
  return `${accountId}:${kind}:${what}`;
}

function httpOf(env: HelpdeskEnv): HttpOptions {
  const ms = Number(env.HELPDESK_TIMEOUT_MS);
  return { timeoutMs: Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS, outbound: env };
}
