// Helpers for the insights tests (track API, segments, reports, webhooks): a fresh store per test
// file or test, its owner's session, an API key made through the real API, and direct event inserts
// with known times for exact segment membership.
import { expect } from 'vitest';
import { openDb } from '../../worker/db/client';
import { env } from 'cloudflare:workers';
import { events, profiles } from '../../worker/db/schema';
import { seedAccount, DEMO_PASSWORD } from '../../worker/db/seed';
import { newId } from '../../worker/ids';
import { call, signIn } from './helpers';

export const DAY = 24 * 60 * 60 * 1000;

export interface Store {
  accountId: string;
  siteKey: string;
  ownerEmail: string;
  cookie: string;
  apiKey: string;
}

/** A new account with an owner, an analyst and an agent; the owner is signed in and has made an API key. */
export async function freshStore(tag: string, extraAgents: string[] = []): Promise<Store> {
  const slug = `ins-${tag}-${crypto.randomUUID().slice(0, 8)}`;
  const seeded = await seedAccount(openDb(env.DB), {
    slug,
    name: slug,
    password: DEMO_PASSWORD,
    users: [
      { email: `owner@${slug}.test`, name: 'Owner', role: 'owner' },
      { email: `manager@${slug}.test`, name: 'Manager', role: 'manager' },
      { email: `analyst@${slug}.test`, name: 'Analyst', role: 'analyst' },
      { email: `agent@${slug}.test`, name: 'Agent', role: 'agent' },
      ...extraAgents.map((name) => ({ email: `${name.toLowerCase()}@${slug}.test`, name, role: 'agent' as const })),
    ],
  });
  const ownerEmail = `owner@${slug}.test`;
  const cookie = await signIn(ownerEmail);
  const created = await call<{ secret: string }>('POST', '/api/api-keys', { cookie, body: { name: 'tests' } });
  expect(created.status).toBe(201);
  return { accountId: seeded.accountId, siteKey: seeded.siteKey, ownerEmail, cookie, apiKey: created.json.secret };
}

export const memberEmail = (store: Store, role: 'manager' | 'analyst' | 'agent') =>
  store.ownerEmail.replace('owner@', `${role}@`);

export function track(apiKey: string, body: unknown) {
  return call<{ eventId: string; profileId: string; duplicate: boolean }>('POST', '/api/track', {
    body,
    origin: null,
    headers: { authorization: `Bearer ${apiKey}` },
  });
}

/** A profile row straight into D1 (for segment fixtures, where only events matter). */
export async function insertProfile(accountId: string, label: string): Promise<string> {
  const id = newId();
  const now = Date.now();
  await openDb(env.DB)
    .insert(profiles)
    .values({
      id,
      accountId,
      externalId: `${label}-${id.slice(0, 6)}`,
      email: `${label}@shopper.test`,
      name: label,
      createdAt: now,
      updatedAt: now,
    });
  return id;
}

export interface FixtureEvent {
  name: string;
  at: number;
  profileId: string | null;
  channel?: string | null;
  properties?: Record<string, unknown>;
  conversationId?: string | null;
}

/** Events with known times, as the conversation rooms and the track API write them. */
export async function insertEvents(accountId: string, list: FixtureEvent[]): Promise<void> {
  const db = openDb(env.DB);
  for (let i = 0; i < list.length; i += 10) {
    await db.insert(events).values(
      list.slice(i, i + 10).map((e) => ({
        id: newId(),
        accountId,
        name: e.name,
        profileId: e.profileId,
        conversationId: e.conversationId ?? null,
        channel: e.channel ?? null,
        properties: { ...(e.channel ? { channel: e.channel } : {}), ...e.properties },
        occurredAt: e.at,
        idempotencyKey: `fixture:${newId()}`,
      })),
    );
  }
}
