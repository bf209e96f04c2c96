// An account of its own played with the demo's dozen tickets (worker/demo/tickets.ts), for tests that
// need real tickets with transcripts: same team names as the demo store, emails under `<tag>.test`.
import { env } from 'cloudflare:workers';
import { DEMO_PASSWORD, seedAccount } from '../../worker/db/seed';
import { seedDemoTickets } from '../../worker/demo/tickets';
import type { Role } from '../../worker/db/schema';
import { db } from './helpers';

const TEAM: ReadonlyArray<[string, string, Role]> = [
  ['owner', 'Olivia Owner', 'owner'],
  ['manager', 'Marco Manager', 'manager'],
  ['support', 'Sam Support', 'support'],
  ['maya', 'Maya', 'agent'],
  ['leo', 'Leo', 'agent'],
  ['ana', 'Ana', 'agent'],
];

export async function demoTicketsAccount(tag: string) {
  const users = TEAM.map(([local, name, role]) => ({ email: `${local}@${tag}.test`, name, role }));
  const seeded = await seedAccount(db(), { slug: tag, name: `Inbox ${tag}`, users, password: DEMO_PASSWORD });
  await seedDemoTickets(env, db(), seeded.accountId);
  return { accountId: seeded.accountId, email: (local: string) => `${local}@${tag}.test` };
}
