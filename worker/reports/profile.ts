// A shopper's profile page: who they are, their conversations, tickets, orders and CSAT ratings. The
// activity feed (all events, newest first) is paged separately through metrics.ts's eventPage.
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database } from '../db/client';
import { conversations, orders, profiles, tickets } from '../db/schema';
import { csatResponses } from '../db/schema-insights';
import { notFound } from '../http/errors';

const RECENT = 50;

export async function findProfile(db: Database, accountId: string, profileId: string) {
  const [profile] = await db
    .select()
    .from(profiles)
    .where(and(eq(profiles.accountId, accountId), eq(profiles.id, profileId)))
    .limit(1);
  if (!profile) throw notFound('Profile');
  return profile;
}

export async function profileDetail(db: Database, accountId: string, profileId: string) {
  const profile = await findProfile(db, accountId, profileId);
  const mine = (t: { accountId: SQLiteColumn; profileId: SQLiteColumn }) =>
    and(eq(t.accountId, accountId), eq(t.profileId, profileId));
  const [convs, ticketRows, orderRows, ratings] = await db.batch([
    db
      .select({
        id: conversations.id,
        channel: conversations.channel,
        status: conversations.status,
        skill: conversations.skill,
        tags: conversations.tags,
        messageCount: conversations.messageCount,
        startedAt: conversations.startedAt,
        lastActivityAt: conversations.lastActivityAt,
        resolvedAt: conversations.resolvedAt,
        escalatedAt: conversations.escalatedAt,
      })
      .from(conversations)
      .where(mine(conversations))
      .orderBy(desc(conversations.lastActivityAt))
      .limit(RECENT),
    db
      .select({
        id: tickets.id,
        number: tickets.number,
        subject: tickets.subject,
        status: tickets.status,
        channel: tickets.channel,
        assigneeId: tickets.assigneeId,
        helpdesk: tickets.helpdesk,
        conversationId: tickets.conversationId,
        createdAt: tickets.createdAt,
        closedAt: tickets.closedAt,
      })
      .from(tickets)
      .where(mine(tickets))
      .orderBy(desc(tickets.createdAt))
      .limit(RECENT),
    db
      .select({
        id: orders.id,
        externalId: orders.externalId,
        status: orders.status,
        totalCents: orders.totalCents,
        currency: orders.currency,
        placedAt: orders.placedAt,
      })
      .from(orders)
      .where(mine(orders))
      .orderBy(desc(orders.placedAt))
      .limit(RECENT),
    db
      .select({
        ticketId: csatResponses.ticketId,
        rating: csatResponses.rating,
        comment: csatResponses.comment,
        createdAt: csatResponses.createdAt,
      })
      .from(csatResponses)
      .where(mine(csatResponses))
      .orderBy(desc(csatResponses.createdAt))
      .limit(RECENT),
  ]);
  return { profile, conversations: convs, tickets: ticketRows, orders: orderRows, csat: ratings };
}

/** The profile list: newest activity first, or a search by email, name or the store's customer id. */
export function searchProfiles(db: Database, accountId: string, q: string | null, limit: number) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
  return db
    .select({
      id: profiles.id,
      externalId: profiles.externalId,
      email: profiles.email,
      name: profiles.name,
      updatedAt: profiles.updatedAt,
    })
    .from(profiles)
    .where(
      and(
        eq(profiles.accountId, accountId),
        pattern
          ? or(
              sql`${profiles.email} LIKE ${pattern} ESCAPE '\\'`,
              sql`${profiles.name} LIKE ${pattern} ESCAPE '\\'`,
              eq(profiles.externalId, q!),
            )
          : undefined,
      ),
    )
    .orderBy(desc(profiles.updatedAt))
    .limit(limit);
}
