// The WhatsApp channel's sender (conversation/contract.ts): a reply goes out as a text message through
// the Cloud API from the account's phone number id, cut to WhatsApp's 4,096-character limit. Outside
// the 24-hour customer-service window WhatsApp only accepts approved templates, so free text is refused
// here with a message that says so (the inbox offers the templates instead); a teammate's template
// reply (delivery.template) goes out as that template, window or not.
import { withinWhatsAppWindow } from '../contacts';
import { phoneSender } from '../phone-delivery';
import { splitText } from '../split-text';
import { GraphClient } from './graph-client';

/** WhatsApp's limit for a text message body. */
export const MAX_WHATSAPP_TEXT = 4096;

export const OUTSIDE_WINDOW_ERROR =
  'Not sent: the customer last wrote more than 24 hours ago, and WhatsApp only allows approved templates outside its 24-hour window. Send a template from the ticket instead.';

export const whatsappSender = phoneSender('whatsapp', {
  // An approved template is the one message WhatsApp accepts outside the window.
  refusal: (delivery, contact) => (!delivery.template && !withinWhatsAppWindow(contact) ? OUTSIDE_WINDOW_ERROR : null),
  from: (settings) => settings.channels.whatsapp.phoneNumberId,
  notConnected: 'Not sent: WhatsApp is not connected. Connect it and set the phone number id in Settings → Channels.',
  unreadableSecret: (reason) =>
    `Not sent: the stored WhatsApp access token cannot be opened (${reason}). Reconnect WhatsApp in Settings → Channels.`,
  parts: (delivery) =>
    delivery.template ? [delivery.text] : splitText(delivery.text, (part) => part.length <= MAX_WHATSAPP_TEXT),
  partSender(env, _connection, accessToken, phoneNumberId, delivery) {
    const client = new GraphClient(env, accessToken);
    const template = delivery.template;
    return {
      channel: 'whatsapp',
      send: async (body) =>
        (
          await client.send(
            phoneNumberId,
            template ? { kind: 'template', to: delivery.to, ...template } : { kind: 'text', to: delivery.to, body },
          )
        ).id,
    };
  },
});
