import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from './api';
import { SignIn } from './SignIn';
import { Shell } from './Shell';
import type { Me } from './types';
import './inbox.css';
// Merchant settings (/inbox/settings/…) and the invite page: their own screens (issue 6).
import { publicSettingsScreen, settingsScreen } from './settings/entry';
// Insights (/inbox/insights/…): metrics, profiles, segments, performance, webhooks (issue 7).
import { insightsScreen } from './insights/entry';

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
  const invite = publicSettingsScreen();
  if (invite) return invite;
  if (me === undefined) return <p aria-busy="true">Loading…</p>;
  if (me === null) return <SignIn onSignedIn={load} />;
  const settings = settingsScreen(me);
  if (settings) return settings;
  const insights = insightsScreen(me);
  if (insights) return insights;
  return <Shell me={me} onSignedOut={() => setMe(null)} />;
}

render(<App />, document.getElementById('app')!);
