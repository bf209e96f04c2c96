// SMS and WhatsApp facts the inbox shows on a ticket (mounted under /api/tickets):
//   GET /:id/phone-deliveries     the customer's number and each sent message's delivery state (by seq):
//                                 queued, sent, delivered, read, or failed with the reason (conversations.read)
//   GET /:id/whatsapp-templates   the approved WhatsApp templates the inbox offers when the customer last
//                                 wrote more than 24 hours ago (WhatsApp refuses free text outside that
//                                 window), and whether the window is open (tickets.reply)
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { requirePermission } from '../auth/session';
import { findTicket } from '../tickets/find';
import { apiSecretOf, readConnection, whatsappConfigOf, type ChannelEnv } from '../channels/connections';
import { readContact, withinWhatsAppWindow } from '../channels/contacts';
import { conversationDeliveries } from '../channels/deliveries';
import { phoneOfConversation } from '../channels/phone-inbound';
import { GraphClient } from '../channels/whatsapp/graph-client';
import { ProviderError } from '../channels/provider-http';

export const phoneTicketRoutes = new Hono<AppEnv>()
  .get('/:id/phone-deliveries', requirePermission('conversations.read'), async (c) => {
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    if ((ticket.channel !== 'sms' && ticket.channel !== 'whatsapp') || !ticket.conversationId) {
      throw new ApiError(409, 'not_phone', 'Delivery states are for SMS and WhatsApp tickets');
    }
    const [phone, deliveries] = await Promise.all([
      phoneOfConversation(db, member.accountId, ticket.channel, ticket.conversationId),
      conversationDeliveries(db, member.accountId, ticket.conversationId),
    ]);
    return c.json({ channel: ticket.channel, phone, deliveries });
  })
  .get('/:id/whatsapp-templates', requirePermission('tickets.reply'), async (c) => {
    const { db, member } = c.var;
    const ticket = await findTicket(db, member.accountId, c.req.param('id'));
    if (ticket.channel !== 'whatsapp' || !ticket.conversationId) throw new ApiError(409, 'not_whatsapp', 'Templates are for WhatsApp tickets only');
    const connection = await readConnection(db, member.accountId, 'whatsapp');
    if (!connection) throw new ApiError(409, 'not_connected', 'WhatsApp is not connected (Settings → Channels)');
    const phone = await phoneOfConversation(db, member.accountId, 'whatsapp', ticket.conversationId);
    const windowOpen = withinWhatsAppWindow(phone ? await readContact(db, member.accountId, 'whatsapp', phone) : undefined);
    const env: ChannelEnv = c.env;
    try {
      const client = new GraphClient(env, await apiSecretOf(env, connection));
      return c.json({ windowOpen, templates: await client.approvedTemplates(whatsappConfigOf(connection).businessAccountId) });
    } catch (err) {
      if (err instanceof ProviderError) throw new ApiError(502, 'whatsapp_unavailable', `WhatsApp did not list the templates: ${err.message}`);
      throw err;
    }
  });
