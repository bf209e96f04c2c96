// Who has which ticket open ("collision"), computed from the inbox sockets' attachments alone: each
// socket's attachment holds the ticket it views and when its member last said they were typing, so a
// Dispatcher woken from hibernation knows the same watchers as before, with nothing kept in memory.
// Pure: the caller passes the attachments and the clock.
import type { TicketWatcher } from '../protocol/inbox';

/** A typing mark older than this counts as stopped (the inbox repeats it every few seconds while typing). */
export const TYPING_FRESH_MS = 15_000;

export interface WatchState {
  userId: string;
  name: string;
  viewing: string | null;
  /** When this socket last sent typing on for `viewing`; null when not typing. */
  typingAt: number | null;
}

export function isTyping(s: WatchState, now: number): boolean {
  return s.typingAt !== null && now - s.typingAt < TYPING_FRESH_MS;
}

/** The watchers of one ticket, one entry per member (several tabs of one member count once), by name. */
export function watchersOf(states: WatchState[], ticketId: string, now: number): TicketWatcher[] {
  const byUser = new Map<string, TicketWatcher>();
  for (const s of states) {
    if (s.viewing !== ticketId) continue;
    const known = byUser.get(s.userId);
    byUser.set(s.userId, { userId: s.userId, name: s.name, typing: (known?.typing ?? false) || isTyping(s, now) });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
}

/** Every watched ticket and its watchers. */
export function allWatchers(states: WatchState[], now: number): Record<string, TicketWatcher[]> {
  const out: Record<string, TicketWatcher[]> = {};
  for (const id of new Set(states.map((s) => s.viewing).filter((v): v is string => v !== null)))
    out[id] = watchersOf(states, id, now);
  return out;
}

/** The first member typing on the ticket (the name the shopper sees), or null when nobody is. */
export function typistOf(states: WatchState[], ticketId: string, now: number): string | null {
  return watchersOf(states, ticketId, now).find((w) => w.typing)?.name ?? null;
}
