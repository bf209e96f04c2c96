// Top bar: the Online/Offline switch (only while round robin is on, and only for roles that answer
// tickets), the signed-in member and sign out.
import { useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import type { LiveState } from './live';
import { can, type Me, type Presence } from './types';

interface Props {
  me: Me;
  roundRobin: boolean;
  presence: Presence;
  live: LiveState;
  onPresence: (p: Presence) => void;
  onSignedOut: () => void;
}

export function Header({ me, roundRobin, presence, live, onPresence, onSignedOut }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function toggle() {
    const next: Presence = presence === 'online' ? 'offline' : 'online';
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ presence: Presence }>('PUT', '/api/presence', { presence: next });
      onPresence(res.presence);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Could not change your status');
    } finally {
      setBusy(false);
    }
  }
  async function signOut() {
    await api('POST', '/api/auth/sign-out');
    onSignedOut();
  }
  const online = presence === 'online';
  return (
    <header class="topbar">
      <strong class="brand">Baton Inbox</strong>
      <span class={`live live-${live}`} title="Live updates">
        {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
      </span>
      {roundRobin && can(me, 'tickets.reply') && (
        <button
          type="button"
          class={`presence ${online ? 'is-online' : 'is-offline'}`}
          role="switch"
          aria-checked={online}
          disabled={busy}
          onClick={toggle}
          data-testid="presence-switch"
        >
          <span class="dot" aria-hidden="true" />
          {online ? 'Online' : 'Offline'}
        </button>
      )}
      {error && (
        <span role="alert" class="error">
          {error}
        </span>
      )}
      <span class="who" data-testid="signed-in-user">
        {me.user.name} <small>({me.user.role})</small>
      </span>
      <button type="button" class="ghost" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
