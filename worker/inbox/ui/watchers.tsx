// Collision in the inbox: which teammates have which ticket open and who of them is typing, as the
// Dispatcher reports it over the live socket ('watchers.all' on connect, 'watchers' on each change).
// The member's own sockets are left out: you never see yourself. Text only.
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

/** "Leo is typing a reply…, Ana is viewing". */
function sentence(watchers: TicketWatcher[], long: boolean): string {
  return watchers
    .map(
      (w) =>
        `${w.name || 'A teammate'} ${w.typing ? (long ? 'is typing a reply…' : 'typing…') : long ? 'is viewing this ticket' : 'viewing'}`,
    )
    .join(', ');
}

/** The eye mark on a list row. */
export function RowWatchers({ watchers }: { watchers: TicketWatcher[] | undefined }) {
  if (!watchers?.length) return null;
  const typing = watchers.some((w) => w.typing);
  return (
    <span class={`watching ${typing ? 'is-typing' : ''}`} data-testid="row-watchers" title={sentence(watchers, true)}>
      <span aria-hidden="true">{typing ? '✎' : '👁'} </span>
      {sentence(watchers, false)}
    </span>
  );
}

/** Above the reply box: who else is on this ticket right now. */
export function TicketWatchers({ watchers }: { watchers: TicketWatcher[] | undefined }) {
  return (
    <p class="collision" role="status" data-testid="ticket-watchers">
      {watchers?.length ? sentence(watchers, true) : ''}
    </p>
  );
}
