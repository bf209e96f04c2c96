// The settings screens (/inbox/settings/<page>): navigation on the left, the page in the middle and
// the test sidebar on the right. Roles without settings.edit see every page read-only; the server
// refuses their writes anyway (403).
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { can, type Me } from '../types';
import { PAGES, pageHref, type PageSlug } from './pages';
import { useSettingsPage } from './useSettingsPage';
import type { Settings } from './types';
import type { PageProps } from './page-props';
import { GeneralPage } from './GeneralPage';
import { EmbedPage } from './EmbedPage';
import { ChannelsPage } from './ChannelsPage';
import { HandoffPage } from './HandoffPage';
import { GuidancePage } from './GuidancePage';
import { HoursPage } from './HoursPage';
import { TeamPage } from './TeamPage';
import { KnowledgePage } from './KnowledgePage';
import { AuditPage } from './AuditPage';
import { TestSidebar } from './TestSidebar';
import './settings.css';

const SCREENS: Record<PageSlug, (props: PageProps) => JSX.Element> = {
  general: GeneralPage,
  embed: EmbedPage,
  channels: ChannelsPage,
  handoff: HandoffPage,
  guidance: GuidancePage,
  hours: HoursPage,
  team: TeamPage,
  knowledge: KnowledgePage,
  audit: AuditPage,
};

export function SettingsApp({ me }: { me: Me }) {
  const [page, go] = useSettingsPage();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [testing, setTesting] = useState(false);
  const canEdit = can(me, 'settings.edit');
  useEffect(() => {
    void api<{ settings: Settings }>('GET', '/api/settings').then((r) => setSettings(r.settings));
  }, []);
  const visible = PAGES.filter((p) => !('permission' in p) || can(me, p.permission));
  const current = visible.some((p) => p.slug === page) ? page : 'general';
  const Screen = SCREENS[current];
  const title = visible.find((p) => p.slug === current)?.label ?? 'Settings';
  useEffect(() => {
    document.title = `${title} · Baton Settings`;
  }, [title]);

  return (
    <div class={`settings-app ${testing ? 'with-test' : ''}`}>
      <header class="topbar">
        <strong class="brand">Baton Settings</strong>
        <a href="/inbox" class="back">
          Back to inbox
        </a>
        <button
          type="button"
          class="ghost test-toggle"
          aria-expanded={testing}
          aria-controls="test-sidebar"
          onClick={() => setTesting(!testing)}
        >
          {testing ? 'Close test chat' : 'Test your agent'}
        </button>
        <span class="who" data-testid="signed-in-user">
          {me.user.name} <small>({me.user.role})</small>
        </span>
      </header>
      <nav aria-label="Settings" class="settings-nav">
        {visible.map((p) => (
          <a
            key={p.slug}
            href={pageHref(p.slug)}
            aria-current={p.slug === current ? 'page' : undefined}
            onClick={(e) => {
              if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              go(p.slug);
            }}
          >
            {p.label}
          </a>
        ))}
      </nav>
      <main class="settings-main">
        {!canEdit && (
          <p class="read-only" role="note" data-testid="read-only-notice">
            You can view these settings. Only an Owner, Admin or Manager can change them.
          </p>
        )}
        {settings ? (
          <Screen me={me} canEdit={canEdit} settings={settings} onSaved={setSettings} />
        ) : (
          <p aria-busy="true">Loading…</p>
        )}
      </main>
      {testing && (
        <aside id="test-sidebar" class="test-sidebar" aria-label="Test your agent">
          <TestSidebar />
        </aside>
      )}
    </div>
  );
}
