// Benchmark-only endpoints (test/bench/assignment-rate.ts), mounted at /__bench by the dev/test entry
// (worker/dev/index.ts) only: never part of the deployed bundle (scripts/check-bundle.mjs). Each times
// its Durable Object call inside the Worker, so the figures leave out the HTTP hop from the bench.
import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv } from '../http/app-env';
import type { DevAppEnv } from './env';
import { ApiError } from '../http/errors';
import { jsonBody } from '../http/validate';
import { accounts, tickets, users } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';
import { nextTicketNumber } from '../db/ticket-number';
import { dispatcherOf } from '../durable/namespaces';
import { ticketRowColumns, type TicketRow } from '../dispatch/reads';
import type { Database } from '../db/client';
import { readVersionedSettings } from '../settings/store';
import { newId } from '../ids';
import { benchSearchRoutes } from './bench-search';

const seedBody = z.object({ count: z.number().int().min(1).max(200_000) });
const echoBody = z.object({ text: z.string().max(2000) });
const assignBody = z.object({ accountId: z.uuid(), settingsVersion: z.number().int().min(0) });

async function demoAccountId(c: { var: AppEnv['Variables'] }): Promise<string> {
  const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw new ApiError(404, 'not_found', 'Seed the demo store first');
  return account.id;
}

/** The row the handoff inserts for an Inbox ticket, read back by the insert itself (as handoff/handoff.ts does). */
async function insertBenchTicket(db: Database, accountId: string): Promise<TicketRow> {
  const now = Date.now();
  const [ticket] = await db
    .insert(tickets)
    .values({
      id: newId(),
      accountId,
      number: nextTicketNumber(accountId),
      channel: 'email',
      subject: 'bench',
      createdAt: now,
      updatedAt: now,
    })
    .returning(ticketRowColumns);
  return ticket!;
}

export const benchRoutes = new Hono<DevAppEnv>()
  /** Search index rows for the seeded tickets (test/bench/ticket-search.ts). */
  .route('/search', benchSearchRoutes)
  /** Every Agent of the demo store goes Online for the next hour. */
  .post('/setup', async (c) => {
    const accountId = await demoAccountId(c);
    const agents = await c.var.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.role, 'agent')));
    const dispatcher = dispatcherOf(c.env, accountId);
    for (const a of agents)
      await dispatcher.setPresence({ accountId, userId: a.id, presence: 'online', until: Date.now() + 3_600_000 });
    // The settings version a conversation room holds (worker/settings/held.ts): read once, as the room does.
    const { version } = await readVersionedSettings(c.var.db, accountId);
    return c.json({ accountId, settingsVersion: version, online: agents.length });
  })
  /**
   * What the handoff does for an Inbox ticket: insert the row, then ask the Dispatcher. The account and
   * the settings version come with the request, as the room knows them (it holds its settings), so the
   * only D1 statement here is the handoff's own ticket insert.
   */
  .post('/assign', async (c) => {
    const { accountId, settingsVersion } = await jsonBody(c, assignBody);
    const ticket = await insertBenchTicket(c.var.db, accountId);
    const t0 = performance.now();
    const decision = await dispatcherOf(c.env, accountId).ticketCreated({
      ticket,
      route: { kind: 'round_robin' },
      target: { team: null, member: null },
      settingsVersion,
    });
    return c.json({ ms: performance.now() - t0, assigneeId: decision.assigneeId });
  })
  /** The handoff's ticket insert alone (no Dispatcher): the bench subtracts it to show the Dispatcher's own share. */
  .post('/insert', async (c) => {
    const { accountId } = await jsonBody(c, assignBody);
    const t0 = performance.now();
    await insertBenchTicket(c.var.db, accountId);
    return c.json({ ms: performance.now() - t0 });
  })
  /** The floor: one call into a Durable Object that bumps one SQLite row. */
  .post('/counter', async (c) => {
    const ns = c.env.BENCH_COUNTER;
    const t0 = performance.now();
    const n = await ns.get(ns.idFromName('bench')).increment();
    return c.json({ ms: performance.now() - t0, n });
  })
  /** The message benchmark's floor: one Durable Object per name, one RPC that appends a row and returns. */
  .post('/echo/:name', async (c) => {
    const { text } = await jsonBody(c, echoBody);
    const ns = c.env.BENCH_COUNTER;
    const row = await ns.get(ns.idFromName(`echo:${c.req.param('name')}`)).echo(text);
    return c.json({ messages: [row] });
  })
  /** Bulk-inserts closed-out history so list queries can be timed against a big account. */
  .post('/seed-tickets', async (c) => {
    const { count } = await jsonBody(c, seedBody);
    const accountId = await demoAccountId(c);
    const members = (await c.var.db.select({ id: users.id }).from(users).where(eq(users.accountId, accountId))).map(
      (u) => u.id,
    );
    // One statement: a recursive counter generates the rows inside SQLite; two in three are assigned.
    await c.env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1),
       base(b) AS (SELECT COALESCE(MAX(number), 0) FROM tickets WHERE account_id = ?2)
       INSERT INTO tickets (id, account_id, number, channel, status, subject, assignee_id, created_at, updated_at)
       SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' ||
              substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
              ?2, b + i, CASE i % 4 WHEN 0 THEN 'web_chat' WHEN 1 THEN 'email' WHEN 2 THEN 'sms' ELSE 'whatsapp' END,
              CASE WHEN i % 10 < 6 THEN 'open' WHEN i % 10 < 8 THEN 'pending' ELSE 'closed' END,
              'history ' || i,
              CASE WHEN i % 3 = 0 THEN NULL ELSE json_extract(?3, '$[' || ((i / 3) % json_array_length(?3)) || ']') END,
              ?4 - i * 1000, ?4 - i * 1000
       FROM n, base`,
    )
      .bind(count, accountId, JSON.stringify(members), Date.now())
      .run();
    return c.json({ inserted: count });
  });
