// Rate limits on the anonymous work the public widget API allows: starting conversations, sending
// a handoff to an email address (which makes an Inbox ticket and has the team email that address) and
// uploading a file (an R2 object each). Each has a per-address and a per-account (site key) limit on
// Cloudflare's rate-limiting binding (wrangler.jsonc: CONVERSATION_STARTS_PER_*, EMAIL_HANDOFFS_PER_*,
// FILE_UPLOADS_PER_*), checked before anything is stored (for a file: before its body is read, and
// after a retried upload was answered). The binding cannot give a slot back, so only attempts that go
// ahead are counted: an email handoff is limited inside the conversation room, after the room's own
// refusals (nothing pending, a retried press, the store does not continue by email).
// A refusal is an ordinary `rate_limited` refusal: 429 over HTTP, an error frame on the socket.
import { refuse, type Refusal } from '../../platform/results';

export interface LimitEnv {
  CONVERSATION_STARTS_PER_ADDRESS: RateLimit;
  CONVERSATION_STARTS_PER_SITE: RateLimit;
  EMAIL_HANDOFFS_PER_ADDRESS: RateLimit;
  EMAIL_HANDOFFS_PER_SITE: RateLimit;
  FILE_UPLOADS_PER_ADDRESS: RateLimit;
  FILE_UPLOADS_PER_SITE: RateLimit;
}

/** null when a new conversation may start, else the refusal. */
export async function conversationStartLimit(
  env: LimitEnv,
  address: string | null,
  accountId: string,
): Promise<Refusal<'rate_limited'> | null> {
  return check(
    [
      env.CONVERSATION_STARTS_PER_ADDRESS,
      address && `addr:${address}`,
      'Too many new conversations from your network; wait a minute and try again',
    ],
    [
      env.CONVERSATION_STARTS_PER_SITE,
      `account:${accountId}`,
      'This store is receiving too many new conversations; try again in a minute',
    ],
  );
}

/** null when a handoff to email may go ahead, else the refusal. */
export async function emailHandoffLimit(
  env: LimitEnv,
  address: string | null,
  accountId: string,
): Promise<Refusal<'rate_limited'> | null> {
  return check(
    [
      env.EMAIL_HANDOFFS_PER_ADDRESS,
      address && `addr:${address}`,
      'Too many email handoffs from your network; wait a minute and try again',
    ],
    [
      env.EMAIL_HANDOFFS_PER_SITE,
      `account:${accountId}`,
      'This store is receiving too many email handoffs; try again in a minute',
    ],
  );
}

/** null when the shopper may upload a file, else the refusal. */
export async function fileUploadLimit(
  env: LimitEnv,
  address: string | null,
  accountId: string,
): Promise<Refusal<'rate_limited'> | null> {
  return check(
    [
      env.FILE_UPLOADS_PER_ADDRESS,
      address && `addr:${address}`,
      'Too many files sent from your network; wait a minute and try again',
    ],
    [
      env.FILE_UPLOADS_PER_SITE,
      `account:${accountId}`,
      'This store is receiving too many files; try again in a minute',
    ],
  );
}

type Check = [RateLimit, string | null, string];

async function check(...checks: Check[]): Promise<Refusal<'rate_limited'> | null> {
  for (const [limiter, key, message] of checks) {
    if (key && !(await limiter.limit({ key })).success) return refuse('rate_limited', message);
  }
  return null;
}
