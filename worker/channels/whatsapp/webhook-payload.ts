// The WhatsApp Cloud API's webhook body (field "messages"): incoming customer messages and the
// statuses of messages we sent, grouped per business phone number. Parsed only after the
// X-Hub-Signature-256 check. Unknown fields pass; message types other than text are kept as a short
// description, since the inbox shows text only.
import { z } from 'zod';

const waId = z.string().regex(/^\d{7,15}$/);
const unixSeconds = z
  .string()
  .regex(/^\d{1,12}$/)
  .transform((v) => Number(v) * 1000);

const incomingMessage = z.object({
  from: waId,
  id: z.string().min(1).max(200),
  timestamp: unixSeconds,
  type: z.string().max(40),
  text: z.object({ body: z.string().max(20_000) }).optional(),
});

const status = z.object({
  id: z.string().min(1).max(200),
  status: z.string().max(40),
  timestamp: unixSeconds,
  recipient_id: z.string().max(40).optional(),
  errors: z
    .array(
      z.object({
        code: z.number().optional(),
        title: z.string().max(500).optional(),
        message: z.string().max(500).optional(),
      }),
    )
    .optional(),
});

const change = z.object({
  field: z.string(),
  value: z.object({
    metadata: z.object({ phone_number_id: z.string().max(40) }).optional(),
    contacts: z
      .array(z.object({ wa_id: waId, profile: z.object({ name: z.string().max(200) }).optional() }))
      .optional(),
    messages: z.array(incomingMessage).max(100).optional(),
    statuses: z.array(status).max(100).optional(),
  }),
});

export const whatsappWebhook = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.object({ id: z.string().optional(), changes: z.array(change).max(100) })).max(100),
});
export type WhatsAppWebhook = z.infer<typeof whatsappWebhook>;
export type WhatsAppIncoming = z.infer<typeof incomingMessage> & { name: string | null };
export type WhatsAppStatus = z.infer<typeof status>;

/** The messages and statuses addressed to one business phone number (others are not this account's). */
export function forPhoneNumber(
  body: WhatsAppWebhook,
  phoneNumberId: string,
): { messages: WhatsAppIncoming[]; statuses: WhatsAppStatus[] } {
  const messages: WhatsAppIncoming[] = [];
  const statuses: WhatsAppStatus[] = [];
  for (const entry of body.entry) {
    for (const { field, value } of entry.changes) {
      if (field !== 'messages' || value.metadata?.phone_number_id !== phoneNumberId) continue;
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
      for (const m of value.messages ?? []) messages.push({ ...m, name: names.get(m.from) ?? null });
      statuses.push(...(value.statuses ?? []));
    }
  }
  return { messages, statuses };
}

/** What the transcript shows for a customer's message. */
export function textOf(message: WhatsAppIncoming): string {
  if (message.type === 'text' && message.text) return message.text.body;
  return `(The customer sent a ${message.type} message, which Baton cannot show. Ask them to describe it in text.)`;
}
