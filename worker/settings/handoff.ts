import { z } from 'zod';
import { CHANNELS, HELPDESKS } from '../db/schema';

// Handoff settings (customer-agent-settings.txt, "Configure handoff"): per channel, what happens when
// the Customer Agent hands a conversation to a human. Tickets keep a snapshot of what they were routed
// with, so a change here applies to new handoffs only.

const id = z.uuid();
export const handoffDestination = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('round_robin') }),
  z.object({ kind: z.literal('team'), teamId: id }),
  z.object({ kind: z.literal('user'), userId: id }),
]);
export type HandoffDestination = z.infer<typeof handoffDestination>;

export const channelHandoff = z.object({
  /** Send a ticket to a helpdesk, or don't hand off and show `declineMessage` instead. */
  method: z.enum(['ticket', 'none']).default('ticket'),
  helpdesk: z.enum(HELPDESKS).default('inbox'),
  /** Inside the Inbox: round robin (default), a team's round robin, or one person. */
  destination: handoffDestination.default({ kind: 'round_robin' }),
  /** When the conversation already has an owner (an earlier ticket's assignee). */
  ownerBehaviour: z.enum(['keep_alert', 'reassign', 'unassign']).default('keep_alert'),
  declineMessage: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default("Our team can't take chats right now. Email us at help@example.com and we'll get back to you."),
  confirmationMessage: z.string().trim().min(1).max(500).default("I'm handing you over to a person on our team."),
});
export type ChannelHandoff = z.infer<typeof channelHandoff>;

/** First matching rule wins, ahead of the channel's default destination (Inbox only). */
export const routingRule = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean().default(true),
  when: z.object({
    /** Any of these conversation tags (e.g. "returns"). */
    tagsAny: z.array(z.string().min(1).max(40)).max(20).default([]),
    /** The escalation was urgent (the urgent rule fired). */
    urgent: z.boolean().optional(),
    /** The shopper's language (BCP 47 primary subtag, e.g. "de"), as the widget reports it. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .optional(),
  }),
  route: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('team'), teamId: id }),
    z.object({ kind: z.literal('user'), userId: id }),
  ]),
});
export type RoutingRule = z.infer<typeof routingRule>;

const perChannel = () =>
  Object.fromEntries(CHANNELS.map((c) => [c, channelHandoff.parse({})])) as Record<
    (typeof CHANNELS)[number],
    ChannelHandoff
  >;

export const handoffSettings = z.object({
  channels: z
    .object({
      web_chat: channelHandoff.default(() => channelHandoff.parse({})),
      email: channelHandoff.default(() => channelHandoff.parse({})),
      sms: channelHandoff.default(() => channelHandoff.parse({})),
      whatsapp: channelHandoff.default(() => channelHandoff.parse({})),
    })
    .default(perChannel),
  routingRules: z.array(routingRule).max(50).default([]),
});
export type HandoffSettings = z.infer<typeof handoffSettings>;
