// Settings → Channels → SMS / WhatsApp connections (mounted at /api/settings/channels):
//   GET    /connections              both channels' health, settings and the URLs to paste into the
//                                     provider's console (never a credential, except WhatsApp's verify
//                                     token, which Baton generated for exactly that; stored secrets
//                                     only as "••••" and their last 4 characters, to recognise them)
//   PUT    /sms/connection           {accountSid, authToken}: tested against Twilio, then stored sealed
//   PUT    /whatsapp/connection      {businessAccountId, accessToken, appSecret}: tested against the
//                                     Graph API with the saved phone number id, then stored sealed
//   POST   /:channel/test            the Test button: checks the stored credentials again
//   DELETE /:channel/connection
// A connection that fails its test is not stored (422 with the provider's answer). Reads need
// settings.read, writes settings.edit; every change is audited without its secrets.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { requirePermission } from '../auth/session';
import { auditLog } from '../db/schema';
import { PHONE_CHANNELS, type PhoneChannel } from '../db/schema-channels';
import type { ConnectionView } from '../channels/connection-view';
import { newId } from '../ids';
import { readSettings } from '../settings/store';
import { SealedSecretError } from '../handoff/secret-box';
import {
  apiSecretOf,
  deleteConnection,
  markConnection,
  readConnection,
  saveConnection,
  twilioConfig,
  twilioConfigOf,
  verifyTokenOf,
  webhookSecretOf,
  whatsappConfig,
  type ChannelEnv,
  type ConnectionRow,
} from '../channels/connections';
import { ProviderError } from '../channels/provider-http';
import { TwilioClient } from '../channels/sms/twilio-client';
import { smsStatusUrl } from '../channels/sms/sender';
import { GraphClient } from '../channels/whatsapp/graph-client';

const credential = z.string().trim().min(1).max(500);
const smsBody = twilioConfig.extend({ authToken: credential });
const whatsappBody = whatsappConfig.extend({ accessToken: credential, appSecret: credential });

/** Enough of a stored secret to recognise it, never enough to use it. */
const hintOf = (secret: string | null) =>
  secret === null ? null : `••••${secret.length > 12 ? secret.slice(-4) : ''}`;

async function secretHintsOf(env: ChannelEnv, row: ConnectionRow | undefined): Promise<Record<string, string | null>> {
  if (!row) return {};
  const api = hintOf(await apiSecretOf(env, row).catch(() => null));
  if (row.channel === 'sms') return { authToken: api };
  return { accessToken: api, appSecret: hintOf(await webhookSecretOf(env, row).catch(() => null)) };
}

async function viewOf(
  c: Context<AppEnv>,
  channel: PhoneChannel,
  row: ConnectionRow | undefined,
): Promise<ConnectionView> {
  const { accountId } = c.var.member;
  const origin = new URL(c.req.url).origin;
  const webhookUrl =
    channel === 'sms'
      ? `${origin}/api/channels/sms/twilio/${accountId}`
      : `${origin}/api/channels/whatsapp/${accountId}`;
  let verifyToken: string | null = null;
  if (row && channel === 'whatsapp') verifyToken = await verifyTokenOf(c.env, row).catch(() => null);
  return {
    channel,
    status: row?.status ?? 'not_connected',
    config: row ? Object.fromEntries(Object.entries(row.config).map(([k, v]) => [k, String(v)])) : null,
    lastError: row?.lastError ?? null,
    checkedAt: row?.checkedAt ?? null,
    webhookUrl,
    statusCallbackUrl: channel === 'sms' ? smsStatusUrl(origin, accountId) : null,
    verifyToken,
    secretHints: await secretHintsOf(c.env, row),
  };
}

/** Runs a provider check; a refusal or outage becomes the message the settings page shows. */
async function check(test: () => Promise<unknown>): Promise<ProviderError | null> {
  try {
    await test();
    return null;
  } catch (err) {
    if (err instanceof ProviderError) return err;
    if (err instanceof SealedSecretError)
      return new ProviderError('auth', `The stored credentials cannot be read (${err.message}); reconnect`);
    throw err;
  }
}

async function whatsappPhoneNumberId(c: Context<AppEnv>): Promise<string> {
  const id = (await readSettings(c.var.db, c.var.member.accountId)).channels.whatsapp.phoneNumberId;
  if (!id)
    throw new ApiError(
      422,
      'phone_number_id_missing',
      'Enter and save the WhatsApp phone number id first (Settings → Channels → WhatsApp)',
    );
  return id;
}

