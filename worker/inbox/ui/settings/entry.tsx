// Where the settings screens join the inbox app: main.tsx asks these two before anything else.
import { SettingsApp } from './SettingsApp';
import { AcceptInvite } from './AcceptInvite';
import { SETTINGS_ROOT } from './pages';
import type { Me } from '../types';

/** The invite page works signed out: it is how a new teammate gets an account. */
export function publicSettingsScreen() {
  return location.pathname === '/inbox/accept-invite' ? <AcceptInvite /> : null;
}

/** The settings screens for a signed-in member, when the path is under /inbox/settings. */
export function settingsScreen(me: Me) {
  const path = location.pathname;
  return path === SETTINGS_ROOT || path.startsWith(`${SETTINGS_ROOT}/`) ? <SettingsApp me={me} /> : null;
}
