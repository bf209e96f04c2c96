// Loads a view page by page and keeps it current: any ticket event (or a (re)connect) refetches the
// pages already shown, a little debounced so a burst of assignments costs one request. Only the latest
// request's answer is shown: a slower, older response (fetched before a live event's write) arriving
// after a newer one must not overwrite it — that lost "No assignee" in the My inbox count.
// A message on a ticket ('ticket.activity') moves its row's preview and unread marker at once, from the
// frame itself: the search copy it is read from lands in D1 a moment later, so the frame's values are
// kept over a fetched row's until the fetched row has caught up. A ticket opened here reads as read
// until a new shopper message arrives on it while it is not open (a fetch may predate the read mark).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { useFrames, type FrameBus } from './bus';
import type { Route } from './router';
import type { TicketPage, TicketRow, View } from './types';

function query(route: Route, cursor: string | null, limit: number): string {
  const q = new URLSearchParams({ view: route.view, status: route.status, limit: String(limit) });
  if (route.channel) q.set('channel', route.channel);
  if (route.team) q.set('team', route.team);
  if (route.q.trim()) q.set('q', route.q.trim());
  if (cursor) q.set('cursor', cursor);
  return `/api/tickets?${q}`;
}

const PAGE = 50;

interface LiveRow {
  lastMessage: NonNullable<TicketRow['lastMessage']>;
  unread: boolean;
}

export function useTicketList(route: Route, bus: FrameBus) {
  const [tickets, setTickets] = useState<TicketRow[]>([]);
  const [counts, setCounts] = useState<Record<View, number> | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(PAGE);
  const key = `${route.view}|${route.status}|${route.channel}|${route.team}|${route.q.trim()}`;
  const latest = useRef(0);
  /** Rows' last message as live frames told it, until a fetched page shows it too. */
  const live = useRef(new Map<string, LiveRow>());
  /** Tickets opened in this tab since their last unread shopper message. */
  const opened = useRef(new Set<string>());
  const withLive = (rows: TicketRow[]) =>
    rows.map((r) => {
      const known = live.current.get(r.id);
      if (!known) return r;
      if ((r.lastMessage?.at ?? 0) >= known.lastMessage.at) {
        live.current.delete(r.id); // the server has it now
        return r;
      }
      return { ...r, lastMessage: known.lastMessage, unread: r.unread || known.unread };
    });
  // A debounced refetch may fire after the view changed: it must load the current view, not the one
  // its closure saw (that stale answer, arriving last, emptied the Unassigned list).
  const current = useRef(route);
  current.current = route;

  async function load(limit: number) {
    const request = ++latest.current;
    try {
      const page = await api<TicketPage>('GET', query(current.current, null, Math.min(100, limit)));
      if (request !== latest.current) return; // a newer load (new filters, a later event) was issued meanwhile
      setTickets(withLive(page.tickets));
      setCounts(page.counts);
      setCursor(page.nextCursor);
      setError(null);
    } catch {
      if (request === latest.current) setError('Could not load tickets');
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }

  async function more() {
    if (!cursor) return;
    const page = await api<TicketPage>('GET', query(current.current, cursor, PAGE));
    shown.current += page.tickets.length;
    setTickets((t) => [...t, ...withLive(page.tickets)]);
    setCursor(page.nextCursor);
  }

  useEffect(() => {
    shown.current = PAGE;
    setLoading(true);
    void load(PAGE);
  }, [key]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useFrames(bus, (frame) => {
    if (frame.type === 'ticket.activity') {
      const unread = frame.lastMessage.role === 'shopper' && current.current.ticket !== frame.ticketId;
      if (unread) opened.current.delete(frame.ticketId);
      live.current.set(frame.ticketId, { lastMessage: frame.lastMessage, unread });
      setTickets((rows) => withLive(rows));
      return;
    }
    if (!['ticket.created', 'ticket.updated', 'ticket.assigned', 'reconnected'].includes(frame.type)) return;
    // Frames missed while offline may have made an opened ticket unread again: the server decides.
    if (frame.type === 'reconnected') opened.current.clear();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(shown.current), 150);
  });

  if (route.ticket) opened.current.add(route.ticket);
  const shownRows = tickets.map((t) => (t.unread && opened.current.has(t.id) ? { ...t, unread: false } : t));
  return {
    tickets: shownRows,
    counts,
    hasMore: cursor !== null,
    loading,
    error,
    more,
    reload: () => load(shown.current),
  };
}
