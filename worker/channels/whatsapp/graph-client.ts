// The WhatsApp Cloud API on Meta's Graph API (https://developers.facebook.com/docs/whatsapp/cloud-api):
//   POST {base}/{version}/{phone-number-id}/messages             text or template messages
//   GET  {base}/{version}/{phone-number-id}                      the number (the settings' Test button)
//   GET  {base}/{version}/{waba-id}/message_templates            the merchant's message templates
// Bearer auth with a system-user access token. The base URL is WHATSAPP_API_BASE when set (a local
// stand-in in tests), else graph.facebook.com.
import { z } from 'zod';
import { providerJson } from '../provider-http';

export const WHATSAPP_DEFAULT_BASE = 'https://graph.facebook.com';
export const GRAPH_VERSION = 'v21.0';

export interface WhatsAppEnv {
  WHATSAPP_API_BASE?: string;
}

const sendResult = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });
const phoneNumber = z.object({
  id: z.string(),
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});
const templateList = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string().optional(),
      components: z.array(z.object({ type: z.string(), text: z.string().optional() })).default([]),
    }),
  ),
});

export interface MessageTemplate {
  name: string;
  language: string;
  category: string | null;
  /** The body text with its {{1}} placeholders, shown in the inbox. */
  body: string;
}

export type OutgoingWhatsApp =
  | { kind: 'text'; to: string; body: string }
  | { kind: 'template'; to: string; name: string; language: string; params: string[] };

/** The body's {{1}}…{{n}} values as Meta's `components` (none for a template without variables). */
function templatePayload(message: Extract<OutgoingWhatsApp, { kind: 'template' }>) {
  const components = message.params.length
    ? [{ type: 'body', parameters: message.params.map((text) => ({ type: 'text', text })) }]
    : undefined;
  return { name: message.name, language: { code: message.language }, ...(components ? { components } : {}) };
}

export class GraphClient {
  private readonly base: string;
  private readonly authorization: string;

  constructor(env: WhatsAppEnv, accessToken: string) {
    this.base = `${(env.WHATSAPP_API_BASE?.trim() || WHATSAPP_DEFAULT_BASE).replace(/\/+$/, '')}/${GRAPH_VERSION}`;
    this.authorization = `Bearer ${accessToken}`;
  }

  /** Sends one message; throws ProviderError. Resolves with the WhatsApp message id (wamid…). */
  async send(phoneNumberId: string, message: OutgoingWhatsApp): Promise<{ id: string }> {
    const to = message.to.replace(/^\+/, ''); // the Cloud API takes the number without "+"
    const body =
      message.kind === 'text'
        ? {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to,
            type: 'text',
            text: { preview_url: true, body: message.body },
          }
        : {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to,
            type: 'template',
            template: templatePayload(message),
          };
    const result = await providerJson({
      label: 'WhatsApp',
      method: 'POST',
      url: `${this.base}/${encodeURIComponent(phoneNumberId)}/messages`,
      headers: { authorization: this.authorization, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      schema: sendResult,
    });
    return { id: result.messages[0]!.id };
  }

  async test(phoneNumberId: string): Promise<{ displayNumber: string | null }> {
    const number = await providerJson({
      label: 'WhatsApp',
      method: 'GET',
      url: `${this.base}/${encodeURIComponent(phoneNumberId)}?fields=display_phone_number,verified_name`,
      headers: { authorization: this.authorization },
      schema: phoneNumber,
    });
    return { displayNumber: number.display_phone_number ?? null };
  }

  /** The approved templates only: WhatsApp refuses any other outside the 24-hour window. */
  async approvedTemplates(businessAccountId: string): Promise<MessageTemplate[]> {
    const list = await providerJson({
      label: 'WhatsApp',
      method: 'GET',
      url: `${this.base}/${encodeURIComponent(businessAccountId)}/message_templates?status=APPROVED&limit=100`,
      headers: { authorization: this.authorization },
      schema: templateList,
    });
    return list.data
      .filter((t) => t.status === 'APPROVED')
      .map((t) => ({
        name: t.name,
        language: t.language,
        category: t.category ?? null,
        body: t.components.find((c) => c.type === 'BODY')?.text ?? '',
      }));
  }
}
