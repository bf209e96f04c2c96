// The ticket list of the current view: filters, rows (links to the ticket page), bulk selection.
import { useEffect, useState } from 'preact/hooks';
import { BulkBar } from './BulkBar';
import { Filters } from './Filters';
import { SearchBox } from './SearchBox';
import { channelName, nameOf, when } from './format';
import { hrefFor, linkHandler, type Route } from './router';
import { RowBadges, RowPreview } from './RowFacts';
import { RowMenu } from './RowMenu';
import { can, type Directory, type TicketRow } from './types';
import { RowWatchers, type Watching } from './watchers';

interface Props {
  route: Route;
  dir: Directory;
  go: (c: Partial<Route>) => void;
  /** Who else has which ticket open (the eye mark on a row). */
  watching: Watching;
  list: {
    tickets: TicketRow[];
    hasMore: boolean;
    loading: boolean;
    error: string | null;
    more: () => Promise<void>;
    reload: () => Promise<void>;
  };
}

const TITLES = {
  all: 'All messages',
  mine: 'My inbox',
  unassigned: 'Unassigned',
  sla: 'SLA: first reply due soon or breached',
} as const;

export function TicketList({ route, dir, go, list, watching }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const canAssign = can(dir.me, 'tickets.assign');
  useEffect(() => setSelected([]), [route.view, route.status, route.channel, route.team, route.q]);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));

  return (
    <section class="list" aria-labelledby="list-title">
      <div class="list-head">
        <h1 id="list-title">{TITLES[route.view]}</h1>
        <SearchBox route={route} go={go} />
        <Filters route={route} dir={dir} go={go} />
      </div>
      {canAssign && selected.length > 0 && (
        <BulkBar
          dir={dir}
          selected={selected}
          onDone={(m) => {
            setNotice(m);
            setSelected([]);
            void list.reload();
          }}
        />
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {list.error && (
        <p role="alert" class="error">
          {list.error}
        </p>
      )}
      {!list.loading && list.tickets.length === 0 && (
        <p class="empty">
          {route.q.trim()
            ? `No ${route.status} tickets here match “${route.q.trim()}”.`
            : `No ${route.status} tickets here.`}
        </p>
      )}
      <ul class="tickets" data-testid="ticket-list">
        {list.tickets.map((t) => {
          const target = { ...route, ticket: t.id };
          return (
            <li
              key={t.id}
              class={`${route.ticket === t.id ? 'current' : ''} ${t.unread ? 'is-unread' : ''}`}
              data-testid="ticket-row"
              data-ticket-id={t.id}
            >
              {canAssign && (
                <input
                  type="checkbox"
                  aria-label={`Select ticket #${t.number}`}
                  checked={selected.includes(t.id)}
                  onChange={() => toggle(t.id)}
                />
              )}
              <a
                href={hrefFor(target)}
                onClick={linkHandler(go, { ticket: t.id })}
                aria-current={route.ticket === t.id ? 'true' : undefined}
              >
                <span class="row-top">
                  <span class="number">#{t.number}</span>
                  <span class="subject" title={t.subject}>
                    {t.subject || t.requesterEmail || 'No subject'}
                  </span>
                  <time dateTime={new Date(t.createdAt).toISOString()}>{when(t.createdAt)}</time>
                </span>
                <span class="row-who">
                  <RowPreview t={t} />
                </span>
                <span class="row-meta">
                  <RowWatchers watchers={watching[t.id]} />
                  <RowBadges t={t} />
                  <span class={`chip ch-${t.channel}`}>{channelName(t.channel)}</span>
                  <span class="assignee">{nameOf(dir, t.assigneeId)}</span>
                  {t.status !== 'open' && <span class="chip">{t.status}</span>}
                </span>
              </a>
              <RowMenu
                t={t}
                dir={dir}
                onChanged={(m) => {
                  setNotice(m);
                  void list.reload();
                }}
              />
            </li>
          );
        })}
      </ul>
      {list.hasMore && (
        <button type="button" class="ghost more" onClick={() => void list.more()}>
          Load more
        </button>
      )}
    </section>
  );
}
