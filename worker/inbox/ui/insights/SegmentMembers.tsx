// Members of a segment: the builder's first page, or a saved segment's full list page by page.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { hrefOf } from './pages';
import { useLink } from './navigation';
import { failure } from './useApi';
import { num } from './format';

export interface Member {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
}

export function MemberList({ members }: { members: Member[] }) {
  const link = useLink();
  if (members.length === 0) return <p class="empty">No members.</p>;
  return (
    <ul class="members" aria-label="Members">
      {members.map((m) => (
        <li key={m.id} data-testid="segment-member">
          <a href={hrefOf('profiles', m.id)} onClick={link(hrefOf('profiles', m.id))}>
            {m.email ?? m.name ?? m.externalId ?? m.id}
          </a>
          {m.email && m.name ? <span class="muted"> · {m.name}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A saved segment's members with Load more, and the export links. */
export function SavedMembers({ segmentId }: { segmentId: string }) {
  const [members, setMembers] = useState<Member[]>([]);
  const [count, setCount] = useState<number | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load(after: string | null) {
    try {
      const page = await api<{ count: number; members: Member[]; next: string | null }>(
        'GET',
        `/api/segments/${encodeURIComponent(segmentId)}/members?limit=100${after ? `&after=${after}` : ''}`,
      );
      setMembers((list) => (after ? [...list, ...page.members] : page.members));
      setCount(page.count);
      setNext(page.next);
    } catch (err) {
      setError(failure(err));
    }
  }
  useEffect(() => void load(null), [segmentId]);
  const base = `/api/segments/${encodeURIComponent(segmentId)}/export`;
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">Members {count === null ? '' : `(${num(count)})`}</h2>
      <p class="actions">
        <a href={`${base}?format=csv`} download>
          Export CSV
        </a>
        <a href={`${base}?format=json`} download>
          Export JSON
        </a>
        <span class="hint">
          Outreach tools can fetch the same list with an API key: GET /api/export/segments/{segmentId}
        </span>
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <MemberList members={members} />
      {next && (
        <button type="button" class="ghost" onClick={() => void load(next)}>
          Load more
        </button>
      )}
    </section>
  );
}
