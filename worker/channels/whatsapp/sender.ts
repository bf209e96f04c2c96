// The WhatsApp channel's sender (conversation/contract.ts): a reply goes out as a text message through
// the Cloud API from the account's phone number id, cut to WhatsApp's 4,096-character limit. Outside
// the 24-hour customer-service window WhatsApp only accepts approved templates, so free text is refused
// here with a message that says so (the inbox offers the templates instead); a teammate's template
// reply (delivery.template) goes out as that template, window or not.
import type { ChannelSender, DeliveryResult, OutboundDelivery } from '../../conversation/contract';
import { openDb } from '../../db/client';
import { readSettings } from '../../settings/store';
import { SealedSecretError } from '../../handoff/secret-box';
import { apiSecretOf, readConnection, type ChannelEnv } from '../connections';
import { readContact, withinWhatsAppWindow } from '../contacts';
import { deliverParts, giveUpParts, refuse } from '../phone-delivery';
import { splitText } from '../split-text';
import { GraphClient } from './graph-client';

/** WhatsApp's limit for a text message body. */
export const MAX_WHATSAPP_TEXT = 4096;

export const OUTSIDE_WINDOW_ERROR =
  'Not sent: the customer last wrote more than 24 hours ago, and WhatsApp only allows approved templates outside its 24-hour window. Send a template from the ticket instead.';

export const whatsappSender: ChannelSender = {
  channel: 'whatsapp',
  async deliver(env: ChannelEnv, delivery: OutboundDelivery): Promise<DeliveryResult> {
    const db = openDb(env.DB);
    const [connection, settings, contact] = await Promise.all([
      readConnection(db, delivery.accountId, 'whatsapp'),
      readSettings(db, delivery.accountId),
      readContact(db, delivery.accountId, 'whatsapp', delivery.to),
    ]);
    const template = delivery.template;
    // An approved template is the one message WhatsApp accepts outside the window.
    if (!template && !withinWhatsAppWindow(contact)) return refuse(db, delivery, 'whatsapp', OUTSIDE_WINDOW_ERROR);
    const phoneNumberId = settings.channels.whatsapp.phoneNumberId;
    if (!connection || !phoneNumberId) return refuse(db, delivery, 'whatsapp', 'Not sent: WhatsApp is not connected. Connect it and set the phone number id in Settings → Channels.');
    let accessToken: string;
    try {
      accessToken = await apiSecretOf(env, connection);
    } catch (err) {
      if (err instanceof SealedSecretError) return refuse(db, delivery, 'whatsapp', `Not sent: the stored WhatsApp access token cannot be opened (${err.message}). Reconnect WhatsApp in Settings → Channels.`);
      throw err;
    }
    const client = new GraphClient(env, accessToken);
    const parts = template ? [delivery.text] : splitText(delivery.text, (part) => part.length <= MAX_WHATSAPP_TEXT);
    return deliverParts(db, delivery, parts, {
      channel: 'whatsapp',
      send: async (body) => (await client.send(phoneNumberId, template ? { kind: 'template', to: delivery.to, ...template } : { kind: 'text', to: delivery.to, body })).id,
    });
  },
  async giveUp(env: Env, delivery: OutboundDelivery, error: string): Promise<void> {
    await giveUpParts(openDb(env.DB), delivery, 'whatsapp', error);
  },
};
