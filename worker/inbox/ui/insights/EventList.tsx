// A list of events, newest first, each with its properties as text; "Load more" follows the cursor.
// Used by the metrics click-through and the profile's activity feed.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { channelLabel, propertyText, when } from './format';
import { failure } from './useApi';
import { hrefOf } from './pages';
import { useLink } from './navigation';
import type { EventListItem } from '../../../protocol/insights';

export function EventList({ path, showProfile, label }: { path: string; showProfile: boolean; label: string }) {
  const [events, setEvents] = useState<EventListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const link = useLink();
  async function load(cursor: string | null) {
    setBusy(true);
    try {
      const sep = path.includes('?') ? '&' : '?';
      const page = await api<{ events: EventListItem[]; next: string | null }>(
        'GET',
        `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      setEvents((list) => (cursor ? [...list, ...page.events] : page.events));
      setNext(page.next);
      setError(null);
    } catch (err) {
      setError(failure(err));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => void load(null), [path]);
  return (
    <section aria-label={label} aria-busy={busy}>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!busy && events.length === 0 && !error && <p class="empty">No events.</p>}
      <ol class="event-list">
        {events.map((e) => (
          <li key={e.id} data-testid="event-item">
            <div class="event-head">
              <strong>{e.name}</strong>
              <time dateTime={new Date(e.occurredAt).toISOString()}>{when(e.occurredAt)}</time>
              {e.channel && <span class="chip">{channelLabel(e.channel)}</span>}
              {showProfile && e.profile && (
                <a href={hrefOf('profiles', e.profile.id)} onClick={link(hrefOf('profiles', e.profile.id))}>
                  {e.profile.email ?? e.profile.name ?? e.profile.externalId ?? 'Profile'}
                </a>
              )}
              {showProfile && !e.profile && <span class="muted">Anonymous</span>}
            </div>
            <dl class="props">
              {Object.entries(e.properties).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{propertyText(v)}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" class="ghost" disabled={busy} onClick={() => void load(next)}>
          Load more
        </button>
      )}
    </section>
  );
}
