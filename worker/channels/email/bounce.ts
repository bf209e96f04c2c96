// What a bounce says about mail Baton sent. A delivery-status report (RFC 3464) or a classic
// mailer-daemon message carries the failed message's headers, so the Message-IDs Baton issued are in
// its text; the report's Action/Status fields say whether delivery failed for good (5.x.x, "failed")
// or is only delayed (4.x.x, "delayed": nothing to change yet). Read receipts and "delivered"
// reports are not failures. Pure: the raw message in, a verdict out.
import { messageIds } from './mime';

export interface BounceVerdict {
  /** Message-IDs (without brackets) quoted in the report: candidates for mail Baton sent. */
  messageIds: string[];
  /** Shown on the failed reply in the inbox. */
  reason: string;
}

const MAX_SCAN_CHARS = 200_000;

function field(text: string, name: string): string | null {
  const m = new RegExp(`^${name}\\s*:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im').exec(text);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : null;
}

/** The failure a bounce reports, or null when it reports none (delayed, delivered, a read receipt). */
export function bounceVerdict(raw: Uint8Array, ownMessageId: string | null): BounceVerdict | null {
  const text = new TextDecoder('latin1').decode(raw.subarray(0, MAX_SCAN_CHARS));
  if (/disposition-notification/i.test(field(text, 'content-type') ?? '')) return null;
  const action = field(text, 'action')?.toLowerCase() ?? null;
  const status = field(text, 'status');
  const reported = action !== null || status !== null;
  const failed = action === 'failed' || /^5\.\d{1,3}\.\d{1,3}/.test(status ?? '');
  // A structured report that does not say "failed" is a delay or a success; an unstructured
  // mailer-daemon message is a failure (that is all such messages are sent for).
  if (reported && !failed) return null;
  const ids = [...text.matchAll(/^message-id\s*:\s*(<[^<>\s]{1,250}>)/gim)].flatMap((m) => messageIds(m[1]));
  const quoted = [...new Set(ids)].filter((id) => id !== ownMessageId);
  if (quoted.length === 0) return null;
  const diagnostic = field(text, 'diagnostic-code')?.replace(/^smtp\s*;\s*/i, '') ?? status;
  const recipient = field(text, 'final-recipient')?.replace(/^rfc822\s*;\s*/i, '') ?? null;
  const reason = ['Bounced', recipient && `by ${recipient}`, diagnostic && `: ${diagnostic}`]
    .filter(Boolean)
    .join(' ')
    .replace(' :', ':');
  return { messageIds: quoted.slice(0, 20), reason: reason.slice(0, 300) };
}
