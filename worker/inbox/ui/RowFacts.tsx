// What a row says about a ticket beyond its subject: requester, last message, unread, urgent, the
// rule that fired and the first-response SLA. Text only (messages are shown as text, never HTML).
import { ruleName, slaLabel } from './format';
import type { TicketRow } from './types';

const WHO: Record<string, string> = { shopper: 'Customer', agent: 'Customer Agent', human: 'Team' };

export function RowBadges({ t }: { t: TicketRow }) {
  return (
    <>
      {t.unread && (
        <span class="badge unread" data-testid="unread">
          Unread
        </span>
      )}
      {t.urgent && (
        <span class="badge urgent" data-testid="urgent">
          Urgent
        </span>
      )}
      <SlaBadge sla={t.sla} dueAt={t.firstResponseDueAt} />
    </>
  );
}

/** "Reply due soon" / "SLA breached" (nothing for the other states), on rows and the ticket page. */
export function SlaBadge({ sla, dueAt }: { sla: TicketRow['sla']; dueAt: number | null }) {
  if (sla !== 'due_soon' && sla !== 'breached') return null;
  return (
    <span
      class={`badge sla-${sla}`}
      data-testid={`sla-${sla}`}
      title={dueAt ? `First reply due ${new Date(dueAt).toLocaleString()}` : undefined}
    >
      {slaLabel(sla)}
    </span>
  );
}

export function RowPreview({ t }: { t: TicketRow }) {
  return (
    <>
      <span class="requester" data-testid="row-requester">
        {t.requesterName ?? t.requesterEmail ?? 'Unknown customer'}
      </span>
      {t.lastMessage && (
        <span class="preview" data-testid="row-preview">
          <span class="who">{WHO[t.lastMessage.role] ?? t.lastMessage.role}: </span>
          {t.lastMessage.text}
        </span>
      )}
      {t.rule.id && (
        <span class="rule-fired" data-testid="row-rule">
          {ruleName(t.rule.id, t.rule.reason)}
        </span>
      )}
    </>
  );
}
