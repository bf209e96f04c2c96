// Raw RFC 5322 messages for the email channel tests, and an account with the email channel on.
import { and, asc, eq, sql } from 'drizzle-orm';
import { writeSection, readSettings } from '../../worker/settings/store';
import { tickets } from '../../worker/db/schema';
import { emailAddressClaims, emailMessages } from '../../worker/channels/email/schema';
import { freshAccount } from './dispatch-helpers';
import { db } from './helpers';

export interface RawOptions {
  from?: string;
  to: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  /** A full body with its own Content-Type header block; plain UTF-8 text otherwise. */
  mime?: { contentType: string; body: string; encoding?: string };
  text?: string;
}

export function rawEmail(o: RawOptions): string {
  const lines = [
    `From: ${o.from ?? 'Shopper <shopper@example.net>'}`,
    `To: ${o.to}`,
    `Subject: ${o.subject ?? 'Where is my order?'}`,
    `Date: Thu, 03 Dec 2026 09:00:00 +0000`,
    `Message-ID: <${o.messageId ?? `${crypto.randomUUID()}@mail.example.net`}>`,
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    ...(o.references ? [`References: ${o.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...Object.entries(o.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    'MIME-Version: 1.0',
    `Content-Type: ${o.mime?.contentType ?? 'text/plain; charset=utf-8'}`,
    ...(o.mime?.encoding ? [`Content-Transfer-Encoding: ${o.mime.encoding}`] : []),
  ];
  const body = o.mime?.body ?? o.text ?? 'Hello, where is my order #1001?';
  return `${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}

export const bytes = (raw: string) => new TextEncoder().encode(raw);

/** A new account whose email channel is on at a unique, verified inbound address. */
export async function emailAccount(tag: string, agentCount = 3) {
  const account = await freshAccount(`email-${tag}`, agentCount);
  return { ...account, inbound: await switchEmailOn(account.accountId, tag) };
}

/**
 * Turns the account's email channel on at a unique inbound address whose claim is verified, as if
 * Baton's verification message had come back (test/worker/attack-email.test.ts runs the real flow).
 * Also what a web-chat "continue by email" needs. Returns the address.
 */
export async function switchEmailOn(accountId: string, tag: string): Promise<string> {
  const inbound = `support@${tag}-${crypto.randomUUID().slice(0, 8)}.shop.test`;
  const settings = await readSettings(db(), accountId);
  await writeSection(db(), accountId, null, 'channels', {
    ...settings.channels,
    email: { ...settings.channels.email, enabled: true, inboundAddress: inbound, fromName: 'Shop Support' },
  });
  const now = Date.now();
  await db()
    .insert(emailAddressClaims)
    .values({
      accountId,
      address: inbound,
      tokenHash: 'verified-in-test-setup',
      sentAt: now,
      verifiedAt: now,
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: emailAddressClaims.accountId,
      set: { address: inbound, verifiedAt: now },
    });
  return inbound;
}

/** A 1×1 PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The ticket a web-chat "continue by email" created: it lives on its own email conversation. */
export async function continuationTicket(webChatConversationId: string) {
  const rows = await db()
    .select()
    .from(tickets)
    .where(eq(sql`json_extract(${tickets.routingSnapshot}, '$.origin.conversationId')`, webChatConversationId));
  return rows[0] ?? null;
}

/** A ForwardableEmailMessage as Email Routing hands it to the Worker's email() export. */
export function routedEmail(from: string, to: string, raw: string) {
  const data = bytes(raw);
  const rejected: string[] = [];
  const message = {
    from,
    to,
    raw: new Response(data).body!,
    rawSize: data.length,
    headers: new Headers(),
    setReject: (reason: string) => void rejected.push(reason),
    forward: async () => ({ messageId: 'x' }),
    reply: async () => ({ messageId: 'x' }),
  } as unknown as ForwardableEmailMessage;
  return { message, rejected };
}

/** Outbound email rows of a conversation, oldest first. */
export async function outboundOf(accountId: string, conversationId: string) {
  return db()
    .select()
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.accountId, accountId),
        eq(emailMessages.conversationId, conversationId),
        eq(emailMessages.direction, 'out'),
      ),
    )
    .orderBy(asc(emailMessages.seq));
}
