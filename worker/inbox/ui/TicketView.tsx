// The ticket page: transcript and reply box in the middle, notes and tasks below, Overview beside.
import { useEffect } from 'preact/hooks';
import type { FrameBus } from './bus';
import type { LiveConnection } from './live';
import { NotesTasks } from './NotesTasks';
import { Overview } from './Overview';
import { ReplyBox } from './ReplyBox';
import { SlaBadge } from './RowFacts';
import { Transcript } from './Transcript';
import { EmailThread } from './EmailThread';
import { PhoneDeliveries } from './PhoneDeliveries';
import { can, type Directory, type TicketWatcher } from './types';
import { useTicket } from './useTicket';
import { TicketWatchers } from './watchers';

interface Props {
  ticketId: string;
  dir: Directory;
  bus: FrameBus;
  conn: LiveConnection;
  /** Teammates who have this ticket open now (not you). */
  watchers: TicketWatcher[] | undefined;
  onClose: () => void;
}

export function TicketView({ ticketId, dir, bus, conn, watchers, onClose }: Props) {
  const { detail, error, reload, addMessage } = useTicket(ticketId, bus);
  useEffect(() => {
    conn.view(ticketId);
    return () => conn.view(null);
  }, [ticketId, conn]);

  if (error)
    return (
      <section class="ticket">
        <p role="alert" class="error">
          {error}
        </p>
      </section>
    );
  if (!detail)
    return (
      <section class="ticket" aria-busy="true">
        <p>Loading…</p>
      </section>
    );
  const { ticket } = detail;
  return (
    <section class="ticket" aria-labelledby="ticket-title" data-testid="ticket-view">
      <div class="ticket-main">
        <div class="ticket-head">
          <h2 id="ticket-title">
            #{ticket.number} {ticket.subject || 'No subject'}
          </h2>
          <SlaBadge sla={detail.sla} dueAt={ticket.firstResponseDueAt} />
          <button type="button" class="ghost" onClick={onClose}>
            Back to list
          </button>
        </div>
        <Transcript messages={detail.transcript} undelivered={detail.undelivered} />
        {ticket.channel === 'email' && ticket.conversationId && (
          <EmailThread
            conversationId={ticket.conversationId}
            refresh={detail.transcript.length}
            canReply={can(dir.me, 'tickets.reply')}
          />
        )}
        {(ticket.channel === 'sms' || ticket.channel === 'whatsapp') && ticket.conversationId && (
          <PhoneDeliveries
            ticketId={ticket.id}
            channel={ticket.channel}
            refresh={detail.transcript.length}
            canReply={can(dir.me, 'tickets.reply')}
            onSent={addMessage}
          />
        )}
        <TicketWatchers watchers={watchers} />
        {can(dir.me, 'tickets.reply') && ticket.conversationId && (
          <ReplyBox
            key={ticket.id}
            ticketId={ticket.id}
            lastSeq={detail.transcript.reduce((max, m) => Math.max(max, m.seq), 0)}
            conn={conn}
            onSent={(m) => {
              addMessage(m);
              // The first reply settles the SLA: the badge and the Overview's "First reply" follow.
              if (ticket.firstResponseAt === null) void reload();
            }}
            onConflict={() => void reload()}
          />
        )}
        <NotesTasks detail={detail} dir={dir} onChanged={reload} />
      </div>
      <Overview detail={detail} dir={dir} onChanged={reload} />
    </section>
  );
}
