// One inbound email, parsed with postal-mime (charsets, encodings, RFC 2047 words, multipart) and
// reduced to what the channel uses: sender, Message-ID threading headers, the new text (quoted history
// and signatures stripped; HTML shown as text), attachments, automatic-mail classification and the
// MTA's SPF/DKIM/DMARC verdicts. Nothing here touches storage.
import PostalMime, { type Email } from 'postal-mime';
import { z } from 'zod';
import { authVerdicts, type AuthVerdicts } from './auth-results';
import { classifyAutomatic, type Automatic } from './classify';
import { htmlToText, tidy } from './html-text';
import { stripQuoted } from './strip-quotes';

export interface MailAttachment {
  name: string;
  /** As declared by the message; checked against the bytes before anything is stored. */
  contentType: string;
  bytes: Uint8Array;
}

export interface ParsedMail {
  /** Without angle brackets; null when the message has none. */
  messageId: string | null;
  /** In-Reply-To first, then References newest first, without angle brackets, de-duplicated. */
  threadIds: string[];
  /** The From header's address, lower-cased; null when it is missing or not an address. */
  from: string | null;
  fromName: string | null;
  subject: string;
  /** The new text of the message (what the transcript shows). */
  text: string;
  attachments: MailAttachment[];
  automatic: Automatic | null;
  auth: AuthVerdicts;
}

const address = z.email().max(254);
export const MAX_TEXT_CHARS = 20_000;

/** Message-IDs inside a header value: `<a@b> <c@d>` → ["a@b", "c@d"]. */
export function messageIds(value: string | undefined | null): string[] {
  return [...(value ?? '').matchAll(/<([^<>\s]{1,250})>/g)].map((m) => m[1]!);
}

function firstHeader(mail: Email, name: string): string | null {
  return mail.headers.find((h) => h.key === name)?.value ?? null;
}

function newText(mail: Email): string {
  // The text part is what the sender's client meant as text; HTML-only mail is converted, with the
  // quoted history cut at its markup markers first, then at its text markers.
  const text = mail.text?.trim() ? mail.text : mail.html ? htmlToText(mail.html, { stopAtQuote: true }) : '';
  return tidy(stripQuoted(text)).slice(0, MAX_TEXT_CHARS);
}

export async function parseMail(raw: Uint8Array, envelopeFrom: string): Promise<ParsedMail> {
  const mail = await PostalMime.parse(raw, {
    attachmentEncoding: 'arraybuffer',
    maxNestingDepth: 20,
    maxHeadersSize: 256 * 1024,
  });
  const fromBox = mail.from && 'address' in mail.from && mail.from.address ? mail.from : null;
  const from =
    fromBox && address.safeParse(fromBox.address.toLowerCase()).success ? fromBox.address.toLowerCase() : null;
  const threadIds = [...new Set([...messageIds(mail.inReplyTo), ...messageIds(mail.references).reverse()])];
  const attachments = mail.attachments
    // Inline images the HTML refers to by Content-ID are logos and signatures, not the sender's files.
    .filter((a) => !a.related)
    .map((a) => ({
      name: (a.filename ?? 'attachment').replace(/[\u0000-\u001f\\/]/g, '_').slice(0, 255),
      contentType: a.mimeType.slice(0, 255),
      bytes:
        typeof a.content === 'string'
          ? new TextEncoder().encode(a.content)
          : a.content instanceof Uint8Array
            ? a.content
            : new Uint8Array(a.content),
    }));
  const headers = { get: (name: string) => firstHeader(mail, name) };
  return {
    messageId: messageIds(mail.messageId)[0] ?? (mail.messageId?.trim().slice(0, 250) || null),
    threadIds,
    from,
    fromName: fromBox?.name?.trim().slice(0, 120) || null,
    subject: (mail.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 300),
    text: newText(mail),
    attachments,
    automatic: classifyAutomatic(headers, envelopeFrom, from),
    auth: authVerdicts(firstHeader(mail, 'authentication-results'), firstHeader(mail, 'received-spf')),
  };
}
