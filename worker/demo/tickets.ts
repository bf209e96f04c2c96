// The lived-in demo: a dozen tickets across channels and states, made through the product's own paths
// (a conversation with the Customer Agent, the handoff, the Dispatcher, teammate replies, closing,
// the shopper's rating), so a fresh `npm run dev` shows the inbox working — two tickets waited long
// enough for the SLA badges to show. Plays once per store (the
// demo shoppers' profiles mark it), so restarting `npm run dev` never adds more.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { conversations, profiles, tickets, users } from '../db/schema';
import { upsertProfile } from '../conversations/profiles';
import { dispatcherOf, roomOf } from '../durable/namespaces';
import { submitCsat } from '../csat/submit';
import { findTicket } from '../tickets/find';
import { replyToTicket } from '../tickets/reply';
import { setTicketStatus } from '../tickets/status';
import { setTicketTags } from '../tickets/tags';
import { firstResponseDue } from '../tickets/sla';
import { readSettings } from '../settings/store';
import { newId, newSecret, sha256Hex } from '../ids';
import { DEMO_TICKETS, type DemoTicket } from './ticket-data';

export async function seedDemoTickets(env: Env, db: Database, accountId: string): Promise<{ created: number }> {
  // Played once per store: the first demo shopper's profile marks it (tests share a store with other tests).
  const played = await db
    .select({ id: profiles.id })
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.externalId, demoShopperId(DEMO_TICKETS[0]!))))
    .limit(1);
  if (played.length > 0) return { created: 0 };
  const team = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.accountId, accountId));
  const member = (name: string) => {
    const found = team.find((u) => u.name === name);
    if (!found) throw new Error(`the demo store has no member named ${name}`);
    return found;
  };
  let created = 0;
  for (const spec of DEMO_TICKETS) {
    if (await playTicket(env, db, accountId, spec, member)) created++;
  }
  return { created };
}

async function playTicket(
  env: Env,
  db: Database,
  accountId: string,
  spec: DemoTicket,
  member: (name: string) => { id: string; name: string },
): Promise<boolean> {
  const profileId = await upsertProfile(db, accountId, {
    sub: demoShopperId(spec),
    email: spec.email,
    name: spec.name,
    exp: 0,
  });
  const conversationId = newId();
  const token = await sha256Hex(newSecret('rt_', 24));
  const now = Date.now();
  await db.insert(conversations).values({
    id: conversationId,
    accountId,
    channel: spec.channel,
    status: 'open',
    profileId,
    startedAt: now,
    lastActivityAt: now,
  });
  const room = roomOf(env, accountId, conversationId);
  await room.start({
    accountId,
    conversationId,
    channel: spec.channel,
    resumeTokenHash: token,
    profileId,
    isTest: false,
    language: 'en',
  });
  for (const text of spec.shopper) await room.send(token, crypto.randomUUID(), text);
  const ticketOf = async () =>
    (
      await db
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.accountId, accountId), eq(tickets.conversationId, conversationId)))
        .limit(1)
    )[0];
  // An urgent word has already escalated the conversation; otherwise the shopper asks for a person.
  if (!(await ticketOf())) await room.requestHuman(token, crypto.randomUUID());
  const row = await ticketOf();
  if (!row) return false;

  if (spec.assignee) {
    const manager = member('Marco Manager');
    await dispatcherOf(env, accountId).assign({
      accountId,
      actor: { id: manager.id, name: manager.name },
      ticketIds: [row.id],
      to: { kind: 'user', userId: member(spec.assignee).id },
      bulk: false,
    });
  }
  if (spec.waitedMinutes) await arrivedEarlier(db, accountId, row.id, spec.waitedMinutes);
  let ticket = await findTicket(db, accountId, row.id);
  if (spec.tags.length) ticket = await setTicketTags(env, db, ticket, spec.tags);
  const author = member(spec.assignee ?? 'Sam Support');
  for (const text of spec.replies) {
    await replyToTicket(env, db, ticket, {
      clientId: crypto.randomUUID(),
      text,
      authorName: author.name,
      authorId: author.id,
    });
  }
  // The shopper answers back: the ticket shows unread until its assignee opens it.
  if (spec.followUp) await room.send(token, crypto.randomUUID(), spec.followUp);
  if (spec.status !== 'open')
    ticket = await setTicketStatus(env, db, await findTicket(db, accountId, ticket.id), spec.status);
  if (spec.status === 'closed' && spec.rating) {
    await submitCsat(db, { accountId, conversationId, rating: spec.rating.score, comment: spec.rating.comment });
  }
  return true;
}

/** Moves a waiting ticket's arrival `minutes` back, and its first-reply due time with it (the store's SLA). */
async function arrivedEarlier(db: Database, accountId: string, ticketId: string, minutes: number): Promise<void> {
  const createdAt = Date.now() - minutes * 60_000;
  const firstResponseDueAt = firstResponseDue(await readSettings(db, accountId), createdAt);
  await db
    .update(tickets)
    .set({ createdAt, firstResponseDueAt })
    .where(and(eq(tickets.accountId, accountId), eq(tickets.id, ticketId)));
}

/** The demo shopper's customer id: marks the store as played. */
function demoShopperId(spec: DemoTicket): string {
  return `demo-${spec.email}`;
}
