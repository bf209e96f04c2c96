// The insights screens (/inbox/insights/<page>): metrics, profiles, segments, the performance
// dashboard, webhooks and API keys. Navigation on the left, the page in the middle. Pages a role may
// not use are not offered; the server refuses them anyway.
import type { JSX } from 'preact';
import { useEffect } from 'preact/hooks';
import { can, type Me } from '../types';
import { hrefOf, PAGES, type InsightsLocation, type InsightsSlug } from './pages';
import { Navigate, useInsightsLocation } from './navigation';
import { MetricsPage } from './MetricsPage';
import { ProfilesPage } from './ProfilesPage';
import { SegmentsPage } from './SegmentsPage';
import { PerformancePage } from './PerformancePage';
import { WebhooksPage } from './WebhooksPage';
import { ApiKeysPage } from './ApiKeysPage';
import './insights.css';

export interface InsightsPageProps {
  me: Me;
  loc: InsightsLocation;
  go: (href: string, replace?: boolean) => void;
}

const SCREENS: Record<InsightsSlug, (props: InsightsPageProps) => JSX.Element> = {
  metrics: MetricsPage,
  profiles: ProfilesPage,
  segments: SegmentsPage,
  performance: PerformancePage,
  webhooks: WebhooksPage,
  'api-keys': ApiKeysPage,
};

export function InsightsApp({ me }: { me: Me }) {
  const [loc, go] = useInsightsLocation();
  const visible = PAGES.filter((p) => !('permission' in p) || can(me, p.permission));
  const current = visible.find((p) => p.slug === loc.page) ?? visible[0]!;
  const Screen = SCREENS[current.slug];
  useEffect(() => {
    document.title = `${current.label} · Baton Insights`;
  }, [current.label]);
  return (
    <Navigate.Provider value={go}>
      <div class="insights-app">
        <header class="topbar">
          <strong class="brand">Baton Insights</strong>
          <a href="/inbox" class="back">
            Back to inbox
          </a>
          <span class="who" data-testid="signed-in-user">
            {me.user.name} <small>({me.user.role})</small>
          </span>
        </header>
        <nav aria-label="Insights" class="insights-nav">
          {visible.map((p) => (
            <a
              key={p.slug}
              href={hrefOf(p.slug)}
              aria-current={p.slug === current.slug ? 'page' : undefined}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                go(hrefOf(p.slug));
              }}
            >
              {p.label}
            </a>
          ))}
        </nav>
        <main class="insights-main">
          <Screen me={me} loc={{ ...loc, page: current.slug }} go={go} />
        </main>
      </div>
    </Navigate.Provider>
  );
}
