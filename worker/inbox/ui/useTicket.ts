// The open ticket's page data, kept live: messages of this ticket are appended as they arrive
// (de-duplicated by sequence number), and any update to it refetches the page.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { useFrames, type FrameBus } from './bus';
import type { TicketDetail, WireMessage } from './types';

export function useTicket(ticketId: string, bus: FrameBus) {
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      setDetail(await api<TicketDetail>('GET', `/api/tickets/${encodeURIComponent(ticketId)}`));
      setError(null);
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 404
          ? 'This ticket does not exist in your account.'
          : 'Could not load the ticket',
      );
    }
  }

  useEffect(() => {
    setDetail(null);
    void load();
  }, [ticketId]);

  const addMessage = (message: WireMessage) =>
    setDetail((d) => {
      if (!d || d.transcript.some((m) => m.seq === message.seq)) return d;
      return { ...d, transcript: [...d.transcript, message].sort((a, b) => a.seq - b.seq) };
    });

  useFrames(bus, (frame) => {
    if (frame.type === 'message' && frame.ticketId === ticketId) addMessage(frame.message);
    else if ((frame.type === 'ticket.updated' || frame.type === 'ticket.assigned') && frame.ticket.id === ticketId)
      void load();
    else if (frame.type === 'reconnected') void load();
  });

  return { detail, error, reload: load, addMessage };
}
