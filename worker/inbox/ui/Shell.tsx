import { api } from './api';
import type { Me } from './types';

export function Shell({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  async function signOut() {
    await api('POST', '/api/auth/sign-out');
    onSignedOut();
  }
  return (
    <div class="shell">
      <header class="topbar">
        <strong>Baton Inbox</strong>
        <span class="who" data-testid="signed-in-user">
          {me.user.name} <small>({me.user.role})</small>
        </span>
        <button type="button" onClick={signOut}>Sign out</button>
      </header>
      <nav aria-label="Views" class="views">
        <a href="/inbox">All messages</a>
        <a href="/inbox?view=mine">My inbox</a>
        <a href="/inbox?view=unassigned">Unassigned</a>
      </nav>
      <main class="content">
        <h1>All messages</h1>
      </main>
    </div>
  );
}
