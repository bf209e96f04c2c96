// The Overview pane: ticket facts, status, the assignee dropdown (with "No assignee"), team, tags
// and the assignment history with the reason behind each change.
import { AssigneeOptions } from './AssigneeOptions';
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { channelName, fullDate, methodName, nameOf, ruleName, teamName, when } from './format';
import { can, type Directory, type Status, type TicketDetail } from './types';

export function Overview({ detail, dir, onChanged }: { detail: TicketDetail; dir: Directory; onChanged: () => void }) {
  const { ticket } = detail;
  const [error, setError] = useState<string | null>(null);
  async function run(method: string, path: string, body: unknown) {
    setError(null);
    try {
      await api(method, path, body);
      onChanged();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'The change was not saved');
    }
  }
  return (
    <aside class="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      <dl>
        <div>
          <dt>Ticket</dt>
          <dd data-testid="ticket-number">#{ticket.number}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{channelName(ticket.channel)}</dd>
        </div>
        <div class="wide">
          <dt>Created</dt>
          <dd>{fullDate(ticket.createdAt)}</dd>
        </div>
        {ticket.routingSnapshot.escalation?.rule && (
          <div class="wide">
            <dt>Why it reached the team</dt>
            <dd data-testid="ticket-rule">
              {ticket.routingSnapshot.escalation.rule === 'urgent' && <span class="badge urgent">Urgent</span>}{' '}
              {ruleName(ticket.routingSnapshot.escalation.rule, ticket.routingSnapshot.escalation.reason ?? null)}
              {ticket.routingSnapshot.because && <>; routed by {ticket.routingSnapshot.because}</>}
            </dd>
          </div>
        )}
        {ticket.firstResponseDueAt !== null && (
          <div class="wide">
            <dt>First reply</dt>
            <dd data-testid="ticket-sla">
              {ticket.firstResponseAt !== null
                ? `Sent ${fullDate(ticket.firstResponseAt)} (${ticket.firstResponseAt <= ticket.firstResponseDueAt ? 'in time' : 'late'})`
                : `Due ${fullDate(ticket.firstResponseDueAt)}${Date.now() > ticket.firstResponseDueAt ? ' (breached)' : ''}`}
            </dd>
          </div>
        )}
        <div class="wide">
          <dt>Customer</dt>
          <dd>{ticket.requesterEmail ?? 'Unknown'}</dd>
        </div>
        <div class="wide">
          <dt>Tickets from this customer</dt>
          <dd data-testid="customer-ticket-count">{detail.customerTicketCount}</dd>
        </div>
        <div class="wide">
          <dt>
            <label for="assignee">Assignee</label>
          </dt>
          <dd>
            <select
              id="assignee"
              data-testid="assignee-select"
              value={ticket.assigneeId ?? ''}
              disabled={!can(dir.me, 'tickets.assign')}
              onChange={(e) =>
                void run('PATCH', `/api/tickets/${ticket.id}/assignee`, { assigneeId: e.currentTarget.value || null })
              }
            >
              <AssigneeOptions dir={dir} />
            </select>
          </dd>
        </div>
        <div class="wide">
          <dt>
            <label for="status">Status</label>
          </dt>
          <dd>
            <select
              id="status"
              data-testid="status-select"
              value={ticket.status}
              disabled={!can(dir.me, 'tickets.reply')}
              onChange={(e) =>
                void run('PATCH', `/api/tickets/${ticket.id}/status`, { status: e.currentTarget.value as Status })
              }
            >
              <option value="open">Open</option>
              <option value="pending">Pending</option>
              <option value="closed">Closed</option>
            </select>
          </dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{teamName(dir, ticket.teamId)}</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>
            {ticket.tags.length
              ? ticket.tags.map((t) => (
                  <span class="chip" key={t}>
                    {t}
                  </span>
                ))
              : 'None'}
          </dd>
        </div>
      </dl>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <h3>Assignment history</h3>
      <ol class="history" data-testid="assignment-history">
        {detail.assignmentHistory.map((h) => (
          <li key={h.id}>
            <div>
              <strong>{nameOf(dir, h.assigneeId)}</strong> <span class="chip">{methodName(h.method)}</span>
            </div>
            <div class="why">{h.reason}</div>
            <time dateTime={new Date(h.createdAt).toISOString()}>{when(h.createdAt)}</time>
          </li>
        ))}
      </ol>
    </aside>
  );
}
