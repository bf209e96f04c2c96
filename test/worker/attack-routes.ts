// Every route the Worker serves, for the attack suite (fuzzer, cross-tenant probes): the routers with
// the prefixes worker/index.ts mounts them at. attack-fuzz.test.ts checks that each listed route is
// really mounted (it never answers the app's "No route matches" 404), so this table cannot drift far.
import type { Hono } from 'hono';
import { authRoutes } from '../../worker/routes/auth';
import { teamRoutes } from '../../worker/routes/team';
import { settingsRoutes } from '../../worker/routes/settings';
import { ticketRoutes } from '../../worker/routes/tickets';
import { cannedReplyRoutes } from '../../worker/routes/canned-replies';
import { presenceRoutes } from '../../worker/routes/presence';
import { inboxRoutes } from '../../worker/routes/inbox';
import { emailRoutes } from '../../worker/channels/email/routes';
import { assignmentSettingsRoutes } from '../../worker/routes/assignment-settings';
import { widgetRoutes } from '../../worker/channels/web-chat/routes';
import { integrationRoutes } from '../../worker/routes/integrations';
import { webhookRoutes } from '../../worker/routes/webhooks';
import { insightsRoutes } from '../../worker/routes/insights';
import { serverApiRoutes } from '../../worker/routes/server-api';
import { merchantSettingsRoutes } from '../../worker/routes/merchant-settings';
import { mediaRoutes } from '../../worker/routes/media';
import { myNotificationRoutes, notificationSettingsRoutes } from '../../worker/routes/notifications';
import { operatorRoutes } from '../../worker/routes/operator';
import { apiDocsRoutes } from '../../worker/routes/api-docs';
import { articlePages } from '../../worker/agent/article-page';
import { setupPages } from '../../worker/pages/setup';

export interface RouteDef {
  method: string;
  path: string;
}

const MOUNTS: Array<[string, Pick<Hono, 'routes'>]> = [
  ['/api/widget', widgetRoutes],
  ['/api/webhooks', webhookRoutes],
  ['/api', serverApiRoutes],
  ['/api/operator', operatorRoutes],
  ['/api', apiDocsRoutes],
  ['/api/auth', authRoutes],
  ['/api/team', teamRoutes],
  ['/api/me/notifications', myNotificationRoutes],
  ['/api/settings/notifications', notificationSettingsRoutes],
  ['/api/settings', settingsRoutes],
  ['/api/settings', assignmentSettingsRoutes],
  ['/api/tickets', ticketRoutes],
  ['/api/canned-replies', cannedReplyRoutes],
  ['/api/presence', presenceRoutes],
  ['/api/inbox', inboxRoutes],
  ['/api/email', emailRoutes],
  ['/api/integrations', integrationRoutes],
  ['/api', insightsRoutes],
  ['/api', merchantSettingsRoutes],
  ['/media', mediaRoutes],
  ['/articles', articlePages],
  ['/setup', setupPages],
];

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** Every concrete (method, path) pair, middleware entries left out. */
export function allRoutes(): RouteDef[] {
  const seen = new Set<string>();
  const out: RouteDef[] = [];
  for (const [prefix, router] of MOUNTS) {
    for (const r of router.routes) {
      if (!METHODS.has(r.method)) continue;
      const path = `${prefix}${r.path === '/' ? '' : r.path}`.replace(/\/+$/, '') || '/';
      const key = `${r.method} ${path}`;
      if (seen.has(key) || path.includes('*')) continue;
      seen.add(key);
      out.push({ method: r.method, path });
    }
  }
  return out;
}

/** The route's path with each `:param` replaced. */
export function fill(path: string, value: (param: string) => string): string {
  return path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, (_m, name: string) => encodeURIComponent(value(name)));
}
