// Loads a view page by page and keeps it current: any ticket event (or a (re)connect) refetches the
// pages already shown, a little debounced so a burst of assignments costs one request. Only the latest
// request's answer is shown: a slower, older response (fetched before a live event's write) arriving
// after a newer one must not overwrite it — that lost "No assignee" in the My inbox count.
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

export function useTicketList(route: Route, bus: FrameBus) {
  const [tickets, setTickets] = useState<TicketRow[]>([]);
  const [counts, setCounts] = useState<Record<View, number> | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(PAGE);
  const key = `${route.view}|${route.status}|${route.channel}|${route.team}|${route.q.trim()}`;
  const latest = useRef(0);
  // A debounced refetch may fire after the view changed: it must load the current view, not the one
  // its closure saw (that stale answer, arriving last, emptied the Unassigned list).
  const current = useRef(route);
  current.current = route;

  async function load(limit: number) {
    const request = ++latest.current;
    try {
      const page = await api<TicketPage>('GET', query(current.current, null, Math.min(100, limit)));
      if (request !== latest.current) return; // a newer load (new filters, a later event) was issued meanwhile
      setTickets(page.tickets);
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
    setTickets((t) => [...t, ...page.tickets]);
    setCursor(page.nextCursor);
  }

  useEffect(() => {
    shown.current = PAGE;
    setLoading(true);
    void load(PAGE);
  }, [key]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useFrames(bus, (frame) => {
    // A message changes a row's preview and unread marker too.
    if (!['ticket.created', 'ticket.updated', 'ticket.assigned', 'message', 'reconnected'].includes(frame.type)) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(shown.current), 150);
  });

  return { tickets, counts, hasMore: cursor !== null, loading, error, more, reload: () => load(shown.current) };
}
