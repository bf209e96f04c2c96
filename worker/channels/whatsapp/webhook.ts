// Meta → Baton (mounted at /api/channels/whatsapp), the one callback URL of the WhatsApp app:
//   GET  /:accountId   Meta's verification: hub.mode=subscribe and hub.verify_token equal to the token
//                      Baton generated for this account → the hub.challenge echoed as text; else 403.
//   POST /:accountId   messages and statuses. webhook-guard.ts first: X-Hub-Signature-256 over the raw
//                      body with the app secret, checked before the body is parsed, and a receipt
//                      against replays. Only entries for the account's own phone number id count.
//                      Each message opens the 24-hour window and joins the number's conversation; each
//                      status moves a sent message's delivery state forward. Entries older than the
//                      receipts' replay window are ignored (a replay whose receipt was pruned).
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { ApiError, notFound } from '../../http/errors';
import { parseWith, queryParams } from '../../http/validate';
import { readSettings } from '../../settings/store';
import type { DeliveryState } from '../../db/schema-channels';
import { readConnection, verifyTokenOf, webhookSecretOf } from '../connections';
import { recordInbound } from '../contacts';
import { applyStatus } from '../deliveries';
import { guardWebhook } from '../webhook-guard';
import { REPLAY_WINDOW_MS } from '../webhook-receipts';
import { receivePhoneMessage } from '../phone-inbound';
import { HUB_SIGNATURE_HEADER, verifyHubSignature } from './hub-signature';
import { forPhoneNumber, textOf, whatsappWebhook } from './webhook-payload';

const verification = z.object({
  'hub.mode': z.string().max(40),
  'hub.verify_token': z.string().max(200),
  'hub.challenge': z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, "hub.challenge must be Meta's numeric challenge"),
});

const STATES: Record<string, DeliveryState> = { sent: 'sent', delivered: 'delivered', read: 'read', failed: 'failed' };

/** Compares digests, so the time taken says nothing about how much of the token was right. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [da, db] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  const x = new Uint8Array(da);
  const y = new Uint8Array(db);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

export const whatsappWebhookRoutes = new Hono<AppEnv>()
  .get('/:accountId', async (c) => {
    const accountId = c.req.param('accountId');
    const connection = /^[0-9a-f-]{36}$/.test(accountId)
      ? await readConnection(c.var.db, accountId, 'whatsapp')
      : undefined;
    if (!connection) throw notFound('A WhatsApp connection for this account');
    const query = queryParams(c, verification);
    const expected = await verifyTokenOf(c.env, connection);
    if (query['hub.mode'] !== 'subscribe' || !expected || !(await sameSecret(query['hub.verify_token'], expected))) {
      throw new ApiError(
        403,
        'verification_failed',
        'hub.mode must be "subscribe" and hub.verify_token the verify token shown in Settings → Channels → WhatsApp',
      );
    }
    return c.text(query['hub.challenge']);
  })
  .post('/:accountId', (c) =>
    guardWebhook(
      c,
      'whatsapp',
      'whatsapp',
      async (connection, body) => {
        const secret = await webhookSecretOf(c.env, connection);
        return secret !== null && verifyHubSignature(secret, c.req.header(HUB_SIGNATURE_HEADER), body);
      },
      async ({ connection, text }) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new ApiError(400, 'malformed_json', 'The webhook body is not valid JSON');
        }
        const payload = parseWith(whatsappWebhook, json, 'invalid_webhook');
        const { db } = c.var;
        const accountId = connection.accountId;
        const settings = await readSettings(db, accountId);
        const phoneNumberId = settings.channels.whatsapp.phoneNumberId;
        if (!phoneNumberId) return c.json({ received: true });
        // Older than the replay window (its receipt may be pruned): a replay, never a fresh delivery.
        const fresh = <T extends { timestamp: number }>(entries: T[]) =>
          entries.filter((e) => Date.now() - e.timestamp < REPLAY_WINDOW_MS);
        const parsed = forPhoneNumber(payload, phoneNumberId);
        const [messages, statuses] = [fresh(parsed.messages), fresh(parsed.statuses)];
        for (const status of statuses) {
          const state = STATES[status.status];
          const error = status.errors?.[0];
          const reason = error
            ? `WhatsApp reports the message failed: ${error.message ?? error.title ?? 'no reason given'}${error.code ? ` (error ${error.code})` : ''}`
            : 'WhatsApp reports the message failed';
          if (state) await applyStatus(db, accountId, 'whatsapp', status.id, state, state === 'failed' ? reason : null);
        }
        if (!settings.channels.whatsapp.enabled) return c.json({ received: true });
        for (const message of messages) {
          const phone = `+${message.from}`;
          await recordInbound(db, accountId, 'whatsapp', phone, message.timestamp);
          await receivePhoneMessage(c.env, db, {
            accountId,
            channel: 'whatsapp',
            phone,
            name: message.name,
            message: { clientId: `whatsapp:${message.id}`, text: textOf(message), attachments: [], meta: {} },
          });
        }
        return c.json({ received: true });
      },
    ),
  );
