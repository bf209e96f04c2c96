import { env, exports } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { openDb } from '../../worker/db/client';
import { accounts, tickets, type Role } from '../../worker/db/schema';
import { DEMO_ACCOUNT_SLUG, DEMO_PASSWORD, seedAccount } from '../../worker/db/seed';
import { newId } from '../../worker/ids';
import { nextTicketNumber } from '../../worker/db/ticket-number';

export const ORIGIN = 'http://baton.test';
export const db = () => openDb(env.DB);

/** A test-built queue batch's metadata (a MessageBatch carries the queue's backlog metrics). */
export const BATCH_METADATA: MessageBatchMetadata = { metrics: { backlogCount: 0, backlogBytes: 0 } };

export interface CallOptions {
  cookie?: string;
  body?: unknown;
  rawBody?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

/** Calls the real Worker through its service binding, as the inbox in a browser would. */
export async function call<T = unknown>(method: string, path: string, opts: CallOptions = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  if (opts.cookie) headers.cookie = opts.cookie;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
  const res = await exports.default.fetch(`${ORIGIN}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json: json as T, text };
}

export async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call('POST', '/api/auth/sign-in', { body: { email, password } });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.text}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0]!;
}

export async function demoAccount() {
  const account = await db().query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw new Error('demo account missing: setup did not seed');
  return account;
}

/** A second, independent store for tenancy tests. */
export async function otherAccount(tag: string) {
  const slug = `other-${tag}`;
  const users = [{ email: `owner@${slug}.test`, name: 'Other Owner', role: 'owner' as Role }];
  const seeded = await seedAccount(db(), { slug, name: `Other ${tag}`, users, password: DEMO_PASSWORD });
  return { ...seeded, ownerEmail: users[0]!.email };
}

export async function insertTicket(accountId: string, fields: Partial<typeof tickets.$inferInsert> = {}) {
  const now = Date.now();
  const row = {
    id: newId(),
    accountId,
    number: nextTicketNumber(accountId),
    channel: 'web_chat' as const,
    subject: 'Test ticket',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
  await db().insert(tickets).values(row);
  return row;
}
