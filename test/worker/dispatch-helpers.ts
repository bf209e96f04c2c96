// Helpers for assignment tests: a fresh account per test (so rotations never share state), tickets
// created the way the handoff creates them (a D1 row, then ticketCreated on the Dispatcher).
import { env } from 'cloudflare:workers';
import { runDurableObjectAlarm } from 'cloudflare:test';
import { and, asc, eq } from 'drizzle-orm';
import { assignmentLog, teamMembers, teams, tickets, users, type Channel, type Role } from '../../worker/db/schema';
import { seedAccount, DEMO_PASSWORD } from '../../worker/db/seed';
import type { TicketCreatedInput, TicketRoute } from '../../worker/dispatch/types';
import { routeTargetOf, ticketRowColumns } from '../../worker/dispatch/reads';
import { readVersionedSettings } from '../../worker/settings/store';
import { newId } from '../../worker/ids';
import type { Dispatcher as TestDispatcher } from '../../worker/dev/index';
import { db, insertTicket } from './helpers';

export interface Agent {
  id: string;
  name: string;
  email: string;
}

/**
 * An account with an owner, a support member and `agents` Agents. `agents` come back in rotation
 * order (creation time, then id), which is the order round robin walks.
 */
export async function freshAccount(tag: string, agentCount = 3) {
  const slug = `rr-${tag}-${crypto.randomUUID().slice(0, 8)}`;
  const spec: Array<{ email: string; name: string; role: Role }> = [
    { email: `owner@${slug}.test`, name: 'Owner', role: 'owner' },
    { email: `support@${slug}.test`, name: 'Support', role: 'support' },
    ...Array.from({ length: agentCount }, (_, i) => ({
      email: `agent${i}@${slug}.test`,
      name: `Agent ${i}`,
      role: 'agent' as Role,
    })),
  ];
  const seeded = await seedAccount(db(), { slug, name: slug, users: spec, password: DEMO_PASSWORD });
  const rows = await db()
    .select()
    .from(users)
    .where(eq(users.accountId, seeded.accountId))
    .orderBy(asc(users.createdAt), asc(users.id));
  const byRole = (role: Role) =>
    rows.filter((r) => r.role === role).map((r) => ({ id: r.id, name: r.name, email: r.email }));
  // A fresh stub per call, as each request in the Worker gets: a stub that saw its object restart is broken.
  // The tests run the dev/test entry (worker/dev/index.ts), whose Dispatcher subclass adds fixClock; the
  // generated Env names the production class, so the namespace gets the subclass's RPC type here.
  const ns = env.DISPATCHER as unknown as DurableObjectNamespace<TestDispatcher>;
  const dispatcher = () => ns.get(ns.idFromName(seeded.accountId));
  return {
    accountId: seeded.accountId,
    siteKey: seeded.siteKey,
    agents: byRole('agent'),
    owner: byRole('owner')[0]!,
    support: byRole('support')[0]!,
    get stub() {
      return dispatcher();
    },
    online: (userId: string, until: number | null = null) =>
      dispatcher().setPresence({ accountId: seeded.accountId, userId, presence: 'online', until }),
    offline: (userId: string) => dispatcher().setPresence({ accountId: seeded.accountId, userId, presence: 'offline' }),
    /** Inserts the ticket row and announces it, exactly as the handoff does; returns once its writes landed. */
    async ticket(channel: Channel = 'email', route: TicketRoute = { kind: 'round_robin' }) {
      const row = await insertTicket(seeded.accountId, { channel });
      const decision = await dispatcher().ticketCreated(await announcement(row.id, route));
      await writesLanded(dispatcher());
      return { id: row.id, ...decision };
    },
    /** Waits until the Dispatcher's outbox is applied (ticketCreated answers before its D1 write lands). */
    landed: () => writesLanded(dispatcher()),
    async team(name: string, memberIds: string[]) {
      const id = newId();
      await db().insert(teams).values({ id, accountId: seeded.accountId, name, createdAt: Date.now() });
      if (memberIds.length)
        await db()
          .insert(teamMembers)
          .values(memberIds.map((userId) => ({ teamId: id, userId, accountId: seeded.accountId })));
      return id;
    },
  };
}

export type FreshAccount = Awaited<ReturnType<typeof freshAccount>>;

/** Runs the Dispatcher's alarm (which applies its outbox) until nothing waits to be written to D1. */
export async function writesLanded(
  stub: { snapshot(): Promise<{ pendingWrites: boolean }> } & Parameters<typeof runDurableObjectAlarm>[0],
) {
  for (let i = 0; i < 100; i++) {
    if (!(await stub.snapshot()).pendingWrites) return;
    await runDurableObjectAlarm(stub);
  }
  throw new Error('the Dispatcher still has writes waiting after 100 alarms');
}

/** What the handoff passes to ticketCreated: the stored ticket row, the route's team or person and the current settings version. */
export async function announcement(
  ticketId: string,
  route: TicketRoute = { kind: 'round_robin' },
): Promise<TicketCreatedInput> {
  const [ticket] = await db().select(ticketRowColumns).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) throw new Error(`announcement: no ticket ${ticketId}`);
  return {
    ticket,
    route,
    target: await routeTargetOf(db(), ticket.accountId, route),
    settingsVersion: (await readVersionedSettings(db(), ticket.accountId)).version,
  };
}

export function logOf(ticketId: string) {
  return db()
    .select()
    .from(assignmentLog)
    .where(eq(assignmentLog.ticketId, ticketId))
    .orderBy(asc(assignmentLog.createdAt));
}

export function logsOfAccount(accountId: string) {
  return db()
    .select()
    .from(assignmentLog)
    .where(and(eq(assignmentLog.accountId, accountId)));
}

/** Deterministic PRNG (mulberry32) for property-style tests. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Simulates a Durable Object restart: everything in memory is gone, storage stays. */
export async function restart(stub: DurableObjectStub): Promise<void> {
  const { runInDurableObject } = await import('cloudflare:test');
  await runInDurableObject(stub, (_instance, state) => {
    try {
      state.abort('simulated restart');
    } catch {
      // abort() throws inside the aborted object; that is the restart.
    }
  }).catch(() => undefined);
}
