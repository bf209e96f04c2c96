// SMS and WhatsApp facts the inbox shows on a ticket (mounted under /api/tickets):
//   GET /:id/phone-deliveries     the customer's number and each sent message's delivery state (by seq):
//                                 queued, sent, delivered, read, or failed with the reason (conversations.read)
//   GET /:id/whatsapp-templates   the approved WhatsApp templates the inbox offers when the customer last
//                                 wrote more than 24 hours ago (WhatsApp refuses free text outside that
//                                 window), and whether the window is open (tickets.reply)
//   POST /:id/whatsapp-templates  {clientId, name, language, params}: a teammate's reply as one of those
//                                 approved templates, its {{1}}…{{n}} filled in with `params` (exactly
//                                 as many as the body has); stored in the conversation as the text the
//                                 customer receives, sent as the template (allowed outside the window)
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import { ApiError } from '../http/errors';
import { requirePermission } from '../auth/session';
import { jsonBody } from '../http/validate';
import { findTicket, type TicketRecord } from '../tickets/find';
import { replyToTicket } from '../tickets/reply';
import { apiSecretOf, readConnection, whatsappConfigOf, type ChannelEnv } from '../channels/connections';
import { readContact, withinWhatsAppWindow } from '../channels/contacts';
import { conversationDeliveries } from '../channels/deliveries';
import { phoneOfConversation } from '../channels/phone-inbound';
import { GraphClient, type MessageTemplate } from '../channels/whatsapp/graph-client';
import { ProviderError } from '../channels/provider-http';

const templateReply = z.object({
  clientId: z.uuid({ message: 'clientId must be a UUID the inbox generates once per reply' }),
  name: z.string().trim().min(1).max(512),
  language: z.string().trim().min(2).max(15),
  params: z.array(z.string().trim().min(1, 'fill in every variable').max(1024)).max(20).default([]),
});

/** Meta's body variables: {{1}}, {{2}}, … */
const VARIABLE = /\{\{(\d+)\}\}/g;
const variableCount = (body: string) => Math.max(0, ...Array.from(body.matchAll(VARIABLE), (m) => Number(m[1])));

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
    const { windowOpen, templates } = await whatsappTemplatesOf(c, c.req.param('id'));
    return c.json({ windowOpen, templates });
  })
  .post('/:id/whatsapp-templates', requirePermission('tickets.reply'), async (c) => {
    const input = await jsonBody(c, templateReply);
    const { ticket, templates } = await whatsappTemplatesOf(c, c.req.param('id'));
    const template = templates.find((t) => t.name === input.name && t.language === input.language);
    if (!template)
      throw new ApiError(
        422,
        'template_not_approved',
        `"${input.name}" (${input.language}) is not one of this WhatsApp account's approved templates`,
      );
    const needed = variableCount(template.body);
    if (input.params.length !== needed) {
      throw new ApiError(
        400,
        'template_params',
        `This template has ${needed} variable${needed === 1 ? '' : 's'}; fill in ${needed === 0 ? 'none' : `{{1}}…{{${needed}}}`}`,
      );
    }
    const text = template.body.replace(VARIABLE, (_, n: string) => input.params[Number(n) - 1]!);
    const message = await replyToTicket(c.env, c.var.db, ticket, {
      clientId: input.clientId,
      text,
      authorName: c.var.member.name,
      authorId: c.var.member.userId,
      template: { name: template.name, language: template.language, params: input.params },
    });
    return c.json({ message }, 201);
  });

/** A WhatsApp ticket's approved templates and whether the customer's 24-hour window is open. */
async function whatsappTemplatesOf(
  c: Context<AppEnv>,
  ticketId: string,
): Promise<{ ticket: TicketRecord; windowOpen: boolean; templates: MessageTemplate[] }> {
  const { db, member } = c.var;
  const ticket = await findTicket(db, member.accountId, ticketId);
  if (ticket.channel !== 'whatsapp' || !ticket.conversationId)
    throw new ApiError(409, 'not_whatsapp', 'Templates are for WhatsApp tickets only');
  const connection = await readConnection(db, member.accountId, 'whatsapp');
  if (!connection) throw new ApiError(409, 'not_connected', 'WhatsApp is not connected (Settings → Channels)');
  const phone = await phoneOfConversation(db, member.accountId, 'whatsapp', ticket.conversationId);
  const windowOpen = withinWhatsAppWindow(
    phone ? await readContact(db, member.accountId, 'whatsapp', phone) : undefined,
  );
  const env: ChannelEnv = c.env;
  try {
    const client = new GraphClient(env, await apiSecretOf(env, connection));
    return {
      ticket,
      windowOpen,
      templates: await client.approvedTemplates(whatsappConfigOf(connection).businessAccountId),
    };
  } catch (err) {
    if (err instanceof ProviderError)
      throw new ApiError(502, 'whatsapp_unavailable', `WhatsApp did not list the templates: ${err.message}`);
    throw err;
  }
}
