// Collision in the inbox: which teammates have which ticket open and who of them is typing, as the
// Dispatcher reports it over the live socket ('watchers.all' on connect, 'watchers' on each change).
// The member's own sockets are left out: you never see yourself. Teammates are named in full on the
// ticket and by initials on a row (a chip each, coloured per teammate, the full name for screen readers
// and on hover). Text only.
import { useState } from 'preact/hooks';
import { useFrames, type FrameBus } from './bus';
import type { TicketWatcher } from './types';

export type Watching = Record<string, TicketWatcher[]>;

export function useWatchers(bus: FrameBus, meId: string): Watching {
  const [watching, setWatching] = useState<Watching>({});
  const others = (list: TicketWatcher[]) => list.filter((w) => w.userId !== meId);
  useFrames(bus, (frame) => {
    if (frame.type === 'watchers.all') {
      setWatching(Object.fromEntries(Object.entries(frame.tickets).map(([id, list]) => [id, others(list)])));
    } else if (frame.type === 'watchers') {
      setWatching((w) => ({ ...w, [frame.ticketId]: others(frame.watchers) }));
    }
  });
  return watching;
}

/** "Leo is typing a reply…, Ana is viewing this ticket". */
function sentence(watchers: TicketWatcher[]): string {
  return watchers
    .map((w) => `${w.name || 'A teammate'} ${w.typing ? 'is typing a reply…' : 'is viewing this ticket'}`)
    .join(', ');
}

/** "MA" for Maya, "MM" for Marco Manager: first and last word's initials, or a lone word's first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0], [...words.at(-1)!][0]];
  return letters.join('').toUpperCase();
}

/** One of a few colours per teammate (by user id), so two chips with close initials still look apart. */
function hue(userId: string): number {
  let h = 0;
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) % 6;
  return h;
}

/** On a list row: a chip per teammate with the ticket open (initials; ✎ while typing), named in full for screen readers and on hover. */
export function RowWatchers({ watchers }: { watchers: TicketWatcher[] | undefined }) {
  if (!watchers?.length) return null;
  return (
    <span class="watchers" data-testid="row-watchers">
      {watchers.map((w) => {
        const who = `${w.name || 'A teammate'} ${w.typing ? 'typing…' : 'viewing'}`;
        return (
          <span
            key={w.userId}
            class={`watcher hue-${hue(w.userId)} ${w.typing ? 'is-typing' : ''}`}
            title={who}
            data-testid="row-watcher"
          >
            <span aria-hidden="true">
              {initials(w.name || '?')}
              {w.typing ? ' ✎' : ''}
            </span>
            <span class="visually-hidden">{who}</span>
          </span>
        );
      })}
    </span>
  );
}

/** Above the reply box: who else is on this ticket right now. */
export function TicketWatchers({ watchers }: { watchers: TicketWatcher[] | undefined }) {
  return (
    <p class="collision" role="status" data-testid="ticket-watchers">
      {watchers?.length ? sentence(watchers) : ''}
    </p>
  );
}
