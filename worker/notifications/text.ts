// What a notification says: plain text only. The email body is text/plain (nothing in it is ever
// interpreted as HTML); Slack's `text` is mrkdwn, whose only control characters are &, < and >
// (Slack's "Escaping text" rule), so shopper-written subjects and names cannot form links or mentions.

export interface NotificationFacts {
  kind: 'ticket.created' | 'ticket.assigned';
  ticketNumber: number;
  subject: string;
  channel: string;
  assigneeName: string | null;
  teamName: string | null;
  method: string;
  reason: string;
  /** Absolute link to the ticket in the inbox, when the Worker knows its public origin. */
  link: string | null;
}

const CHANNEL_LABELS: Record<string, string> = {
  web_chat: 'web chat',
  email: 'email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
};

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line, no control characters, bounded: safe for a mail header and a chat line. */
export function oneLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function title(f: NotificationFacts): string {
  const subject = oneLine(f.subject) || '(no subject)';
  return `#${f.ticketNumber} ${subject}`;
}

export function slackText(f: NotificationFacts): string {
  const who = f.assigneeName
    ? `assigned to ${oneLine(f.assigneeName, 100)}`
    : f.teamName
      ? `waiting in team ${oneLine(f.teamName, 100)}`
      : 'unassigned';
  const head =
    f.kind === 'ticket.created'
      ? `New ${CHANNEL_LABELS[f.channel] ?? f.channel} ticket ${title(f)}, ${who}`
      : `Ticket ${title(f)} ${who}`;
  const lines = [`${head} (${oneLine(f.reason, 300)})`];
  if (f.link) lines.push(f.link);
  return lines.map(escapeSlack).join('\n');
}

export function emailSubject(f: NotificationFacts): string {
  return oneLine(`Ticket ${title(f)} was assigned to you`, 150);
}

export function emailBody(f: NotificationFacts, recipientName: string): string {
  const lines = [
    `Hi ${oneLine(recipientName, 100)},`,
    '',
    `Ticket ${title(f)} (${CHANNEL_LABELS[f.channel] ?? f.channel}) was assigned to you.`,
    `Why: ${oneLine(f.reason, 300)}`,
  ];
  if (f.link) lines.push('', `Open it in the inbox: ${f.link}`);
  lines.push(
    '',
    '--',
    'You get this because email alerts are on in your Baton notification settings.',
    'Turn them off there at any time.',
  );
  return lines.join('\n');
}
