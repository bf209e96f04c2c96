// The demo store that `npm run dev` and the tests start from. Idempotent: seeding an existing demo
// store changes nothing, so it can run on every `npm run dev`.
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { runBatch } from './batch';
import { accounts, knowledgeArticles, products, settings, teamMembers, teams, users, type Role } from './schema';
import { DEMO_ARTICLES, DEMO_PRODUCTS } from './seed-data';
import { hashPassword } from '../auth/password';
import { newId } from '../ids';
import { accountValues } from '../accounts/create';
import { emailAddressClaims } from '../channels/email/schema';

export const DEMO_ACCOUNT_SLUG = 'demo';
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: 'owner@demo.test', name: 'Olivia Owner', role: 'owner' },
  { email: 'manager@demo.test', name: 'Marco Manager', role: 'manager' },
  { email: 'support@demo.test', name: 'Sam Support', role: 'support' },
  { email: 'maya@demo.test', name: 'Maya', role: 'agent' },
  { email: 'leo@demo.test', name: 'Leo', role: 'agent' },
  { email: 'ana@demo.test', name: 'Ana', role: 'agent' },
];

export interface SeededAccount {
  accountId: string;
  siteKey: string;
  created: boolean;
}

/** Where the demo store receives email (npm run dev: wrangler's local email endpoint, see README). */
export const DEMO_INBOUND_ADDRESS = 'help@demo.test';

export async function seedDemo(db: Database): Promise<SeededAccount> {
  const seeded = await seedAccount(db, {
    slug: DEMO_ACCOUNT_SLUG,
    name: 'Demo Store',
    users: DEMO_USERS,
    password: DEMO_PASSWORD,
  });
  if (seeded.created) await demoEmailChannel(db, seeded.accountId);
  return seeded;
}

/**
 * The demo store's Email channel is on at DEMO_INBOUND_ADDRESS, so the demo shows email and "continue by
 * email". Its address claim is seeded as verified: a .test address has no mailbox to prove it with.
 */
async function demoEmailChannel(db: Database, accountId: string) {
  const now = Date.now();
  await runBatch(db, [
    db
      .update(settings)
      .set({ data: { channels: { email: { enabled: true, inboundAddress: DEMO_INBOUND_ADDRESS } } } })
      .where(eq(settings.accountId, accountId)),
    db.insert(emailAddressClaims).values({
      accountId,
      address: DEMO_INBOUND_ADDRESS,
      tokenHash: 'seeded-demo-address',
      sentAt: null,
      verifiedAt: now,
      createdAt: now,
    }),
  ]);
}

/** Seeds one account with its team, knowledge and catalog; tests use it for a second tenant too. */
export async function seedAccount(
  db: Database,
  spec: {
    slug: string;
    name: string;
    users: ReadonlyArray<{ email: string; name: string; role: Role }>;
    password: string;
  },
): Promise<SeededAccount> {
  const existing = await db.query.accounts.findFirst({ where: eq(accounts.slug, spec.slug) });
  if (existing) return { accountId: existing.id, siteKey: existing.siteKey, created: false };

  const now = Date.now();
  const account = accountValues(spec.name, spec.slug, now);
  const { id: accountId, siteKey } = account;
  const userRows = await Promise.all(
    spec.users.map(async (u) => ({
      id: newId(),
      accountId,
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash: await hashPassword(spec.password),
      createdAt: now,
    })),
  );
  const teamId = newId();
  const agentIds = userRows.filter((u) => u.role === 'agent').map((u) => u.id);

  await runBatch(db, [
    db.insert(accounts).values(account),
    db.insert(settings).values({ accountId, data: {}, updatedAt: now }),
    db.insert(users).values(userRows),
    db.insert(teams).values({ id: teamId, accountId, name: 'Frontline', createdAt: now }),
    ...(agentIds.length
      ? [db.insert(teamMembers).values(agentIds.map((userId) => ({ teamId, userId, accountId })))]
      : []),
  ]);
  // Content goes in chunks: D1 limits bound parameters per statement.
  const articleRows = DEMO_ARTICLES.map((a) => ({
    id: newId(),
    accountId,
    title: a.title,
    body: a.body,
    topic: a.topic,
    url: `/help/${a.slug}`,
    updatedAt: now,
  }));
  const productRows = DEMO_PRODUCTS.map((p) => ({
    id: newId(),
    accountId,
    sku: p.sku,
    title: p.title,
    description: p.description,
    category: p.category,
    priceCents: p.priceCents,
    imageUrl: p.imageUrl,
    url: p.url,
    updatedAt: now,
  }));
  await runBatch(db, [
    ...chunk(articleRows, 10).map((rows) => db.insert(knowledgeArticles).values(rows)),
    ...chunk(productRows, 8).map((rows) => db.insert(products).values(rows)),
  ]);
  return { accountId, siteKey, created: true };
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
