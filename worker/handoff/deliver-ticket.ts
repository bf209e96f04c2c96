// One try at delivering one ticket to Zendesk or Gorgias, and the state it leaves behind:
//   pending → delivered (remote_id set, delivery_error cleared)
//   pending → failed    (delivery_error says why and what to do; the merchant retries from Settings)
//   pending stays       (delivery_error = the last transient error; the queue retries with backoff)
// Exactly once: only a pending ticket is sent; a retry after any earlier attempt first looks the
// ticket up by external_id (= our ticket id), since a timed-out create may still have succeeded, and
// Zendesk's create also carries an idempotency key.
import { and, eq, sql } from 'drizzle-orm';
import { openDb, type Database } from '../db/client';
import { tickets } from '../db/schema';
import { helpdeskLinks, type IntegrationKind } from '../db/schema-integrations';
import { HelpdeskError } from './helpdesk-http';
import type { HelpdeskClient, RemoteTicket } from './helpdesk-client';
import { clientFor, markHealth, readIntegration, type HelpdeskEnv } from './integrations';
import { loadHandoffTicket, UndeliverableTicket, type LoadedHandoff, type TicketRow } from './handoff-ticket';
import { SealedSecretError } from './secret-box';
import { DONE, HELPDESK_LABELS, retryIn, type Outcome } from './delivery-policy';
import { roomOf } from '../durable/namespaces';

export interface TicketJob {
  accountId: string;
  ticketId: string;
}

export async function deliverTicket(env: HelpdeskEnv, job: TicketJob, attempt: number): Promise<Outcome> {
  const db = openDb(env.DB);
  const row = await findTicket(db, job);
  if (!row || row.helpdesk === 'inbox' || row.deliveryState !== 'pending') return DONE; // nothing (more) to send
  const kind = row.helpdesk;
  const label = HELPDESK_LABELS[kind];

  const integration = await readIntegration(db, row.accountId, kind);
  if (!integration || integration.status === 'not_connected') {
    return fail(
      db,
      row,
      `${label} is not connected. Connect it under Settings → Integrations, then retry this ticket.`,
    );
  }
  if (integration.status === 'expired') {
    const why = integration.lastError ? ` (${integration.lastError})` : '';
    return fail(
      db,
      row,
      `The ${label} connection has expired${why}. Reconnect it under Settings → Integrations, then retry this ticket.`,
    );
  }

  let loaded: LoadedHandoff;
  let client: HelpdeskClient;
  try {
    loaded = await loadHandoffTicket(env, db, row);
    client = await clientFor(env, integration);
  } catch (err) {
    if (err instanceof UndeliverableTicket) return fail(db, row, err.message);
    if (err instanceof SealedSecretError) {
      return fail(
        db,
        row,
        `The stored ${label} credentials cannot be read (${err.message}). Reconnect ${label}, then retry this ticket.`,
      );
    }
    throw err;
  }

  // Counted before calling out, so an attempt that never returns still shows.
  await db
    .update(tickets)
    .set({ deliveryAttempts: sql`${tickets.deliveryAttempts} + 1`, updatedAt: Date.now() })
    .where(pendingTicket(row));
  try {
    const earlier = row.deliveryAttempts > 0 ? await client.findByExternalId(row.id) : null;
    const remote = earlier ?? (await client.createTicket(loaded.ticket));
    await recordDelivered(db, row, kind, remote, loaded.throughSeq);
    return DONE;
  } catch (err) {
    if (!(err instanceof HelpdeskError)) throw err;
    if (err.kind === 'auth') {
      await db.batch([
        markHealth(db, row.accountId, kind, { status: 'expired', lastError: err.message }),
        failStatement(db, row, err.message),
      ]);
      return DONE;
    }
    if (err.kind === 'rejected') return fail(db, row, err.message);
    await db.update(tickets).set({ deliveryError: err.message, updatedAt: Date.now() }).where(pendingTicket(row));
    await tellShopperOfDelay(env, row);
    return retryIn(attempt, err.retryAfterSeconds);
  }
}

/** Our own failure during an attempt (D1, the conversation object): kept as the last error for the DLQ. */
export async function noteTicketError(env: Env, job: TicketJob, error: string): Promise<void> {
  const db = openDb(env.DB);
  await db
    .update(tickets)
    .set({ deliveryError: `Baton could not prepare the delivery: ${error}`, updatedAt: Date.now() })
    .where(
      and(eq(tickets.id, job.ticketId), eq(tickets.accountId, job.accountId), eq(tickets.deliveryState, 'pending')),
    );
}

/** The dead-letter queue's verdict: retries are used up; the ticket waits for the merchant's Retry. */
export async function giveUpTicket(env: Env, job: TicketJob): Promise<Outcome> {
  const db = openDb(env.DB);
  const row = await findTicket(db, job);
  if (!row || row.deliveryState !== 'pending') return DONE;
  const last = row.deliveryError ?? 'no error was recorded';
  return fail(db, row, `Gave up after ${row.deliveryAttempts} attempt(s). Last error: ${last}`);
}

async function findTicket(db: Database, job: TicketJob): Promise<TicketRow | undefined> {
  return db.query.tickets.findFirst({ where: and(eq(tickets.id, job.ticketId), eq(tickets.accountId, job.accountId)) });
}

function pendingTicket(row: TicketRow) {
  return and(eq(tickets.id, row.id), eq(tickets.accountId, row.accountId), eq(tickets.deliveryState, 'pending'));
}

function failStatement(db: Database, row: TicketRow, error: string) {
  return db
    .update(tickets)
    .set({ deliveryState: 'failed', deliveryError: error, updatedAt: Date.now() })
    .where(pendingTicket(row));
}

async function fail(db: Database, row: TicketRow, error: string): Promise<Outcome> {
  await failStatement(db, row, error);
  return DONE;
}

async function recordDelivered(
  db: Database,
  row: TicketRow,
  kind: IntegrationKind,
  remote: RemoteTicket,
  throughSeq: number,
) {
  const now = Date.now();
  const link = {
    kind,
    remoteId: remote.remoteId,
    remoteRequesterId: remote.requesterId,
    transcriptThroughSeq: throughSeq,
  };
  await db.batch([
    db
      .insert(helpdeskLinks)
      .values({ accountId: row.accountId, ticketId: row.id, createdAt: now, ...link })
      .onConflictDoUpdate({ target: [helpdeskLinks.accountId, helpdeskLinks.ticketId], set: link }),
    db
      .update(tickets)
      .set({ deliveryState: 'delivered', remoteId: remote.remoteId, deliveryError: null, updatedAt: now })
      .where(pendingTicket(row)),
  ]);
}

/** The shopper is told plainly, once per ticket, that their request is queued and will still reach the team. */
async function tellShopperOfDelay(
  env: HelpdeskEnv,
  row: { id: string; accountId: string; conversationId: string | null },
) {
  if (!row.conversationId) return;
  try {
    await roomOf(env, row.accountId, row.conversationId).postSystemNotice({
      clientId: `delay:${row.id}`,
      text: 'Our helpdesk is slow to respond right now. Your request is saved and will reach our team as soon as it is back.',
    });
  } catch (err) {
    console.error(
      'could not tell the shopper about a delayed delivery',
      err instanceof Error ? err.message : String(err),
    );
  }
}
