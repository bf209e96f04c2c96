// A one-time team invite: a random token whose SHA-256 alone is stored; the link carries the token in
// its fragment (never sent to a server or written to logs) and is shown once to whoever invited.
import { newSecret, sha256Hex } from '../ids';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export async function newInviteToken(origin: string): Promise<{ tokenHash: string; link: string }> {
  const token = newSecret('inv_', 24);
  return { tokenHash: await sha256Hex(token), link: `${origin}/inbox/accept-invite#token=${token}` };
}
