// The public widget API: called cross-origin from storefronts. A conversation starts with the
// account's public site key (and an allowed origin, if the merchant listed any); every later call
// carries the conversation's resume token, which only the conversation's Durable Object can check.
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { ApiError, notFound } from '../../http/errors';
import { jsonBody, queryParams } from '../../http/validate';
import { accounts, conversations, settings as settingsTable } from '../../db/schema';
import { contentVersions } from '../../db/schema-content';
import { readVersionedSettings } from '../../settings/store';
import {
  handoffEmailBody,
  historyQuery,
  identifyBody,
  sendMessageBody,
  startConversationBody,
  widgetConfigQuery,
  SOCKET_PROTOCOL,
} from '../../protocol/widget';
import { widgetConfigOf } from './widget-config';
import { serveFile, storeUploadedFile } from './files';
import { newId, newSecret, sha256Hex } from '../../ids';
import { verifyShopperToken } from '../../auth/shopper-token';
import { linkConversationToProfile, upsertProfile } from '../../conversations/profiles';
import { roomOf } from '../../durable/namespaces';
import { httpErrorOf, valueOrHttpError as unwrap } from '../../platform/results';
import { clientAddress } from '../../platform/client-address';
import { conversationStartLimit, fileUploadLimit } from './limits';

export const clientIdBody = z.object({ clientId: z.uuid() });
export const feedbackBody = z.object({ clientId: z.uuid(), resolved: z.boolean() });
export const fileQuery = z.object({ clientId: z.uuid(), name: z.string().trim().min(1).max(200) });
/** Sec-WebSocket-Protocol: "baton.v1, <resume token>" (browsers cannot set other headers on a WebSocket). */
const socketProtocols = z
  .string()
  .transform((v) => v.split(',').map((p) => p.trim()))
  .pipe(z.tuple([z.literal(SOCKET_PROTOCOL), z.string().regex(/^[\w.-]{1,200}$/)]));

