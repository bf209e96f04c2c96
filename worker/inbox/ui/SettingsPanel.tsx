// Inbox settings: what a teammate sets up for their own work in the inbox (canned replies and macros,
// CannedSettings). Round robin and office hours have one home, Settings → Office hours & assignment;
// this screen links there instead of keeping a second form for the same settings.
import { can, type Directory } from './types';
import { CannedSettings } from './CannedSettings';

export function SettingsPanel({ dir }: { dir: Directory }) {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Inbox settings</h1>
      <p>
        {can(dir.me, 'roundrobin.toggle')
          ? 'Round robin and office hours are set in '
          : 'Round robin and office hours (set by Managers) are in '}
        <a href="/inbox/settings/hours" data-testid="assignment-settings-link">
          {'Settings → Office hours & assignment'}
        </a>
        .
      </p>
      <CannedSettings dir={dir} />
    </section>
  );
}
