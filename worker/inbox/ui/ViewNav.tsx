// The views with their counts (under the current status/channel/team filters).
import { hrefFor, linkHandler, type Route } from './router';
import type { View } from './types';

const VIEWS: Array<[View, string]> = [
  ['all', 'All messages'],
  ['mine', 'My inbox'],
  ['unassigned', 'Unassigned'],
  ['sla', 'SLA due soon'],
];

interface Props {
  route: Route;
  counts: Record<View, number> | null;
  go: (change: Partial<Route>) => void;
}

export function ViewNav({ route, counts, go }: Props) {
  return (
    <nav aria-label="Views" class="views">
      {VIEWS.map(([view, label]) => {
        const target = { ...route, view, ticket: null, page: 'tickets' as const };
        return (
          <a
            key={view}
            href={hrefFor(target)}
            aria-current={route.page === 'tickets' && route.view === view ? 'page' : undefined}
            onClick={linkHandler(go, { view, ticket: null, page: 'tickets' })}
            data-testid={`view-${view}`}
          >
            <span>{label}</span>
            <span class="count" data-testid={`count-${view}`}>
              {counts ? counts[view] : ''}
            </span>
          </a>
        );
      })}
      <a
        class="nav-settings"
        href={hrefFor({ ...route, ticket: null, page: 'settings' })}
        aria-current={route.page === 'settings' ? 'page' : undefined}
        onClick={linkHandler(go, { ticket: null, page: 'settings' })}
      >
        Inbox settings
      </a>
      {/* Merchant settings (issue 6): a separate screen, so a plain link. */}
      <a class="nav-settings" href="/inbox/settings/general" data-testid="nav-merchant-settings">
        Settings
      </a>
      {/* Insights (issue 7): metrics, profiles, segments, performance, webhooks; a separate screen. */}
      <a class="nav-settings" href="/inbox/insights/metrics" data-testid="nav-insights">
        Insights
      </a>
    </nav>
  );
}
