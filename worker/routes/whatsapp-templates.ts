// GET /api/tickets/:id/whatsapp-templates: the merchant's approved WhatsApp message templates, which the
// inbox offers on a WhatsApp ticket whose customer last wrote more than 24 hours ago (WhatsApp refuses
// free text outside that window). Also says whether the window is open. Agents and up (tickets.reply).
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { requirePermission } from '../auth/session';
import { findTicket } from '../tickets/find';
import { apiSecretOf, readConnection, whatsappConfigOf, type ChannelEnv } from '../channels/connections';
import { readContact, withinWhatsAppWindow } from '../channels/contacts';
import { phoneOfConversation } from '../channels/phone-inbound';
import { GraphClient } from '../channels/whatsapp/graph-client';
import { ProviderError } from '../channels/provider-http';

export const whatsappTemplateRoutes = new Hono<AppEnv>().get('/:id/whatsapp-templates', requirePermission('tickets.reply'), async (c) => {
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
