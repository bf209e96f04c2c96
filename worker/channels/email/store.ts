// The email channel's D1 rows (migrations/0015_email.sql): threads, and every email in or out.
// Every query is scoped by account. Inbound rows are unique per (account, Message-ID), so a message
// Email Routing delivers twice is recorded once; outbound rows are unique per delivery id, so a retried
// delivery updates its row instead of adding one.
import { and, asc, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { newId } from '../../ids';
import { emailMessages, emailThreads, type InboundState, type OutboundState, type RecordedAttachment } from './schema';
import type { AuthVerdicts } from './auth-results';

export type ThreadRow = typeof emailThreads.$inferSelect;
export type EmailRow = typeof emailMessages.$inferSelect;

export async function findThread(db: Database, accountId: string, conversationId: string): Promise<ThreadRow | null> {
  const [row] = await db
    .select()
    .from(emailThreads)
    .where(and(eq(emailThreads.accountId, accountId), eq(emailThreads.conversationId, conversationId)))
    .limit(1);
  return row ?? null;
}

/** The thread of a conversation id from a reply address, whichever account it belongs to (the caller verifies the signature). */
export async function threadById(db: Database, conversationId: string): Promise<ThreadRow | null> {
  const [row] = await db.select().from(emailThreads).where(eq(emailThreads.conversationId, conversationId)).limit(1);
  return row ?? null;
}

/** Idempotent: the first row for a conversation wins. */
export async function createThread(db: Database, row: Omit<ThreadRow, 'createdAt'>, now: number): Promise<void> {
  await db
    .insert(emailThreads)
    .values({ ...row, createdAt: now })
    .onConflictDoNothing();
}

/**
 * The conversation a reply threads into by its In-Reply-To/References: only a Message-ID Baton issued
 * (an outbound row) counts, and only for the address that email went to. A Message-ID someone else
 * received proves nothing about this sender.
 */
export async function conversationByMessageIds(
  db: Database,
  accountId: string,
  ids: string[],
  sender: string,
): Promise<string | null> {
  if (ids.length === 0) return null;
  const rows = await db
    .select({ conversationId: emailMessages.conversationId, messageId: emailMessages.messageId })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.accountId, accountId),
        eq(emailMessages.direction, 'out'),
        eq(emailMessages.address, sender),
        inArray(emailMessages.messageId, ids.slice(0, 50)),
      ),
    );
  for (const id of ids) {
    const hit = rows.find((r) => r.messageId === id && r.conversationId);
    if (hit) return hit.conversationId;
  }
  return null;
}

export async function inboundSeen(db: Database, accountId: string, messageId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.accountId, accountId),
        eq(emailMessages.direction, 'in'),
        eq(emailMessages.messageId, messageId),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Inbound emails since `since`, optionally from one sender or in one conversation (the limits' counts). */
export async function inboundCount(
  db: Database,
  accountId: string,
  since: number,
  by: { address?: string; conversationId?: string } = {},
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.accountId, accountId),
        eq(emailMessages.direction, 'in'),
        gte(emailMessages.createdAt, since),
        by.address ? eq(emailMessages.address, by.address) : undefined,
        by.conversationId ? eq(emailMessages.conversationId, by.conversationId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

export interface InboundRecord {
  id: string;
  accountId: string;
  conversationId: string | null;
  messageId: string;
  address: string;
  subject: string;
  state: InboundState;
  reason: string | null;
  rawKey: string | null;
  attachments: RecordedAttachment[];
  auth: AuthVerdicts;
}

/** False when the same Message-ID was recorded meanwhile (a concurrent redelivery). */
export async function recordInbound(db: Database, rec: InboundRecord, now: number): Promise<boolean> {
  const rows = await db
    .insert(emailMessages)
    .values({
      id: rec.id,
      accountId: rec.accountId,
      conversationId: rec.conversationId,
      direction: 'in',
      messageId: rec.messageId,
      address: rec.address,
      subject: rec.subject,
      state: rec.state,
      reason: rec.reason,
      rawKey: rec.rawKey,
      attachments: rec.attachments,
      spf: rec.auth.spf,
      dkim: rec.auth.dkim,
      dmarc: rec.auth.dmarc,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: emailMessages.id });
  return rows.length > 0;
}

/** Every Message-ID of the thread, oldest first (the References of a reply), and the newest inbound one. */
export async function threadMessageIds(
  db: Database,
  accountId: string,
  conversationId: string,
): Promise<{ all: string[]; lastInbound: string | null }> {
  const rows = await db
    .select({ messageId: emailMessages.messageId, direction: emailMessages.direction, state: emailMessages.state })
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.conversationId, conversationId)))
    .orderBy(asc(emailMessages.createdAt));
  const threaded = rows.filter((r) => (r.direction === 'in' ? r.state === 'accepted' : r.state === 'sent'));
  return {
    all: threaded.map((r) => r.messageId),
    lastInbound: threaded.filter((r) => r.direction === 'in').at(-1)?.messageId ?? null,
  };
}

export async function outboundByDelivery(
  db: Database,
  accountId: string,
  deliveryId: string,
): Promise<EmailRow | null> {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.deliveryId, deliveryId)))
    .limit(1);
  return row ?? null;
}

/** The delivery's row, created on its first attempt; every attempt counts. */
export async function startAttempt(
  db: Database,
  row: {
    accountId: string;
    conversationId: string;
    deliveryId: string;
    seq: number;
    messageId: string;
    address: string;
    subject: string;
  },
  now: number,
): Promise<void> {
  await db
    .insert(emailMessages)
    .values({
      id: newId(),
      ...row,
      direction: 'out',
      state: 'pending',
      attempts: 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [emailMessages.accountId, emailMessages.deliveryId],
      set: { attempts: sql`${emailMessages.attempts} + 1`, updatedAt: now },
    });
}

export async function settleAttempt(
  db: Database,
  accountId: string,
  deliveryId: string,
  state: OutboundState,
  fields: { reason?: string | null; providerId?: string | null },
  now: number,
): Promise<void> {
  await db
    .update(emailMessages)
    .set({
      state,
      reason: fields.reason ?? null,
      ...(fields.providerId !== undefined ? { providerId: fields.providerId } : {}),
      updatedAt: now,
    })
    .where(and(eq(emailMessages.accountId, accountId), eq(emailMessages.deliveryId, deliveryId)));
}

/** A bounce reported these Message-IDs: Baton's sent (or sending) mail among them is now failed, with the
 * report's reason, so the inbox shows it and offers Retry. Returns the conversation of the first match. */
export async function markBounced(
  db: Database,
  accountId: string,
  messageIds: string[],
  reason: string,
  now: number,
): Promise<string | null> {
  const where = and(
    eq(emailMessages.accountId, accountId),
    eq(emailMessages.direction, 'out'),
    inArray(emailMessages.messageId, messageIds),
    inArray(emailMessages.state, ['sent', 'pending', 'retrying']),
  );
  const hit = await db
    .update(emailMessages)
    .set({ state: 'failed', reason, updatedAt: now })
    .where(where)
    .returning({ conversationId: emailMessages.conversationId });
  return hit[0]?.conversationId ?? null;
}
