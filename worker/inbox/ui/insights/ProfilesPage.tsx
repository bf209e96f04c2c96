// Profiles: search by email, name or your customer id; a profile's page shows who they are, their
// conversations, tickets, orders, CSAT ratings and the activity feed.
import { useState } from 'preact/hooks';
import type { InsightsPageProps } from './InsightsApp';
import { hrefOf } from './pages';
import { useApi } from './useApi';
import { useLink } from './navigation';
import { when } from './format';
import { ProfileDetail } from './ProfileDetail';

interface ProfileRow {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  updatedAt: number;
}

export function ProfilesPage(props: InsightsPageProps) {
  if (props.loc.id) return <ProfileDetail profileId={props.loc.id} />;
  return <ProfileSearch {...props} />;
}

function ProfileSearch({ loc, go }: InsightsPageProps) {
  const q = loc.query.get('q') ?? '';
  const [text, setText] = useState(q);
  const link = useLink();
  const { data, error, loading } = useApi<{ profiles: ProfileRow[] }>(
    `/api/profiles?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`,
  );
  return (
    <div class="page">
      <div class="page-head">
        <h1>Profiles</h1>
        <p class="intro">Shoppers your store knows: identified in the widget or sent through the track API.</p>
      </div>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go(hrefOf('profiles', null, { q: text.trim() }), true);
        }}
      >
        <label>
          Search{' '}
          <input
            type="search"
            value={text}
            placeholder="Email, name or customer id"
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Search</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <table class="data" aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">Profile</th>
            <th scope="col">Customer id</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {data?.profiles.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <a href={hrefOf('profiles', p.id)} onClick={link(hrefOf('profiles', p.id))}>
                  {p.email ?? p.name ?? 'Unnamed profile'}
                </a>
                {p.email && p.name ? ` · ${p.name}` : ''}
              </th>
              <td>{p.externalId ?? '—'}</td>
              <td>{when(p.updatedAt)}</td>
            </tr>
          ))}
          {data && data.profiles.length === 0 && (
            <tr>
              <td colSpan={3} class="empty">
                No profiles match.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
