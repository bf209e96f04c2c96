// One shopper: who they are, their conversations, tickets, orders and ratings, and every event.
import { useApi } from './useApi';
import { channelLabel, num, when } from './format';
import { EventList } from './EventList';

interface Detail {
  profile: { id: string; externalId: string | null; email: string | null; name: string | null; createdAt: number };
  conversations: Array<{
    id: string;
    channel: string;
    status: string;
    skill: string | null;
    messageCount: number;
    startedAt: number;
    lastActivityAt: number;
  }>;
  tickets: Array<{
    id: string;
    number: number;
    subject: string;
    status: string;
    channel: string;
    createdAt: number;
    closedAt: number | null;
  }>;
  orders: Array<{
    id: string;
    externalId: string;
    status: string;
    totalCents: number;
    currency: string;
    placedAt: number;
  }>;
  csat: Array<{ ticketId: string; rating: number; comment: string | null; createdAt: number }>;
}

const money = (cents: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);

export function ProfileDetail({ profileId }: { profileId: string }) {
  const { data, error } = useApi<Detail>(`/api/profiles/${encodeURIComponent(profileId)}`);
  if (error)
    return (
      <div class="page">
        <p role="alert" class="error">
          {error}
        </p>
      </div>
    );
  if (!data)
    return (
      <div class="page" aria-busy="true">
        <p>Loading…</p>
      </div>
    );
  const p = data.profile;
  return (
    <div class="page">
      <div class="page-head">
        <h1 data-testid="profile-title">{p.name ?? p.email ?? 'Unnamed profile'}</h1>
        <p class="intro">
          {[p.email, p.externalId ? `Customer id ${p.externalId}` : null, `Profile ${p.id}`]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div class="columns">
        <section class="card" aria-labelledby="feed-title">
          <h2 id="feed-title">Activity</h2>
          <EventList
            label="Activity feed"
            showProfile={false}
            path={`/api/profiles/${encodeURIComponent(p.id)}/activity`}
          />
        </section>
        <div>
          <section class="card" aria-labelledby="conv-title">
            <h2 id="conv-title">Conversations ({num(data.conversations.length)})</h2>
            <ul class="plain">
              {data.conversations.map((c) => (
                <li key={c.id}>
                  {channelLabel(c.channel)} · {c.status} · {num(c.messageCount)} messages · {when(c.startedAt)}
                </li>
              ))}
            </ul>
            {data.conversations.length === 0 && <p class="empty">None.</p>}
          </section>
          <section class="card" aria-labelledby="tickets-title">
            <h2 id="tickets-title">Tickets ({num(data.tickets.length)})</h2>
            <ul class="plain">
              {data.tickets.map((t) => (
                <li key={t.id}>
                  <a href={`/inbox?ticket=${encodeURIComponent(t.id)}&status=${t.status}`}>
                    #{t.number} {t.subject || '(no subject)'}
                  </a>{' '}
                  · {t.status} · {when(t.createdAt)}
                </li>
              ))}
            </ul>
            {data.tickets.length === 0 && <p class="empty">None.</p>}
          </section>
          <section class="card" aria-labelledby="orders-title">
            <h2 id="orders-title">Orders ({num(data.orders.length)})</h2>
            <ul class="plain">
              {data.orders.map((o) => (
                <li key={o.id}>
                  #{o.externalId} · {money(o.totalCents, o.currency)} · {o.status} · {when(o.placedAt)}
                </li>
              ))}
            </ul>
            {data.orders.length === 0 && <p class="empty">None.</p>}
          </section>
          <section class="card" aria-labelledby="csat-title">
            <h2 id="csat-title">Ratings</h2>
            <ul class="plain">
              {data.csat.map((r) => (
                <li key={r.ticketId}>
                  {r.rating} / 5{r.comment ? ` — “${r.comment}”` : ''} · {when(r.createdAt)}
                </li>
              ))}
            </ul>
            {data.csat.length === 0 && <p class="empty">None.</p>}
          </section>
        </div>
      </div>
    </div>
  );
}
