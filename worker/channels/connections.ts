// The SMS and WhatsApp provider connections: one row per account and channel with its non-secret
// settings and its credentials sealed like helpdesk tokens (handoff/secret-box.ts: AES-GCM under
// SECRETS_KEY, bound to account, channel and purpose, so a sealed value copied to another row does not
// open). Credentials go in through `saveConnection` and come out only to the code that calls the
// provider or checks its signatures; `connectionView` (what the settings page reads) never has them,
// except WhatsApp's verify token, which Baton generates (32 random bytes, hex) for the merchant to paste
// into Meta's console.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { channelConnections, type PhoneChannel } from '../db/schema-channels';
import { open, seal, type SecretsEnv } from '../handoff/secret-box';
import { newSecret } from '../ids';
import type { TwilioEnv } from './sms/twilio-client';
import type { WhatsAppEnv } from './whatsapp/graph-client';

export type ConnectionRow = typeof channelConnections.$inferSelect;

/** The Worker env plus the optional secrets and provider addresses the phone channels read. */
export type ChannelEnv = Env & SecretsEnv & TwilioEnv & WhatsAppEnv;

export const twilioConfig = z.object({
  accountSid: z
    .string()
    .trim()
    .regex(
      /^AC[0-9a-fA-F]{32}$/,
      'The Account SID starts with AC followed by 32 hex characters (Twilio Console → Account info)',
    ),
});
export type TwilioConfig = z.infer<typeof twilioConfig>;

export const whatsappConfig = z.object({
  businessAccountId: z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, 'The WhatsApp Business Account id is digits only (WhatsApp Manager → Account tools)'),
});
export type WhatsAppConfig = z.infer<typeof whatsappConfig>;

export type ConnectInput =
  | { channel: 'sms'; config: TwilioConfig; authToken: string }
  | { channel: 'whatsapp'; config: WhatsAppConfig; accessToken: string; appSecret: string };

type Purpose = 'api' | 'webhook' | 'verify';
const context = (accountId: string, channel: PhoneChannel, purpose: Purpose) =>
  `${accountId}:channel:${channel}:${purpose}`;

export async function readConnection(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
): Promise<ConnectionRow | undefined> {
  const rows = await db
    .select()
    .from(channelConnections)
    .where(and(eq(channelConnections.accountId, accountId), eq(channelConnections.channel, channel)))
    .limit(1);
  return rows[0];
}

/**
 * Stores a connection that passed its test. `publicOrigin` is where the provider reaches Baton (the
 * origin the settings page was served from), for the status callback URLs senders give Twilio.
 * A reconnect keeps WhatsApp's verify token, so the webhook in Meta's console stays valid.
 */
export async function saveConnection(
  db: Database,
  env: ChannelEnv,
  accountId: string,
  input: ConnectInput,
  publicOrigin: string,
): Promise<ConnectionRow> {
  const now = Date.now();
  const existing = await readConnection(db, accountId, input.channel);
  const secrets =
    input.channel === 'sms'
      ? {
          secret: await seal(env, context(accountId, 'sms', 'api'), input.authToken),
          webhookSecret: null,
          verifyToken: null,
        }
      : {
          secret: await seal(env, context(accountId, 'whatsapp', 'api'), input.accessToken),
          webhookSecret: await seal(env, context(accountId, 'whatsapp', 'webhook'), input.appSecret),
          verifyToken:
            existing?.verifyToken ?? (await seal(env, context(accountId, 'whatsapp', 'verify'), newSecret('', 32))),
        };
  const values = {
    config: { ...input.config },
    ...secrets,
    publicOrigin,
    status: 'connected' as const,
    lastError: null,
    checkedAt: now,
    updatedAt: now,
  };
  const [row] = await db
    .insert(channelConnections)
    .values({ accountId, channel: input.channel, createdAt: now, ...values })
    .onConflictDoUpdate({ target: [channelConnections.accountId, channelConnections.channel], set: values })
    .returning();
  return row!;
}

export async function deleteConnection(db: Database, accountId: string, channel: PhoneChannel): Promise<boolean> {
  const rows = await db
    .delete(channelConnections)
    .where(and(eq(channelConnections.accountId, accountId), eq(channelConnections.channel, channel)))
    .returning({ channel: channelConnections.channel });
  return rows.length > 0;
}

/** A send or a test found the credentials refused (or working again). */
export function markConnection(
  db: Database,
  accountId: string,
  channel: PhoneChannel,
  health: { status: 'connected' | 'expired'; lastError: string | null },
) {
  const now = Date.now();
  return db
    .update(channelConnections)
    .set({ ...health, checkedAt: now, updatedAt: now })
    .where(and(eq(channelConnections.accountId, accountId), eq(channelConnections.channel, channel)));
}

/** Twilio's Auth Token / WhatsApp's access token. Throws SealedSecretError when it cannot be opened. */
export const apiSecretOf = (env: ChannelEnv, row: ConnectionRow) =>
  open(env, context(row.accountId, row.channel, 'api'), row.secret);

/** WhatsApp's app secret (Twilio signs with the Auth Token: use apiSecretOf). */
export async function webhookSecretOf(env: ChannelEnv, row: ConnectionRow): Promise<string | null> {
  return row.webhookSecret ? open(env, context(row.accountId, row.channel, 'webhook'), row.webhookSecret) : null;
}

export async function verifyTokenOf(env: ChannelEnv, row: ConnectionRow): Promise<string | null> {
  return row.verifyToken ? open(env, context(row.accountId, row.channel, 'verify'), row.verifyToken) : null;
}

export const twilioConfigOf = (row: ConnectionRow) => twilioConfig.parse(row.config);
export const whatsappConfigOf = (row: ConnectionRow) => whatsappConfig.parse(row.config);
