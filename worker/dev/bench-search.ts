// Benchmark-only (test/bench/ticket-search.ts), mounted under /__bench by the dev/test entry
// (worker/dev/index.ts) only, never in the deployed bundle. Gives the tickets /__bench/seed-tickets
// made a requester email and a three-message conversation in the search index, so search can be
// timed against a big account.
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { jsonBody } from '../http/validate';
import type { DevAppEnv } from './env';
import { ApiError } from '../http/errors';
import { accounts } from '../db/schema';
import { DEMO_ACCOUNT_SLUG } from '../db/seed';

/** Words the seeded messages are made of: each appears in thousands of conversations. */
const VOCABULARY = [
  'order',
  'refund',
  'shipping',
  'delivery',
  'return',
  'size',
  'colour',
  'jacket',
  'shoes',
  'tent',
  'bottle',
  'hoodie',
  'late',
  'broken',
  'exchange',
  'discount',
  'code',
  'payment',
  'card',
  'address',
  'tracking',
  'parcel',
  'label',
  'warranty',
  'zipper',
  'backpack',
  'gift',
  'invoice',
  'cancel',
  'charged',
  'twice',
  'missing',
  'damaged',
  'wrong',
  'small',
  'large',
  'canada',
  'customs',
  'express',
  'pickup',
  'store',
  'account',
  'password',
  'newsletter',
  'stock',
  'restock',
  'navy',
  'orange',
];

/** A range of ticket numbers: one request seeds a slice, so no statement runs for long. */
const rangeBody = z.object({ from: z.number().int().min(1), to: z.number().int().min(1) });

export const benchSearchRoutes = new Hono<DevAppEnv>().post('/seed-messages', async (c) => {
  const { from, to } = await jsonBody(c, rangeBody);
  const account = await c.var.db.query.accounts.findFirst({ where: eq(accounts.slug, DEMO_ACCOUNT_SLUG) });
  if (!account) throw new ApiError(404, 'not_found', 'Seed the demo store first');
  const vocab = JSON.stringify(VOCABULARY);
  // ?1 account, ?2 first number, ?3 last number (the message insert binds the vocabulary as ?4).
  const slice = `account_id = ?1 AND subject LIKE 'history %' AND number BETWEEN ?2 AND ?3`;
  const word = (k: string) => `json_extract(?4, '$[' || ((t.rowid * ${k}) % json_array_length(?4)) || ']')`;
  await c.env.DB.batch([
    c.env.DB.prepare(
      `INSERT OR IGNORE INTO conversations (id, account_id, channel, status, started_at, last_activity_at)
         SELECT id, account_id, channel, 'escalated', created_at, created_at
         FROM tickets WHERE ${slice} AND conversation_id IS NULL`,
    ).bind(account.id, from, to),
    c.env.DB.prepare(
      `UPDATE tickets SET conversation_id = id, requester_email = 'shopper' || number || '@example.com'
         WHERE ${slice} AND conversation_id IS NULL`,
    ).bind(account.id, from, to),
    // Three messages a ticket, six vocabulary words each, and one word only this ticket has ("ref<number>").
    c.env.DB.prepare(
      `INSERT OR IGNORE INTO message_index (account_id, conversation_id, seq, role, text, at)
         SELECT t.account_id, t.id, k.k, CASE k.k WHEN 2 THEN 'human' ELSE 'shopper' END,
                ${word('(7 + k.k)')} || ' ' || ${word('(11 + k.k)')} || ' ' || ${word('(13 + k.k)')} || ' ' ||
                ${word('(17 + k.k)')} || ' ' || ${word('(19 + k.k)')} || ' ' || ${word('(23 + k.k)')} ||
                CASE k.k WHEN 1 THEN ' ref' || t.number ELSE '' END,
                t.created_at + k.k
         FROM tickets t, (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) k
         WHERE t.rowid IN (SELECT rowid FROM tickets WHERE ${slice})`,
    ).bind(account.id, from, to, vocab),
  ]);
  return c.json({ ok: true });
});
