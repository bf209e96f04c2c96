// Twilio → Baton (mounted at /api/channels/sms/twilio):
//   POST /:accountId          an incoming SMS (the number's "A message comes in" webhook)
//   POST /:accountId/status   a status callback for a message Baton sent (StatusCallback)
// Both pass webhook-guard.ts first: X-Twilio-Signature over the full URL and the sorted form
// parameters with the account's Auth Token, and a receipt against replays. Then:
//   - STOP / START / HELP (or Twilio's OptOutType) change the number's opt-out and never reach the
//     agent; HELP is answered with how to opt out (unless the number opted out: it gets nothing).
//   - Any other text joins the number's conversation (phone-inbound.ts).
//   - A status moves the message's delivery state forward; Twilio's "unsubscribed" error opts the
//     number out.
// Twilio reads the answer as TwiML: an empty <Response/> sends nothing back.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { parseWith } from '../../http/validate';
import { readSettings } from '../../settings/store';
import type { DeliveryState } from '../../db/schema-channels';
import { apiSecretOf, twilioConfigOf } from '../connections';
import { readContact, recordInbound, setOptedOut } from '../contacts';
import { applyStatus } from '../deliveries';
import { guardWebhook } from '../webhook-guard';
import { receivePhoneMessage } from '../phone-inbound';
import { smsKeyword } from './keywords';
import { TWILIO_SIGNATURE_HEADER, verifyTwilioSignature } from './twilio-signature';
import { TWILIO_UNSUBSCRIBED } from './twilio-client';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be a phone number in E.164 form');
const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID');

const incomingSms = z.object({
  MessageSid: messageSid,
  AccountSid: z.string(),
  From: e164,
  To: e164,
  Body: z.string().max(20_000).default(''),
  OptOutType: z.string().max(20).optional(),
});

const statusCallback = z.object({
  MessageSid: messageSid,
  AccountSid: z.string(),
  MessageStatus: z.string().max(40),
  To: z.string().max(40).optional(),
  ErrorCode: z.string().max(20).optional(),
});

/** Twilio's message statuses (Message resource, "status") in Baton's terms; others are ignored. */
const STATES: Record<string, DeliveryState> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

function twiml(c: Context<AppEnv>, reply: string | null) {
  const body =
    reply === null
      ? EMPTY_TWIML
      : `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${escapeXml(reply)}</Message></Response>`;
  return c.body(body, 200, { 'content-type': 'text/xml; charset=utf-8' });
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The request's form parameters in order, repeated names kept (all of them are signed). */
const formPairs = (text: string) => [...new URLSearchParams(text)];

const verifyTwilio =
  (c: Context<AppEnv>) => async (connection: Parameters<typeof apiSecretOf>[1], _body: Uint8Array, text: string) =>
    verifyTwilioSignature(
      await apiSecretOf(c.env, connection),
      c.req.header(TWILIO_SIGNATURE_HEADER),
      c.req.url,
      formPairs(text),
    );

export const twilioWebhookRoutes = new Hono<AppEnv>()
  .post('/:accountId', (c) =>
    guardWebhook(c, 'sms', 'twilio', verifyTwilio(c), async ({ connection, text }) => {
      const sms = parseWith(incomingSms, Object.fromEntries(formPairs(text)), 'invalid_webhook');
      if (sms.AccountSid !== twilioConfigOf(connection).accountSid) return twiml(c, null); // another Twilio account's number
      const { db } = c.var;
      const accountId = connection.accountId;
      const keyword = smsKeyword(sms.Body, sms.OptOutType);
      if (keyword === 'stop' || keyword === 'start') {
        await setOptedOut(db, accountId, 'sms', sms.From, keyword === 'stop');
        return twiml(c, null); // Twilio itself confirms opt-outs to the sender
      }
      const [settings, contact] = await Promise.all([
        readSettings(db, accountId),
        readContact(db, accountId, 'sms', sms.From),
      ]);
      if (keyword === 'help') {
        if (contact?.optedOutAt != null) return twiml(c, null); // an opted-out number gets nothing, not even help
        return twiml(
          c,
          `${settings.general.agentName} at this store: text your question and we will answer here. Reply STOP to opt out, START to opt back in.`,
        );
      }
      if (!settings.channels.sms.enabled) return twiml(c, null);
      await recordInbound(db, accountId, 'sms', sms.From, Date.now());
      await receivePhoneMessage(c.env, db, {
        accountId,
        channel: 'sms',
        phone: sms.From,
        name: null,
        message: { clientId: `twilio:${sms.MessageSid}`, text: sms.Body, attachments: [], meta: { to: sms.To } },
      });
      return twiml(c, null);
    }),
  )
  .post('/:accountId/status', (c) =>
    guardWebhook(c, 'sms', 'twilio', verifyTwilio(c), async ({ connection, text }) => {
      const status = parseWith(statusCallback, Object.fromEntries(formPairs(text)), 'invalid_webhook');
      const state = STATES[status.MessageStatus];
      if (state && status.AccountSid === twilioConfigOf(connection).accountSid) {
        const error =
          state === 'failed'
            ? `Twilio reports the message ${status.MessageStatus}${status.ErrorCode ? ` (error ${status.ErrorCode})` : ''}`
            : null;
        await applyStatus(c.var.db, connection.accountId, 'sms', status.MessageSid, state, error);
        if (status.ErrorCode === String(TWILIO_UNSUBSCRIBED) && status.To)
          await setOptedOut(c.var.db, connection.accountId, 'sms', status.To, true);
      }
      return c.body(null, 204);
    }),
  );
