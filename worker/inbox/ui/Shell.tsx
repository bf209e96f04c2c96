// The signed-in inbox: header, views, the list of the current view and the open ticket, all kept
// live over one WebSocket to the account's Dispatcher.
import { useMemo, useState } from 'preact/hooks';
import { api } from './api';
import { ShortcutHelp } from './ShortcutHelp';
import { useShortcuts } from './shortcuts';
import { FrameBus } from './bus';
import { Header } from './Header';
import { useLive } from './live';
import { useRoute } from './router';
import { TicketList } from './TicketList';
import { TicketView } from './TicketView';
import { SettingsPanel } from './SettingsPanel';
import { Toasts } from './Toasts';
import type { Me, Presence } from './types';
import { useDirectory } from './useDirectory';
import { useTicketList } from './useTicketList';
import { ViewNav } from './ViewNav';
import { useWatchers } from './watchers';

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const [bus] = useState(() => new FrameBus());
  const [presence, setPresence] = useState<Presence>(me.user.presence);
  const [route, go] = useRoute();
  const { state, conn } = useLive(
    (frame) => {
      if (frame.type === 'hello') setPresence(frame.presence);
      if (frame.type === 'presence' && frame.userId === me.user.id) setPresence(frame.presence);
      bus.emit(frame);
    },
    () => bus.emit({ type: 'reconnected' }),
  );
  const dir = useDirectory(me, bus);
  const watching = useWatchers(bus, me.user.id);
  const list = useTicketList(route, bus);
  const [help, setHelp] = useState(false);
  const shortcutActions = useMemo(
    () => ({
      toggleHelp: () => setHelp((h) => !h),
      closeTicket: () => {
        const ticket = new URLSearchParams(location.search).get('ticket');
        if (ticket && me.permissions.includes('tickets.reply'))
          void api('PATCH', `/api/tickets/${ticket}/status`, { status: 'closed' });
      },
    }),
    [me],
  );
  useShortcuts(shortcutActions);

  return (
    <div class={`shell ${route.ticket ? 'has-ticket' : ''}`}>
      <Header
        me={me}
        roundRobin={dir?.roundRobin ?? false}
        presence={presence}
        live={state}
        onPresence={setPresence}
        onSignedOut={() => {
          conn.stop();
          onSignedOut();
        }}
      />
      <ViewNav route={route} counts={list.counts} go={go} />
      {dir && route.page === 'settings' ? (
        <main class="content">
          <SettingsPanel dir={dir} />
        </main>
      ) : dir ? (
        <main class="content">
          <TicketList route={route} dir={dir} go={go} list={list} watching={watching} />
          {route.ticket && (
            <TicketView
              ticketId={route.ticket}
              dir={dir}
              bus={bus}
              conn={conn}
              watchers={watching[route.ticket]}
              onClose={() => go({ ticket: null })}
            />
          )}
        </main>
      ) : (
        <main class="content" aria-busy="true">
          <p>Loading…</p>
        </main>
      )}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
      <Toasts bus={bus} onOpen={(ticket) => go({ ticket, page: 'tickets' })} />
    </div>
  );
}
