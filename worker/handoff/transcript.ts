// What every helpdesk receives with a ticket (customer-agent-settings.txt: "the conversation
// transcript, timestamps, the visitor's email address, and the profile ID"), in one neutral shape the
// Zendesk and Gorgias clients turn into their own request bodies.
import type { Channel } from '../db/schema';
import type { WireMessage } from '../protocol/widget';

export interface TranscriptLine {
  seq: number;
  at: number;
  role: WireMessage['role'];
  /** "Shopper", "Maya (AI agent)", the teammate's name, "System". */
  speaker: string;
  text: string;
}

export interface HandoffTicket {
  /** Our ticket id: the helpdesk's external_id, so a retry can find a ticket it already created. */
  ticketId: string;
  number: number;
  subject: string;
  channel: Channel;
  requester: { email: string; name: string | null };
  profileId: string | null;
  conversationId: string | null;
  tags: string[];
  lines: TranscriptLine[];
}

const CHANNEL_LABELS: Record<Channel, string> = {
  web_chat: 'web chat',
  email: 'email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
};

export function transcriptLines(messages: readonly WireMessage[]): TranscriptLine[] {
  return messages.map((m) => ({ seq: m.seq, at: m.at, role: m.role, speaker: speakerOf(m), text: withCards(m) }));
}

function speakerOf(m: WireMessage): string {
  switch (m.role) {
    case 'shopper':
      return 'Shopper';
    case 'agent':
      return `${m.authorName ?? 'Customer Agent'} (AI agent)`;
    case 'human':
      return m.authorName ?? 'Teammate';
    case 'system':
      return 'System';
  }
}

/** Product cards are part of what the shopper saw; a helpdesk gets them as SKUs and titles. */
function withCards(m: WireMessage): string {
  if (m.cards.length === 0) return m.text;
  return `${m.text}\n  Products shown: ${m.cards.map((c) => `${c.title} (${c.sku})`).join('; ')}`;
}

/** "2026-11-21 19:04:05 UTC": unambiguous for an agent anywhere, sortable as text. */
export function formatTimestamp(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatLine(line: TranscriptLine): string {
  return `[${formatTimestamp(line.at)}] ${line.speaker}: ${line.text}`;
}

/** The header every ticket starts with: where it came from and who the shopper is. */
export function headerLines(t: HandoffTicket): string[] {
  const who = t.requester.name ? `${t.requester.name} <${t.requester.email}>` : t.requester.email;
  return [
    `Handed off by the Baton Customer Agent (${CHANNEL_LABELS[t.channel]}).`,
    `Shopper: ${who}`,
    `Baton profile id: ${t.profileId ?? 'none (anonymous shopper)'}`,
    `Baton ticket: #${t.number} (${t.ticketId})`,
    ...(t.conversationId ? [`Baton conversation: ${t.conversationId}`] : []),
  ];
}

/** Header, then one line per message. Oldest lines give way first if a helpdesk has a size limit. */
export function transcriptBody(t: HandoffTicket, maxChars: number): string {
  const head = [...headerLines(t), '', 'Transcript (times in UTC):'].join('\n');
  const lines = t.lines.map(formatLine);
  let body = [head, ...lines].join('\n');
  let dropped = 0;
  while (body.length > maxChars && dropped < lines.length) {
    dropped += 1;
    body = [
      head,
      `[${dropped} earlier message(s) left out: the transcript is longer than the helpdesk accepts]`,
      ...lines.slice(dropped),
    ].join('\n');
  }
  return body.length > maxChars ? body.slice(0, maxChars) : body;
}

export function subjectOf(t: HandoffTicket): string {
  const subject = t.subject.trim();
  return subject || `Conversation from ${CHANNEL_LABELS[t.channel]} (#${t.number})`;
}

/** Helpdesk tags: lowercase, no spaces. The profile id rides along as a tag so agents can search it. */
export function helpdeskTags(t: HandoffTicket): string[] {
  const tags = ['baton', ...(t.profileId ? [`baton_profile_${t.profileId}`] : []), ...t.tags];
  return [...new Set(tags.map((tag) => tag.toLowerCase().replace(/[^a-z0-9_-]+/g, '_')).filter(Boolean))];
}
