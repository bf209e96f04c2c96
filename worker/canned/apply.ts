// Using a canned reply on a ticket: its text with the variables filled for that ticket and the member
// (worker/canned/template.ts), and — for a macro — its reply sent together with the ticket's new status
// and tags in one request (live updates and the close hand-back as the Status control does them).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { profiles } from '../db/schema';
import type { Member } from '../http/app-env';
import type { TicketRecord } from '../tickets/find';
import { statusFields, ticketChanged } from '../tickets/status';
import { MAX_TICKET_TAGS } from '../tickets/tags';
import { replyWithChanges, type TeammateReply } from '../tickets/reply';
import { ApiError } from '../http/errors';
import type { WireMessage } from '../protocol/widget';
import type { CannedRow } from './store';
import { renderTemplate } from './template';

export async function renderCanned(
  db: Database,
  member: Member,
  ticket: TicketRecord,
  row: CannedRow,
): Promise<string> {
  const profile = ticket.profileId
    ? (
        await db
          .select({ name: profiles.name, email: profiles.email })
          .from(profiles)
          .where(and(eq(profiles.accountId, ticket.accountId), eq(profiles.id, ticket.profileId)))
          .limit(1)
      )[0]
    : undefined;
  return renderTemplate(row.body, {
    'shopper.name': profile?.name ?? null,
    'shopper.email': ticket.requesterEmail ?? profile?.email ?? null,
    'agent.name': member.name,
    'ticket.number': String(ticket.number),
  });
}

/**
 * A reply sent with a canned reply or macro, in one request: the macro's tags are checked against the
 * ticket's limit before anything is sent (400, nothing changed), then the reply is stored (idempotent by
 * its clientId) and the macro's status and tags are written in the reply's own D1 batch, once per
 * clientId. A retry with the same clientId answers with the first reply and the ticket as it stands,
 * and changes nothing — not even what a teammate set by hand since. A request cut off after the reply
 * but before its batch makes the changes when sent again.
 */
export async function replyWithMacro(
  env: Env,
  db: Database,
  ticket: TicketRecord,
  row: CannedRow,
  reply: TeammateReply,
): Promise<{ message: WireMessage; ticket: TicketRecord }> {
  const tags = [...new Set([...ticket.tags, ...row.addTags])];
  if (tags.length > MAX_TICKET_TAGS) {
    throw new ApiError(
      400,
      'too_many_tags',
      `The macro “${row.name}” would give this ticket ${tags.length} tags (at most ${MAX_TICKET_TAGS}): remove some of its tags first, or send without the macro`,
    );
  }
  const now = Date.now();
  const newStatus = row.setStatus && row.setStatus !== ticket.status ? row.setStatus : null;
  const changes = {
    ...(tags.length !== ticket.tags.length ? { tags } : {}),
    ...(newStatus ? statusFields(ticket, newStatus, now) : {}),
  };
  const { message, changed } = await replyWithChanges(env, db, ticket, reply, changes);
  if (!changed || Object.keys(changes).length === 0) return { message, ticket };
  const updated: TicketRecord = { ...ticket, ...changes, updatedAt: now };
  await ticketChanged(env, updated, newStatus === 'closed');
  return { message, ticket: updated };
}
