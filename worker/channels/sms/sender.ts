// The SMS channel's sender (conversation/contract.ts): a reply goes out through Twilio from the
// account's sender number, cut to Twilio's segment limits (segments.ts), with a status callback that
// reports its delivery state back. An opted-out number (STOP) is never sent anything.
import type { ChannelSender, DeliveryResult, OutboundDelivery } from '../../conversation/contract';
import { openDb } from '../../db/client';
import { readSettings } from '../../settings/store';
import { SealedSecretError } from '../../handoff/secret-box';
import { apiSecretOf, readConnection, twilioConfigOf, type ChannelEnv } from '../connections';
import { readContact } from '../contacts';
import { deliverParts, giveUpParts, refuse } from '../phone-delivery';
import { splitForSms } from './segments';
import { TwilioClient, TWILIO_UNSUBSCRIBED } from './twilio-client';

export const OPTED_OUT_ERROR = 'Not sent: this number replied STOP and has opted out of SMS. It receives nothing until it texts START.';

/** Where Twilio posts a message's status changes (worker/channels/sms/webhook.ts). */
export const smsStatusUrl = (origin: string, accountId: string) => `${origin}/api/channels/sms/twilio/${accountId}/status`;

export const smsSender: ChannelSender = {
  channel: 'sms',
  async deliver(env: ChannelEnv, delivery: OutboundDelivery): Promise<DeliveryResult> {
    const db = openDb(env.DB);
    const [connection, settings, contact] = await Promise.all([
      readConnection(db, delivery.accountId, 'sms'),
      readSettings(db, delivery.accountId),
      readContact(db, delivery.accountId, 'sms', delivery.to),
    ]);
    if (contact?.optedOutAt != null) return refuse(db, delivery, 'sms', OPTED_OUT_ERROR);
    const from = settings.channels.sms.senderNumber;
    if (!connection || !from) return refuse(db, delivery, 'sms', 'Not sent: SMS is not connected. Connect Twilio and set the sender number in Settings → Channels.');
    let authToken: string;
    try {
      authToken = await apiSecretOf(env, connection);
    } catch (err) {
      if (err instanceof SealedSecretError) return refuse(db, delivery, 'sms', `Not sent: the stored Twilio credential cannot be opened (${err.message}). Reconnect Twilio in Settings → Channels.`);
      throw err;
    }
    const client = new TwilioClient(env, twilioConfigOf(connection).accountSid, authToken);
    const statusCallback = smsStatusUrl(connection.publicOrigin, delivery.accountId);
    return deliverParts(db, delivery, splitForSms(delivery.text), {
      channel: 'sms',
      unsubscribedCode: TWILIO_UNSUBSCRIBED,
      send: async (body) => (await client.send({ to: delivery.to, from, body, statusCallback })).sid,
    });
  },
  async giveUp(env: Env, delivery: OutboundDelivery, error: string): Promise<void> {
    await giveUpParts(openDb(env.DB), delivery, 'sms', error);
  },
};
