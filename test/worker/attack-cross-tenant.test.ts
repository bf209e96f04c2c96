// Cross-tenant probes (issue 13, attack suite): store B's Owner (cookie and API key) calls every
// id-taking route (attack-routes.ts) with store A's real ids — its ticket, task, team, member, article,
// segment, webhook subscription, profile, API key and conversation — with a body that passes
// validation where one is needed. Every probe must be refused (404 for a foreign id), no answer may
// carry any of A's data, and A's rows must be exactly as before. Routes public by design (A's uploaded
// media, A's help articles) and signed helpdesk webhooks are listed as such, not skipped silently.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, insertTicket } from './helpers';
import { storeWithEveryRole } from './settings-helpers';
import { allRoutes, fill } from './attack-routes';
import { REFERENCE_SEGMENTS } from '../../worker/segments/examples';

/** Public by design, or not an account's id: what each is instead of a tenancy check. */
const NOT_TENANT_SCOPED: Record<string, string> = {
  'GET /media/:accountId/:file': 'uploaded media is public (the widget shows the avatar on any storefront)',
  'GET /articles/:id': "help articles are public pages (the agent's answers link to them)",
  'POST /api/webhooks/zendesk/:accountId': 'signed by the helpdesk with the account’s secret; unsigned calls are 401',
  'PUT /api/integrations/:kind': 'kind is zendesk|gorgias, not an id',
  'POST /api/integrations/:kind/test': 'kind is zendesk|gorgias, not an id',
  'DELETE /api/integrations/:kind': 'kind is zendesk|gorgias, not an id',
  'POST /api/knowledge/import/:kind': 'kind is articles|products, not an id',
};

const MARK = `xtenant-${crypto.randomUUID().slice(0, 8)}`;

async function seedStoreA() {
  const a = await storeWithEveryRole('xtenant-a');
  const cookie = await a.as('owner');
  const ok = async <T>(res: Promise<{ status: number; json: T; text: string }>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`seeding store A failed: ${r.status} ${r.text}`);
    return r.json;
  };
  const ticket = await insertTicket(a.accountId, { subject: `${MARK} ticket` });
  const task = await ok(
    call<{ task: { id: string } }>('POST', `/api/tickets/${ticket.id}/tasks`, {
      cookie,
      body: { title: `${MARK} task`, dueAt: Date.now() + 3600_000 },
    }),
  );
  const team = await ok(
    call<{ team: { id: string } }>('POST', '/api/teams', { cookie, body: { name: `${MARK} team` } }),
  );
  const article = await ok(
    call<{ article: { id: string } }>('POST', '/api/knowledge/articles', {
      cookie,
      body: { title: `${MARK} article`, body: `${MARK} body` },
    }),
  );
  const segment = await ok(
    call<{ segment: { id: string } }>('POST', '/api/segments', {
      cookie,
      body: { name: `${MARK} segment`, definition: REFERENCE_SEGMENTS.reengage.definition },
    }),
  );
  const hook = await ok(
    call<{ subscription: { id: string } }>('POST', '/api/webhook-subscriptions', {
      cookie,
      body: { url: 'https://hooks.example.com/a', events: ['*'], description: MARK },
    }),
  );
  const key = await ok(
    call<{ key: { id: string }; secret: string }>('POST', '/api/api-keys', { cookie, body: { name: `${MARK} key` } }),
  );
  const profile = await ok(
    call<{ profileId: string }>('POST', '/api/track/identify', {
      origin: null,
      headers: { authorization: `Bearer ${key.secret}` },
      body: { profile: { externalId: MARK, email: `${MARK}@shopper.test`, name: MARK } },
    }),
  );
  const conv = await ok(
    call<{ conversationId: string; resumeToken: string }>('POST', '/api/widget/conversations', {
      body: { siteKey: a.siteKey },
      origin: 'https://shop.example',
    }),
  );
  const ids: Record<string, string> = {
    ticket: ticket.id,
    task: task.task.id,
    team: team.team.id,
    article: article.article.id,
    segment: segment.segment.id,
    subscription: hook.subscription.id,
    apiKey: key.key.id,
    profile: profile.profileId,
    conversation: conv.conversationId,
    user: a.userId('agent'),
  };
  return { a, ids };
}

