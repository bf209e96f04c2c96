// A shopper's message in a conversation whose ticket is in Zendesk becomes a public comment on it,
// authored by the requester. One row per message in helpdesk_comments makes a redelivered queue
// message post nothing twice; messages the created ticket's transcript already holds are skipped.
import { and, eq } from 'drizzle-orm';
import { openDb, type Database } from '../db/client';
import { tickets } from '../db/schema';
import { helpdeskComments, helpdeskLinks } from '../db/schema-integrations';
import { HelpdeskError } from './helpdesk-http';
import { markHealth, readIntegration, zendeskClientFor, type HelpdeskEnv } from './integrations';
import { transcriptOf } from './handoff-ticket';
import { SealedSecretError } from './secret-box';
import { DONE, retryIn, type Outcome } from './delivery-policy';

export interface CommentJob {
  accountId: string;
  ticketId: string;
  messageSeq: number;
}

/** While the ticket itself is still on its way, a comment waits this long between looks. */
const WAIT_FOR_TICKET_SECONDS = 60;

export async function deliverComment(env: HelpdeskEnv, job: CommentJob, attempt: number): Promise<Outcome> {
  const db = openDb(env.DB);
  const ticket = await db.query.tickets.findFirst({
    where: and(eq(tickets.id, job.ticketId), eq(tickets.accountId, job.accountId)),
  });
  if (!ticket || ticket.helpdesk !== 'zendesk' || !ticket.conversationId) return DONE;
  // A failed ticket is sent again whole (with this message in its transcript) when the merchant retries.
  if (ticket.deliveryState === 'failed') return DONE;
  // The create in flight may have read the transcript before this message was stored: wait for it.
  if (ticket.deliveryState === 'pending') return { kind: 'retry', delaySeconds: WAIT_FOR_TICKET_SECONDS };

  const link = (
    await db
      .select()
      .from(helpdeskLinks)
      .where(and(eq(helpdeskLinks.accountId, job.accountId), eq(helpdeskLinks.ticketId, job.ticketId)))
      .limit(1)
  )[0];
  const remoteId = link?.remoteId ?? ticket.remoteId;
  if (!remoteId || job.messageSeq <= (link?.transcriptThroughSeq ?? 0)) return DONE;
  const seen = await commentRow(db, job);
  if (seen?.state === 'delivered' || seen?.state === 'failed') return DONE;

  const integration = await readIntegration(db, job.accountId, 'zendesk');
  if (!integration || integration.status !== 'connected') {
    return record(
      db,
      job,
      'failed',
      `Zendesk is ${integration?.status === 'expired' ? 'expired' : 'not connected'}; the shopper's message was not added to ticket ${remoteId}`,
    );
  }
  const message = (await transcriptOf(env, job.accountId, ticket.conversationId)).find((m) => m.seq === job.messageSeq);
  if (!message || message.role !== 'shopper') return DONE;

  try {
    const client = await zendeskClientFor(env, integration);
    await client.addRequesterComment(remoteId, link?.remoteRequesterId ?? null, message.text);
    return record(db, job, 'delivered', null);
  } catch (err) {
    if (err instanceof SealedSecretError)
      return record(db, job, 'failed', `The stored Zendesk credentials cannot be read (${err.message})`);
    if (!(err instanceof HelpdeskError)) throw err;
    if (err.kind === 'auth') {
      await markHealth(db, job.accountId, 'zendesk', { status: 'expired', lastError: err.message });
      return record(db, job, 'failed', err.message);
    }
    if (err.kind === 'rejected') return record(db, job, 'failed', err.message);
    await record(db, job, 'pending', err.message);
    return retryIn(attempt, err.retryAfterSeconds);
  }
}

/** Retries used up: the comment is marked failed with its last error (a still-pending ticket will carry it). */
export async function giveUpComment(env: Env, job: CommentJob): Promise<Outcome> {
  const db = openDb(env.DB);
  const seen = await commentRow(db, job);
  if (seen?.state === 'delivered') return DONE;
  const ticket = await db.query.tickets.findFirst({
    where: and(eq(tickets.id, job.ticketId), eq(tickets.accountId, job.accountId)),
  });
  if (!ticket || ticket.deliveryState !== 'delivered') return DONE;
  return record(db, job, 'failed', `Gave up. Last error: ${seen?.error ?? 'no error was recorded'}`);
}

async function commentRow(db: Database, job: CommentJob) {
  const rows = await db
    .select()
    .from(helpdeskComments)
    .where(
      and(
        eq(helpdeskComments.accountId, job.accountId),
        eq(helpdeskComments.ticketId, job.ticketId),
        eq(helpdeskComments.messageSeq, job.messageSeq),
      ),
    )
    .limit(1);
  return rows[0];
}

async function record(
  db: Database,
  job: CommentJob,
  state: 'pending' | 'delivered' | 'failed',
  error: string | null,
): Promise<Outcome> {
  await db
    .insert(helpdeskComments)
    .values({
      accountId: job.accountId,
      ticketId: job.ticketId,
      messageSeq: job.messageSeq,
      state,
      error,
      createdAt: Date.now(),
    })
    .onConflictDoUpdate({
      target: [helpdeskComments.accountId, helpdeskComments.ticketId, helpdeskComments.messageSeq],
      set: { state, error },
    });
  return DONE;
}
