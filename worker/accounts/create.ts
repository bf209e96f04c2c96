// Creating a store (an account) on a real deployment, two ways:
//  - first-run setup (/setup): the store and its Owner with a password, allowed only while the
//    database has no account at all, and only once (the first_run row is the lock);
//  - the operator command (`npm run account:create`, through /api/operator/stores): a store and a
//    one-time invite for its Owner, who sets their own password.
// Either way the account, its settings row and its Owner (or invite) go in one D1 batch: a store never
// exists without a way in. Sign-in is by email across accounts, so an email in use is refused.
import { and, eq, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { z } from 'zod';
import type { Database } from '../db/client';
import { accounts, invites, settings, users } from '../db/schema';
import { firstRun } from '../db/schema-accounts';
import { hashPassword } from '../auth/password';
import { INVITE_TTL_MS, newInviteToken } from '../auth/invite';
import { ApiError } from '../http/errors';
import { newId, newSecret } from '../ids';

const storeName = z.string().trim().min(1, 'Enter the store’s name').max(100);
const email = z.email('Enter an email address').max(254);

export const setupInput = z.object({
  storeName,
  ownerName: z.string().trim().min(1, 'Enter your name').max(100),
  email,
  password: z.string().min(10, 'Use at least 10 characters').max(200),
});
export type SetupInput = z.infer<typeof setupInput>;

export const operatorStoreInput = z.object({ storeName, ownerEmail: email });
export type OperatorStoreInput = z.infer<typeof operatorStoreInput>;

/** A new account row: random id, widget site key and identity-verification key. */
export function accountValues(
  name: string,
  slug: string,
  now: number,
): typeof accounts.$inferInsert & { id: string; siteKey: string } {
  return { id: newId(), name, slug, siteKey: newSecret('pk_', 16), identityKey: newSecret('idk_', 32), createdAt: now };
}

/** A readable, unique-enough slug: the name's letters and digits plus a random suffix. */
function slugOf(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'store';
  return `${base}-${newSecret('', 3)}`;
}

async function assertEmailFree(db: Database, address: string): Promise<void> {
  if (await db.query.users.findFirst({ where: and(eq(users.email, address), isNull(users.removedAt)) })) {
    throw new ApiError(409, 'email_taken', 'A team member with this email already exists; use another email');
  }
}

/** True while the database has no account and setup never ran: /setup is open only then. */
export async function setupOpen(db: Database): Promise<boolean> {
  const [[account], [done]] = await Promise.all([
    db.select({ id: accounts.id }).from(accounts).limit(1),
    db.select({ id: firstRun.id }).from(firstRun).limit(1),
  ]);
  return !account && !done;
}

export const setupClosed = () =>
  new ApiError(
    409,
    'already_set_up',
    'This Baton is already set up: sign in at /inbox. Operators add stores with `npm run account:create`.',
  );

/** First-run setup: the store and its Owner, once. Concurrent or later calls get 409 already_set_up. */
export async function setUpFirstStore(
  db: Database,
  input: SetupInput,
): Promise<{ accountId: string; user: { id: string; accountId: string } }> {
  if (!(await setupOpen(db))) throw setupClosed();
  const now = Date.now();
  const account = accountValues(input.storeName, slugOf(input.storeName), now);
  const user = {
    id: newId(),
    accountId: account.id,
    email: input.email,
    name: input.ownerName,
    role: 'owner' as const,
    passwordHash: await hashPassword(input.password),
    createdAt: now,
  };
  try {
    // first_run goes first: when another setup won the race, its primary key fails the whole batch.
    await db.batch([
      db.insert(firstRun).values({ id: 1, accountId: account.id, completedAt: now }),
      ...storeStatements(db, account, now),
      db.insert(users).values(user),
    ]);
  } catch (err) {
    if (/UNIQUE constraint failed: first_run/.test(errorText(err))) throw setupClosed();
    throw err;
  }
  return { accountId: account.id, user };
}

/** The operator command: a store and a one-time Owner invite (the link is returned once). */
export async function createStoreWithInvite(db: Database, input: OperatorStoreInput, origin: string) {
  await assertEmailFree(db, input.ownerEmail);
  const now = Date.now();
  const account = accountValues(input.storeName, slugOf(input.storeName), now);
  const { tokenHash, link } = await newInviteToken(origin);
  await db.batch([
    ...storeStatements(db, account, now),
    db.insert(invites).values({
      id: newId(),
      accountId: account.id,
      email: input.ownerEmail,
      role: 'owner',
      tokenHash,
      invitedBy: null,
      createdAt: now,
      expiresAt: now + INVITE_TTL_MS,
    }),
  ]);
  return {
    account: { id: account.id, name: account.name, siteKey: account.siteKey },
    ownerInviteLink: link,
    expiresAt: now + INVITE_TTL_MS,
  };
}

function storeStatements(
  db: Database,
  account: typeof accounts.$inferInsert & { id: string },
  now: number,
): [BatchItem<'sqlite'>, BatchItem<'sqlite'>] {
  return [
    db.insert(accounts).values(account),
    db.insert(settings).values({ accountId: account.id, data: {}, updatedAt: now }),
  ];
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return `${err.message} ${err.cause instanceof Error ? err.cause.message : ''}`;
}
