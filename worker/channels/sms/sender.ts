// The SMS channel's sender (conversation/contract.ts): a reply goes out through Twilio from the
// account's sender number, cut to Twilio's segment limits (segments.ts), with a status callback that
// reports its delivery state back. An opted-out number (STOP) is never sent anything.
import { twilioConfigOf } from '../connections';
import { phoneSender } from '../phone-delivery';
import { splitForSms } from './segments';
import { TwilioClient, TWILIO_UNSUBSCRIBED } from './twilio-client';

export const OPTED_OUT_ERROR =
  'Not sent: this number replied STOP and has opted out of SMS. It receives nothing until it texts START.';

/** Where Twilio posts a message's status changes (worker/channels/sms/webhook.ts). */
export const smsStatusUrl = (origin: string, accountId: string) =>
  `${origin}/api/channels/sms/twilio/${accountId}/status`;

export const smsSender = phoneSender('sms', {
  refusal: (_delivery, contact) => (contact?.optedOutAt != null ? OPTED_OUT_ERROR : null),
  from: (settings) => settings.channels.sms.senderNumber,
  notConnected: 'Not sent: SMS is not connected. Connect Twilio and set the sender number in Settings → Channels.',
  unreadableSecret: (reason) =>
    `Not sent: the stored Twilio credential cannot be opened (${reason}). Reconnect Twilio in Settings → Channels.`,
  parts: (delivery) => splitForSms(delivery.text),
  partSender(env, connection, authToken, from, delivery) {
    const client = new TwilioClient(env, twilioConfigOf(connection).accountSid, authToken);
    const statusCallback = smsStatusUrl(connection.publicOrigin, delivery.accountId);
    return {
      channel: 'sms',
      unsubscribedCode: TWILIO_UNSUBSCRIBED,
      send: async (body) => (await client.send({ to: delivery.to, from, body, statusCallback })).sid,
    };
  },
});
