import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { SignIn } from './SignIn';
import { Shell } from './Shell';
import type { Me } from './types';
import './inbox.css';

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  async function load() {
    try {
      setMe(await api<Me>('GET', '/api/auth/me'));
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) setMe(null);
      else throw err;
    }
  }
  useEffect(() => void load(), []);
  if (me === undefined) return <p aria-busy="true">Loading…</p>;
  if (me === null) return <SignIn onSignedIn={load} />;
  return <Shell me={me} onSignedOut={() => setMe(null)} />;
}

render(<App />, document.getElementById('app')!);
