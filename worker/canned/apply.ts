// Using a canned reply on a ticket: its text with the variables filled for that ticket and the member
// (worker/canned/template.ts), and — for a macro — setting the ticket's status and adding its tags
// through the same paths as the Status control and the row menu (live updates, close hand-back).
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { profiles } from '../db/schema';
import type { Member } from '../http/app-env';
import type { TicketRecord } from '../tickets/find';
import { setTicketStatus } from '../tickets/status';
import { setTicketTags } from '../tickets/tags';
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

/** A macro's changes to the ticket (nothing for a plain canned reply). */
export async function applyMacro(env: Env, db: Database, ticket: TicketRecord, row: CannedRow): Promise<TicketRecord> {
  let current = ticket;
  const tags = [...new Set([...current.tags, ...row.addTags])];
  if (tags.length !== current.tags.length) current = await setTicketTags(env, db, current, tags);
  if (row.setStatus && row.setStatus !== current.status)
    current = await setTicketStatus(env, db, current, row.setStatus);
  return current;
}
