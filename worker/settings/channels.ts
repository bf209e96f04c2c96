import { z } from 'zod';

// Channels (customer-agent-settings.txt, "Configure channels"): a toggle and configuration per channel.
// A channel whose prerequisites are missing cannot be switched on: the PUT is refused with 422 and says
// what is missing (a toggle must never silently stay off). Web chat needs nothing and is on by default.

const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'Use an international number like +14155550123');

export const channelSettings = z.object({
  webChat: z.object({ enabled: z.boolean().default(true) }).default({ enabled: true }),
  email: z
    .object({
      enabled: z.boolean().default(false),
      /** Where shoppers write to (forwarded to Baton); replies go out from it. */
      inboundAddress: z.email().max(254).nullable().default(null),
      /** The sender name shoppers see on replies. */
      fromName: z.string().trim().min(1).max(80).nullable().default(null),
      /**
       * Who answers a new email: the Customer Agent (by email; it hands off when its escalation rules
       * say so), or the team straight away, per the email channel's handoff settings.
       */
      answeredBy: z.enum(['agent', 'team']).default('agent'),
    })
    .default({ enabled: false, inboundAddress: null, fromName: null, answeredBy: 'agent' }),
  sms: z
    .object({
      enabled: z.boolean().default(false),
      /** The store's SMS sender number. */
      senderNumber: e164.nullable().default(null),
      /** The number can receive replies (two-way); one-way marketing numbers cannot hold a conversation. */
      twoWay: z.boolean().default(false),
    })
    .default({ enabled: false, senderNumber: null, twoWay: false }),
  whatsapp: z
    .object({
      enabled: z.boolean().default(false),
      /** The WhatsApp Business phone number id (Meta's Cloud API). */
      phoneNumberId: z
        .string()
        .trim()
        .regex(/^\d{5,30}$/, 'The phone number id is the number Meta shows, digits only')
        .nullable()
        .default(null),
      /** The number shoppers see, for the settings page. */
      displayNumber: e164.nullable().default(null),
    })
    .default({ enabled: false, phoneNumberId: null, displayNumber: null }),
});
export type ChannelSettings = z.infer<typeof channelSettings>;

export interface MissingPrerequisite {
  field: string;
  message: string;
}

/** What an enabled channel still lacks; empty when every switched-on channel can run. */
export function missingPrerequisites(channels: ChannelSettings): MissingPrerequisite[] {
  const missing: MissingPrerequisite[] = [];
  if (channels.email.enabled && !channels.email.inboundAddress) {
    missing.push({
      field: 'email.inboundAddress',
      message: 'Email cannot be turned on: no inbound email address is set. Add the address shoppers write to.',
    });
  }
  if (channels.sms.enabled && !channels.sms.senderNumber) {
    missing.push({
      field: 'sms.senderNumber',
      message: 'SMS cannot be turned on: no two-way SMS sender number is set. Add your SMS sender number.',
    });
  } else if (channels.sms.enabled && !channels.sms.twoWay) {
    missing.push({
      field: 'sms.twoWay',
      message:
        'SMS cannot be turned on: the sender number is not two-way. Use a number that can receive replies and mark it two-way.',
    });
  }
  if (channels.whatsapp.enabled && !channels.whatsapp.phoneNumberId) {
    missing.push({
      field: 'whatsapp.phoneNumberId',
      message:
        'WhatsApp cannot be turned on: no WhatsApp phone number id is set. Add the phone number id from your WhatsApp Business account.',
    });
  }
  return missing;
}
