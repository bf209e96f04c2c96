// The registry of channel senders: channel → the ChannelSender of its folder (worker/channels/<channel>/).
// Adding a channel is one folder plus one line here. Web chat has no entry: its "sender" is the room's
// own sockets and the history a reconnecting widget reads. A channel without a sender yet keeps its
// deliveries failing loudly (recorded, never silently dropped).
import type { ChannelSender, ChannelWithSender } from '../conversation/contract';
import { emailChannelSender } from './email/sender';
import { smsSender } from './sms/sender';
import { whatsappSender } from './whatsapp/sender';

const SENDERS: Partial<Record<ChannelWithSender, ChannelSender>> = {
  email: emailChannelSender,
  sms: smsSender,
  whatsapp: whatsappSender,
};

export function senderOf(channel: ChannelWithSender): ChannelSender | null {
  return SENDERS[channel] ?? null;
}