export const widgetRoutes = new Hono<AppEnv>()
  // No cookies are involved, so any storefront may call; allowed origins are enforced per account below.
  .use('*', cors({ origin: (origin) => origin, allowHeaders: ['content-type', 'authorization'], maxAge: 600 }))
  .get('/config', async (c) => {
    const { siteKey, locale } = queryParams(c, widgetConfigQuery);
    const { settings } = await accountForSite(c, siteKey);
    return c.json({ config: widgetConfigOf(settings, locale) });
  })
  .post('/conversations', async (c) => {
    const body = await jsonBody(c, startConversationBody);
    const { account, settings, version } = await accountForSite(c, body.siteKey);
    if (!settings.channels.webChat.enabled)
      throw new ApiError(403, 'channel_off', 'Web chat is switched off for this store (Settings → Channels)');
    const limited = await conversationStartLimit(c.env, clientAddress(c.req.raw.headers), account.id);
    if (limited) throw httpErrorOf(limited);
    const shopper = body.identityToken ? await verifyShopperToken(body.identityToken, account.identityKey) : null;
    const profileId = shopper ? await upsertProfile(c.var.db, account.id, shopper) : null;
    const conversationId = newId();
    const resumeToken = newSecret('rt_', 24);
    const now = Date.now();
    await c.var.db.insert(conversations).values({
      id: conversationId,
      accountId: account.id,
      channel: 'web_chat',
      status: 'open',
      profileId,
      startedAt: now,
      lastActivityAt: now,
    });
    await roomOf(c.env, account.id, conversationId).start({
      accountId: account.id,
      conversationId,
      channel: 'web_chat',
      resumeTokenHash: await sha256Hex(resumeToken),
      profileId,
      isTest: false,
      language: body.language?.split('-')[0]?.toLowerCase() ?? null,
      settings: { settings, version },
    });
    return c.json({ conversationId, resumeToken, config: widgetConfigOf(settings, body.language) }, 201);
  })
  .get('/conversations/:id/socket', async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'upgrade_required', 'Connect with a WebSocket (Upgrade: websocket)');
    }
    const protocols = socketProtocols.safeParse(c.req.header('sec-websocket-protocol') ?? '');
    if (!protocols.success) {
      throw new ApiError(
        401,
        'missing_token',
        `Open the socket with the subprotocols ["${SOCKET_PROTOCOL}", <resume token>]`,
      );
    }
    const room = await roomFor(c, c.req.param('id'));
    const headers = new Headers(c.req.raw.headers);
    headers.delete('sec-websocket-protocol');
    headers.set('x-resume-token-hash', await sha256Hex(protocols.data[1]));
    const res = await room.fetch(new Request(c.req.raw, { headers }));
    if (res.status !== 101 || !res.webSocket) return res;
    // The browser accepts the socket only if the server picks one of the offered subprotocols.
    return new Response(null, {
      status: 101,
      webSocket: res.webSocket,
      headers: { 'sec-websocket-protocol': SOCKET_PROTOCOL },
    });
  })
  .get('/conversations/:id/messages', async (c) => {
    const { after } = queryParams(c, historyQuery);
    const room = await roomFor(c, c.req.param('id'));
    return c.json(unwrap(await room.history(await tokenHash(c), after)));
  })
  .post('/conversations/:id/messages', async (c) => {
    const { clientId, text } = await jsonBody(c, sendMessageBody);
    const row = await conversationRow(c, c.req.param('id'));
    // The settings and content versions ride on the lookup this route makes anyway: the room refreshes its
    // held settings only when they are older, and the agent reads no content while its snapshot is current.
    const room = roomOf(c.env, row.accountId, row.id);
    const known = { settingsVersion: row.settingsVersion ?? undefined, contentVersion: row.contentVersion ?? 0 };
    return c.json(unwrap(await room.send(await tokenHash(c), clientId, text, known)));
  })
  .post('/conversations/:id/escalate', async (c) => {
    const { clientId } = await jsonBody(c, clientIdBody);
    const room = await roomFor(c, c.req.param('id'));
    return c.json({ messages: unwrap(await room.requestHuman(await tokenHash(c), clientId)) });
  })
  .post('/conversations/:id/feedback', async (c) => {
    const { clientId, resolved } = await jsonBody(c, feedbackBody);
    const room = await roomFor(c, c.req.param('id'));
    return c.json({ messages: unwrap(await room.feedback(await tokenHash(c), clientId, resolved)) });
  })
  .post('/conversations/:id/identify', async (c) => {
    const { identityToken } = await jsonBody(c, identifyBody);
    const conversationId = c.req.param('id');
    const room = await roomFor(c, conversationId);
    const hash = await tokenHash(c);
    unwrap(await room.history(hash, Number.MAX_SAFE_INTEGER)); // proves the token before anything changes
    const row = await conversationRow(c, conversationId);
    const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.id, row.accountId) });
    if (!account) throw notFound('Conversation');
    const shopper = await verifyShopperToken(identityToken, account.identityKey);
    const profileId = await upsertProfile(c.var.db, account.id, shopper);
    await linkConversationToProfile(c.var.db, account.id, conversationId, profileId);
    // A handoff waiting for the shopper to sign in continues now; its messages come back here too.
    const messages = unwrap(await room.identify(hash, profileId));
    return c.json({ identified: true, messages });
  })
  .post('/conversations/:id/handoff-email', async (c) => {
    const { clientId, email } = await jsonBody(c, handoffEmailBody);
    const row = await conversationRow(c, c.req.param('id'));
    const room = roomOf(c.env, row.accountId, row.id);
    // The room limits it (per address and store), after what it refuses anyway: see continueByEmail there.
    const address = clientAddress(c.req.raw.headers);
    const version = row.settingsVersion ?? undefined;
    return c.json({ messages: unwrap(await room.handoffEmail(await tokenHash(c), clientId, email, address, version)) });
  })
  // The shopper attaches a file: the raw bytes as the body, ?clientId=&name= (see ./files.ts).
  .post('/conversations/:id/files', async (c) => {
    const { clientId, name } = queryParams(c, fileQuery);
    const row = await conversationRow(c, c.req.param('id'));
    const room = roomOf(c.env, row.accountId, row.id);
    const hash = await tokenHash(c);
    // Proves the token before anything is stored. A retried upload (same clientId) gets the first
    // upload's answer: its body is not read, nothing is stored again and no rate-limit slot is taken.
    const earlier = unwrap(await room.earlier(hash, clientId));
    if (earlier) return c.json(earlier, 201);
    const limited = await fileUploadLimit(c.env, clientAddress(c.req.raw.headers), row.accountId);
    if (limited) throw httpErrorOf(limited);
    const { url, key } = await storeUploadedFile(c, row.id, name);
    const attached = await room.attach(hash, clientId, `📎 ${name} ${url}`, url);
    // Refused (closed, too many messages), or a concurrent retry of this clientId was stored first (the
    // room answers with that one's message): this copy is not what the conversation links to, so it goes.
    if (!attached.ok || attached.value.messages[0]?.link !== url) await c.env.MEDIA.delete(key);
    return c.json(unwrap(attached), 201);
  })
  .get('/files/:conversationId/:file', async (c) => {
    const res = await serveFile(c.env.MEDIA, c.req.param('conversationId'), c.req.param('file'));
    if (!res) throw notFound('File');
    return res;
  });

async function accountForSite(c: Context<AppEnv>, siteKey: string) {
  const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.siteKey, siteKey) });
  if (!account)
    throw new ApiError(401, 'unknown_site_key', 'Unknown site key: copy data-site-key from Settings → Embed');
  const { settings, version } = await readVersionedSettings(c.var.db, account.id);
  const origin = c.req.header('origin');
  const allowed = settings.general.allowedOrigins;
  if (allowed.length > 0 && (!origin || !allowed.includes(origin))) {
    throw new ApiError(
      403,
      'origin_not_allowed',
      `This site key is not allowed on ${origin ?? 'an unknown origin'}; add it under Settings → General → Allowed origins`,
    );
  }
  return { account, settings, version };
}

async function conversationRow(c: Context<AppEnv>, rawId: string) {
  const id = z.uuid().safeParse(rawId);
  if (!id.success) throw notFound('Conversation');
  const [row] = await c.var.db
    .select({
      id: conversations.id,
      accountId: conversations.accountId,
      settingsVersion: settingsTable.version,
      contentVersion: contentVersions.version,
    })
    .from(conversations)
    .leftJoin(settingsTable, eq(settingsTable.accountId, conversations.accountId))
    .leftJoin(contentVersions, eq(contentVersions.accountId, conversations.accountId))
    .where(and(eq(conversations.id, id.data), eq(conversations.channel, 'web_chat')))
    .limit(1);
  if (!row) throw notFound('Conversation');
  return row;
}

async function roomFor(c: Context<AppEnv>, rawId: string) {
  const row = await conversationRow(c, rawId);
  return roomOf(c.env, row.accountId, row.id);
}

async function tokenHash(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer (\S{1,200})$/.exec(header);
  if (!match)
    throw new ApiError(401, 'missing_token', 'Send the conversation resume token as Authorization: Bearer <token>');
  return sha256Hex(match[1]!);
}