/** Which of A's ids a route's parameter names, by the route's path. */
function idFor(path: string, param: string, ids: Record<string, string>): string {
  if (param === 'taskId') return ids.task!;
  if (param === 'ticketId') return ids.ticket!;
  if (param === 'conversationId') return ids.conversation!;
  const byPrefix: Array<[string, string]> = [
    ['/api/tickets/', 'ticket'],
    ['/api/teams/', 'team'],
    ['/api/knowledge/articles/', 'article'],
    ['/api/segments/', 'segment'],
    ['/api/export/segments/', 'segment'],
    ['/api/webhook-subscriptions/', 'subscription'],
    ['/api/profiles/', 'profile'],
    ['/api/api-keys/', 'apiKey'],
    ['/api/team/users/', 'user'],
    ['/api/widget/conversations/', 'conversation'],
  ];
  const kind = byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1];
  // Ids no store A row has (an email message, a webhook delivery): a well-formed id of nothing.
  return kind ? ids[kind]! : crypto.randomUUID();
}

/** A body that passes most routes' validation, so the probe reaches the account-scoped lookup. */
const PROBE_BODY = {
  status: 'closed',
  text: 'probe',
  clientId: crypto.randomUUID(),
  title: 'probe',
  body: 'probe body',
  name: 'probe name',
  memberIds: [],
  done: true,
  assigneeId: null,
  role: 'agent',
  active: false,
  events: ['*'],
  url: 'https://hooks.example.com/b',
  description: 'probe',
  resolved: true,
  email: 'probe@shopper.test',
  identityToken: 'x.y.z',
  dueAt: Date.now() + 3600_000,
  definition: REFERENCE_SEGMENTS.reengage.definition,
};

async function rowsOf(accountId: string): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%account_id%' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
  ).all<{ name: string }>();
  const out = await env.DB.batch(
    results
      .filter((t) => /^[a-z_0-9]+$/.test(t.name))
      .map((t) => env.DB.prepare(`SELECT * FROM "${t.name}" WHERE account_id = ?`).bind(accountId)),
  );
  return JSON.stringify(out.map((r) => r.results));
}

describe('cross-tenant probes over every id-taking route', () => {
  it("store B's Owner gets 404 (never data, never a change) for every one of store A's ids", async () => {
    const { a, ids } = await seedStoreA();
    const b = await storeWithEveryRole('xtenant-b');
    const cookie = await b.as('owner');
    const keyB = (await call<{ secret: string }>('POST', '/api/api-keys', { cookie, body: { name: 'probe' } })).json
      .secret;
    const before = await rowsOf(a.accountId);

    const routes = allRoutes().filter(
      (r) => r.path.includes(':') && !r.path.endsWith('/socket') && !(`${r.method} ${r.path}` in NOT_TENANT_SCOPED),
    );
    expect(routes.length).toBeGreaterThan(35);
    const leaks: string[] = [];
    const notRefused: string[] = [];
    let exact404 = 0;
    const other: string[] = [];
    for (const route of routes) {
      const path = fill(route.path, (param) => idFor(route.path, param, ids));
      const withBody = route.method !== 'GET' && route.method !== 'DELETE';
      // API-key routes get B's key; widget routes get a resume token of B's, which A's conversation must refuse.
      const res = await call(route.method, path, {
        cookie,
        ...(withBody ? { body: PROBE_BODY } : {}),
        headers: { authorization: `Bearer ${keyB}` },
      });
      if (res.status === 404) exact404++;
      else other.push(`${route.method} ${route.path} → ${res.status}`);
      if (res.status < 400 || res.status >= 500) notRefused.push(`${route.method} ${route.path} → ${res.status}`);
      if (res.text.includes(MARK) || Object.values(ids).some((id) => res.text.includes(id)))
        leaks.push(`${route.method} ${route.path} → ${res.status}: ${res.text.slice(0, 160)}`);
    }
    console.log(
      `cross-tenant: ${routes.length} id-taking routes probed, ${exact404} answered 404, ${notRefused.length} not refused, ${leaks.length} leaks; refused otherwise: ${other.join(', ')}`,
    );
    expect(leaks).toEqual([]);
    expect(notRefused).toEqual([]);
    expect(await rowsOf(a.accountId)).toBe(before);
    // Store A's own Owner can read what B could not, so the refusals above are about tenancy.
    const cookieA = await a.as('owner');
    for (const path of [
      `/api/tickets/${ids.ticket}`,
      `/api/segments/${ids.segment}`,
      `/api/webhook-subscriptions/${ids.subscription}`,
      `/api/profiles/${ids.profile}`,
    ]) {
      expect((await call('GET', path, { cookie: cookieA })).status, path).toBe(200);
    }
  }, 120_000);
});
