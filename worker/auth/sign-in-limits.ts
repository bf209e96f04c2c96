// Sign-in attempt limits, per email and per client address. Each attempt first takes a slot with one
// upsert per counter (a single D1 batch, so one atomic step) and learns the new count from RETURNING;
// only an attempt whose slots are all within the limits gets its password checked. Parallel guesses
// therefore cannot all slip past a count read before any of them is recorded: with a limit of 10,
// 40 simultaneous guesses check at most 10 passwords. A successful sign-in gives its slots back, so
// people who sign in often are never locked out by their own successes.
//
// The client address comes from worker/platform/client-address.ts (CF-Connecting-IP; none for local
// tools, which then have no address counter rather than one shared bucket). IPv6 addresses count per
// /64, the block one subscriber usually holds.
import { inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { signInLimits } from '../db/schema';

export const SIGN_IN_WINDOW_MS = 60_000;
export const MAX_ATTEMPTS_PER_EMAIL = 10;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

export interface SignInSlots {
  keys: string[];
  /** Which limit refused the attempt, or null when it may be checked. */
  refusedBy: 'email' | 'address' | null;
}

export async function takeSignInSlots(
  db: Database,
  email: string,
  address: string | null,
  now = Date.now(),
): Promise<SignInSlots> {
  const counters = [
    { key: `email:${email.toLowerCase()}`, limit: MAX_ATTEMPTS_PER_EMAIL, scope: 'email' as const },
    ...(address
      ? [{ key: `addr:${addressBlock(address)}`, limit: MAX_ATTEMPTS_PER_ADDRESS, scope: 'address' as const }]
      : []),
  ];
  const expired = now - SIGN_IN_WINDOW_MS;
  const [first, ...rest] = counters.map(({ key }) =>
    db
      .insert(signInLimits)
      .values({ key, windowStart: now, attempts: 1 })
      .onConflictDoUpdate({
        target: signInLimits.key,
        set: {
          // Both read the row as it was: an expired window restarts at this attempt.
          attempts: sql`CASE WHEN ${signInLimits.windowStart} <= ${expired} THEN 1 ELSE ${signInLimits.attempts} + 1 END`,
          windowStart: sql`CASE WHEN ${signInLimits.windowStart} <= ${expired} THEN ${now} ELSE ${signInLimits.windowStart} END`,
        },
      })
      .returning({ attempts: signInLimits.attempts }),
  );
  const results = await db.batch([
    first!,
    ...rest,
    // Old counters go in the same round trip (indexed on window_start).
    db.delete(signInLimits).where(lt(signInLimits.windowStart, now - 10 * SIGN_IN_WINDOW_MS)),
  ]);
  const refused = counters.find((counter, i) => {
    const rows = results[i] as Array<{ attempts: number }>;
    return (rows[0]?.attempts ?? 0) > counter.limit;
  });
  return { keys: counters.map((c) => c.key), refusedBy: refused?.scope ?? null };
}

/** A successful sign-in gives its slots back. */
export async function returnSignInSlots(db: Database, keys: string[]): Promise<void> {
  await db
    .update(signInLimits)
    .set({ attempts: sql`max(${signInLimits.attempts} - 1, 0)` })
    .where(inArray(signInLimits.key, keys));
}

/** The counter an address falls into: an IPv4 address itself, an IPv6 address's /64. */
export function addressBlock(address: string): string {
  if (!address.includes(':')) return address.trim();
  const [head = '', tail = ''] = address.trim().toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
