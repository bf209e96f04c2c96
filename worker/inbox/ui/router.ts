// The inbox's place lives in the URL (/inbox?view=mine&status=open&ticket=…), so reload, back and
// links all work. A tiny hook instead of a router library.
import { useEffect, useState } from 'preact/hooks';
import type { Channel, Status, View } from './types';

export interface Route {
  view: View;
  status: Status;
  channel: Channel | '';
  team: string;
  /** Search words (number, requester, subject, message text) narrowing the view. */
  q: string;
  ticket: string | null;
  /** The inbox settings screen instead of the lists. */
  page: 'tickets' | 'settings';
}

const VIEWS: readonly View[] = ['all', 'mine', 'unassigned', 'sla'];
const STATUSES: readonly Status[] = ['open', 'pending', 'closed'];
const CHANNELS: readonly Channel[] = ['web_chat', 'email', 'sms', 'whatsapp'];

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

export function readRoute(): Route {
  const q = new URLSearchParams(location.search);
  return {
    view: pick(q.get('view'), VIEWS, 'all'),
    status: pick(q.get('status'), STATUSES, 'open'),
    channel: pick<Channel | ''>(q.get('channel'), CHANNELS, ''),
    team: q.get('team') ?? '',
    q: q.get('q') ?? '',
    ticket: q.get('ticket'),
    page: q.get('page') === 'settings' ? 'settings' : 'tickets',
  };
}

export function hrefFor(route: Route): string {
  const q = new URLSearchParams();
  if (route.view !== 'all') q.set('view', route.view);
  if (route.status !== 'open') q.set('status', route.status);
  if (route.channel) q.set('channel', route.channel);
  if (route.team) q.set('team', route.team);
  if (route.q) q.set('q', route.q);
  if (route.ticket) q.set('ticket', route.ticket);
  if (route.page === 'settings') q.set('page', 'settings');
  const s = q.toString();
  return s ? `/inbox?${s}` : '/inbox';
}

export function useRoute(): [Route, (change: Partial<Route>) => void] {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const onPop = () => setRoute(readRoute());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const go = (change: Partial<Route>) => {
    const next = { ...readRoute(), ...change };
    history.pushState(null, '', hrefFor(next));
    setRoute(next);
  };
  return [route, go];
}

/** Follows a plain link inside the inbox without a page load (keeps ctrl/cmd-click for new tabs). */
export function linkHandler(go: (change: Partial<Route>) => void, change: Partial<Route>) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(change);
  };
}
