// /inbox/accept-invite#token=…: a new teammate picks their name and password; the one-time link then
// stops working and they land in the inbox, signed in.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { FieldError, Result } from './form';
import { useSave } from './useSave';

export function AcceptInvite() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const save = useSave();
  async function submit(e: Event) {
    e.preventDefault();
    const ok = await save.run(
      () => api('POST', '/api/auth/accept-invite', { token, name, password }),
      'Welcome! Opening the inbox…',
    );
    if (ok !== null) location.href = '/inbox';
  }
  return (
    <main class="signin">
      <form onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">Join your team on Baton</h1>
        {!token && (
          <p class="error" role="alert">
            This link has no invite token; ask for a new invite.
          </p>
        )}
        <label>
          Your name
          <input required value={name} autoComplete="name" onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <FieldError fields={save.fields} name="name" />
        <label>
          Choose a password
          <input
            type="password"
            required
            minLength={10}
            value={password}
            autoComplete="new-password"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <FieldError fields={save.fields} name="password" />
        <Result outcome={save.outcome} />
        <button type="submit" disabled={save.busy || !token}>
          Create my account
        </button>
      </form>
    </main>
  );
}
