// Where the insights screens join the inbox app: main.tsx asks this before drawing the inbox.
import { InsightsApp } from './InsightsApp';
import { INSIGHTS_ROOT } from './pages';
import type { Me } from '../types';

/** The insights screens for a signed-in member, when the path is under /inbox/insights. */
export function insightsScreen(me: Me) {
  const path = location.pathname;
  return path === INSIGHTS_ROOT || path.startsWith(`${INSIGHTS_ROOT}/`) ? <InsightsApp me={me} /> : null;
}
