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
      {(t.sla === 'due_soon' || t.sla === 'breached') && (
        <span
          class={`badge sla-${t.sla}`}
          data-testid={`sla-${t.sla}`}
          title={
            t.firstResponseDueAt ? `First reply due ${new Date(t.firstResponseDueAt).toLocaleString()}` : undefined
          }
        >
          {slaLabel(t.sla)}
        </span>
      )}
    </>
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
        <span class="rule" data-testid="row-rule">
          {ruleName(t.rule.id, t.rule.reason)}
        </span>
      )}
    </>
  );
}
