// Sending an email alert. Production uses Cloudflare's Email sending binding (`send_email` in
// wrangler.jsonc, `env.EMAIL.send(new EmailMessage(from, to, raw))`). Locally that binding only writes
// the message to Miniflare's log, where no test can read it, so the sender sits behind this small
// interface with a second implementation: a JSON POST to an email API at EMAIL_API_URL (the tests'
// stand-in, or any transactional-mail relay). EMAIL_API_URL, when set, wins; otherwise the binding.
// The email channel (worker/channels/email/) sends its replies through the same senders, with the
// threading fields set: a display name (RFC 2047-encoded when not ASCII), Reply-To, In-Reply-To and
// References.
import { EmailMessage } from 'cloudflare:email';
import { oneLine } from './text';
import { encodedWords, encodeHeader } from './mime-header';

export interface OutgoingEmail {
  from: string;
  /** The sender's display name; "Baton" when absent. */
  fromName?: string;
  to: string;
  subject: string;
  /** Plain text; sent as text/plain only. */
  text: string;
  /**
   * Unique per message: receivers (and the API's Idempotency-Key) use it to drop duplicates. The
   * Message-ID header is `<messageId@domain of from>` (messageIdOf).
   */
  messageId: string;
  replyTo?: string;
  /** Message-IDs without angle brackets. */
  inReplyTo?: string;
  references?: string[];
  /** RFC 3834: "auto-generated" (the default: alerts), "auto-replied", or null for a person's message. */
  autoSubmitted?: 'auto-generated' | 'auto-replied' | null;
}

export type SendResult =
  | { ok: true; status: number | null }
  | { ok: false; status: number | null; error: string; retry: boolean };

export interface EmailSender {
  readonly name: string;
  send(mail: OutgoingEmail): Promise<SendResult>;
}

export interface EmailEnv {
  EMAIL?: SendEmail;
  EMAIL_FROM?: string;
  EMAIL_API_URL?: string;
  EMAIL_API_KEY?: string;
}

export const EMAIL_TIMEOUT_MS = 10_000;
const DEFAULT_FROM = 'alerts@baton.invalid';

export function emailFrom(env: EmailEnv): string {
  return oneLine(env.EMAIL_FROM || DEFAULT_FROM, 254);
}

/** The configured sender, or null when neither the binding nor an email API is set up. */
export function emailSender(env: EmailEnv): EmailSender | null {
  if (env.EMAIL_API_URL) return new HttpEmailSender(env.EMAIL_API_URL, env.EMAIL_API_KEY ?? null);
  if (env.EMAIL) return new BindingEmailSender(env.EMAIL);
  return null;
}

export class BindingEmailSender implements EmailSender {
  readonly name = 'send_email binding';
  constructor(private readonly binding: SendEmail) {}

  async send(mail: OutgoingEmail): Promise<SendResult> {
    try {
      await this.binding.send(new EmailMessage(mail.from, mail.to, mimeMessage(mail)));
      return { ok: true, status: null };
    } catch (err) {
      // The binding refuses unverified destinations and malformed messages for good; anything else
      // (a transient failure) is worth retrying, and the dead-letter queue bounds the retries anyway.
      const error = err instanceof Error ? err.message : String(err);
      return { ok: false, status: null, error, retry: !/destination|not verified|not allowed|invalid/i.test(error) };
    }
  }
}

export class HttpEmailSender implements EmailSender {
  readonly name = 'email API';
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string | null,
  ) {}

  async send(mail: OutgoingEmail): Promise<SendResult> {
    try {
      const res = await fetch(`${this.baseUrl.replace(/\/+$/, '')}/send`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': mail.messageId,
          ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify({
          from: mail.from,
          fromName: mail.fromName ?? DEFAULT_NAME,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          replyTo: mail.replyTo ?? null,
          headers: threadingHeaders(mail),
        }),
        signal: AbortSignal.timeout(EMAIL_TIMEOUT_MS),
        redirect: 'manual',
      });
      if (res.ok) {
        await res.body?.cancel();
        return { ok: true, status: res.status };
      }
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      // 4xx other than 408/429 is our request's fault: retrying sends the same thing again.
      const retry = res.status >= 500 || res.status === 408 || res.status === 429;
      return { ok: false, status: res.status, error: `HTTP ${res.status}: ${detail}`, retry };
    } catch (err) {
      const error =
        err instanceof Error && err.name === 'TimeoutError'
          ? `No answer within ${EMAIL_TIMEOUT_MS / 1000} s`
          : err instanceof Error
            ? err.message
            : String(err);
      return { ok: false, status: null, error, retry: true };
    }
  }
}

const DEFAULT_NAME = 'Baton';

/** The Message-ID (without angle brackets) an outgoing email carries. */
export function messageIdOf(mail: Pick<OutgoingEmail, 'from' | 'messageId'>): string {
  const domain = (mail.from.split('@')[1] ?? 'baton.invalid').replace(/[^\w.-]/g, '');
  return `${mail.messageId.replace(/[^\w.-]/g, '')}@${domain}`;
}

const bracketed = (id: string) => `<${id.replace(/[<>\s]/g, '')}>`;

/** Message-ID, threading and Auto-Submitted headers: also what the HTTP email API is given. */
export function threadingHeaders(mail: OutgoingEmail): Record<string, string> {
  const headers: Record<string, string> = { 'Message-ID': bracketed(messageIdOf(mail)) };
  if (mail.inReplyTo) headers['In-Reply-To'] = bracketed(mail.inReplyTo);
  if (mail.references?.length) headers.References = mail.references.map(bracketed).join(' ');
  const auto = mail.autoSubmitted === undefined ? 'auto-generated' : mail.autoSubmitted;
  if (auto) headers['Auto-Submitted'] = auto;
  return headers;
}

/** A minimal RFC 5322 message: text/plain, UTF-8, base64 body; the subject is RFC 2047 encoded and folded. */
export function mimeMessage(mail: OutgoingEmail, date = new Date()): string {
  const thread = threadingHeaders(mail);
  const headers = [
    `From: ${mailbox(mail.fromName ?? DEFAULT_NAME, mail.from)}`,
    `To: <${oneLine(mail.to, 254)}>`,
    ...(mail.replyTo ? [`Reply-To: <${oneLine(mail.replyTo, 254)}>`] : []),
    encodeHeader('Subject', oneLine(mail.subject, 200)),
    `Message-ID: ${thread['Message-ID']}`,
    ...(thread['In-Reply-To'] ? [`In-Reply-To: ${thread['In-Reply-To']}`] : []),
    ...(thread.References ? [`References: ${thread.References.replace(/ /g, '\r\n ')}`] : []),
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    ...(thread['Auto-Submitted'] ? [`Auto-Submitted: ${thread['Auto-Submitted']}`] : []),
  ];
  const body = base64(mail.text.replace(/\r?\n/g, '\r\n')).replace(/.{1,76}/g, '$&\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** `Name <address>`: an ASCII name quoted when it has specials, any other name RFC 2047-encoded. */
function mailbox(name: string, address: string): string {
  const flat = oneLine(name, 80);
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x20-\x7e]*$/.test(flat) && !flat.includes('=?');
  const shown = !ascii
    ? encodedWords(flat).join('\r\n ')
    : /^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(flat)
      ? flat
      : `"${flat.replace(/["\\]/g, '\\$&')}"`;
  return `${shown} <${oneLine(address, 254)}>`;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