async function testStored(c: Context<AppEnv>, row: ConnectionRow): Promise<ProviderError | null> {
  const env: ChannelEnv = c.env;
  if (row.channel === 'sms')
    return check(async () => new TwilioClient(env, twilioConfigOf(row).accountSid, await apiSecretOf(env, row)).test());
  const phoneNumberId = await whatsappPhoneNumberId(c);
  return check(async () => new GraphClient(env, await apiSecretOf(env, row)).test(phoneNumberId));
}

function channelOf(raw: string): PhoneChannel {
  const channel = z.enum(PHONE_CHANNELS).safeParse(raw);
  if (!channel.success) throw notFound('Channel');
  return channel.data;
}

async function audit(c: Context<AppEnv>, action: string, changes: Record<string, unknown>) {
  await c.var.db.insert(auditLog).values({
    id: newId(),
    accountId: c.var.member.accountId,
    actorId: c.var.member.userId,
    action,
    changes,
    createdAt: Date.now(),
  });
}

export const phoneChannelRoutes = new Hono<AppEnv>()
  .get('/connections', requirePermission('settings.read'), async (c) => {
    const { db, member } = c.var;
    const [sms, whatsapp] = await Promise.all([
      readConnection(db, member.accountId, 'sms'),
      readConnection(db, member.accountId, 'whatsapp'),
    ]);
    return c.json({ sms: await viewOf(c, 'sms', sms), whatsapp: await viewOf(c, 'whatsapp', whatsapp) });
  })
  .put('/sms/connection', requirePermission('settings.edit'), async (c) => {
    const { authToken, ...config } = await jsonBody(c, smsBody);
    const env: ChannelEnv = c.env;
    const failure = await check(() => new TwilioClient(env, config.accountSid, authToken).test());
    if (failure)
      throw new ApiError(422, 'connection_failed', `Twilio did not accept these credentials: ${failure.message}`);
    const row = await saveConnection(
      c.var.db,
      c.env,
      c.var.member.accountId,
      { channel: 'sms', config, authToken },
      new URL(c.req.url).origin,
    );
    await audit(c, 'channels.sms.connect', { config });
    return c.json({ connection: await viewOf(c, 'sms', row) });
  })
  .put('/whatsapp/connection', requirePermission('settings.edit'), async (c) => {
    const { accessToken, appSecret, ...config } = await jsonBody(c, whatsappBody);
    const phoneNumberId = await whatsappPhoneNumberId(c);
    const env: ChannelEnv = c.env;
    const failure = await check(() => new GraphClient(env, accessToken).test(phoneNumberId));
    if (failure)
      throw new ApiError(422, 'connection_failed', `WhatsApp did not accept these credentials: ${failure.message}`);
    const row = await saveConnection(
      c.var.db,
      c.env,
      c.var.member.accountId,
      { channel: 'whatsapp', config, accessToken, appSecret },
      new URL(c.req.url).origin,
    );
    await audit(c, 'channels.whatsapp.connect', { config });
    return c.json({ connection: await viewOf(c, 'whatsapp', row) });
  })
  .post('/:channel/test', requirePermission('settings.edit'), async (c) => {
    const channel = channelOf(c.req.param('channel'));
    const { db, member } = c.var;
    const row = await readConnection(db, member.accountId, channel);
    if (!row)
      throw new ApiError(404, 'not_connected', `${channel === 'sms' ? 'Twilio' : 'WhatsApp'} is not connected yet`);
    const failure = await testStored(c, row);
    // A refusal marks the connection expired; an outage is reported without changing it.
    if (!failure || failure.kind === 'auth') {
      await markConnection(db, member.accountId, channel, {
        status: failure ? 'expired' : 'connected',
        lastError: failure?.message ?? null,
      });
    }
    return c.json({
      ok: failure === null,
      error: failure?.message ?? null,
      connection: await viewOf(c, channel, await readConnection(db, member.accountId, channel)),
    });
  })
  .delete('/:channel/connection', requirePermission('settings.edit'), async (c) => {
    const channel = channelOf(c.req.param('channel'));
    if (!(await deleteConnection(c.var.db, c.var.member.accountId, channel)))
      throw new ApiError(404, 'not_connected', 'This channel is not connected');
    await audit(c, `channels.${channel}.disconnect`, {});
    return c.json({ connection: await viewOf(c, channel, undefined) });
  });
