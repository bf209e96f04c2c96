// The fuzzer (issue 13, attack suite): every route the Worker serves (attack-routes.ts) gets malformed
// JSON, wrong types, a body over the size cap, deeply nested bodies, NUL and unpaired-surrogate text,
// the wrong content type, junk query strings and bad ids — signed in as a store's Owner with a valid
// API key, so requests get past authentication to the validation under test. It asserts:
//   - no 5xx, ever;
//   - no partial write: a route whose every answer was an error left the database as it was (every
//     table's row count and highest rowid, and the fuzzed store's rows in the tables it could update),
//     and, for the shopper's conversation routes, also left the conversation's Durable Object storage
//     as it was (every row of its SQLite storage and its alarm): those routes are fuzzed a third time
//     on a real conversation of the store, with its resume token, so requests reach the room;
//   - every listed route is mounted (none answers the app's own "No route matches" 404).
// About 800 requests: well under a minute on two idle cores (the timeout allows for a loaded machine).
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';
import { storeWithEveryRole } from './settings-helpers';
import { allRoutes, fill, type RouteDef } from './attack-routes';
import { bearer, sendHttp, startConversation } from './widget-client';
import { roomOf } from '../../worker/durable/namespaces';
import { sha256Hex } from '../../worker/ids';
import type { StartConversationResponse } from '../../worker/protocol/widget';

/** Routes left out, and why. */
const SKIPPED = new Set([
  'POST /api/auth/sign-out', // would end the fuzzer's own session (it only deletes the caller's session row)
]);

const NUL_AND_SURROGATES = '\u0000a\ud800b\udfffc\u0000';
const nasty = (s: string) => ({
  name: s,
  email: s,
  text: s,
  url: s,
  title: s,
  body: s,
  siteKey: s,
  password: s,
  token: s,
  subject: s,
  description: s,
  query: s,
  role: s,
  clientId: s,
  identityToken: s,
  events: [s],
  memberIds: [s],
  userId: s,
  status: s,
  assigneeId: s,
});

/** [label, content type, raw body] */
const BODIES: Array<[string, string, string]> = [
  ['malformed JSON', 'application/json', '{"name": "x", '],
  ['array', 'application/json', '[]'],
  ['number', 'application/json', '42'],
  ['null', 'application/json', 'null'],
  [
    'wrong types',
    'application/json',
    JSON.stringify({
      name: 1,
      email: [],
      text: {},
      url: true,
      role: null,
      id: 5,
      events: 'x',
      siteKey: 7,
      enabled: 'yes',
      clientId: 3,
      memberIds: {},
    }),
  ],
  ['NUL and surrogates', 'application/json', JSON.stringify(nasty(NUL_AND_SURROGATES)).replace(/\\ud800/g, '\\ud800')],
  [
    'raw lone surrogate escapes',
    'application/json',
    '{"name":"\\ud800","text":"\\udc00x","email":"a\\u0000@b.test","siteKey":"\\ud83d"}',
  ],
  ['over the size cap', 'application/json', JSON.stringify({ text: 'x'.repeat(70 * 1024) })],
  ['deep array', 'application/json', `${'['.repeat(5000)}${']'.repeat(5000)}`],
  ['deep object', 'application/json', `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`],
  ['not JSON content type', 'text/plain', 'name=x'],
];

const JUNK_QUERY = `?limit=-1&cursor=%00&after=abc&q=%ED%A0%80%00&from=x&to=y&state=zzz&siteKey=&token=&status=nope&page=NaN&segment=${'x'.repeat(3000)}`;

const ID_VARIANTS = ['not-an-id\u0000', crypto.randomUUID()];

interface Finding {
  request: string;
  status: number;
  body: string;
}

/** Tables whose rows a route of the fuzzed store could update (every other table is checked by count). */
const STATE_TABLES = [
  'accounts',
  'users',
  'settings',
  'teams',
  'team_members',
  'invites',
  'integrations',
  'webhook_subscriptions',
  'notification_settings',
  'llm_credentials',
  'api_keys',
  'segments',
  'tickets',
  'ticket_tasks',
  'knowledge_articles',
  'products',
  'sessions',
  'profiles',
  'channel_connections',
];

/**
 * A fingerprint of the database: every table's row count and highest rowid (inserts and deletes, in one
 * query), and the fuzzed store's rows in the tables it could update. One D1 batch per check.
 */
async function fingerprint(accountId: string): Promise<string> {
  const { results } = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%'",
  ).all<{ name: string; sql: string }>();
  const tables = results.filter((t) => /^[a-z_0-9]+$/.test(t.name));
  // Scalar subqueries, 20 tables a statement (D1 caps compound terms, result columns and expression depth).
  const counts = Array.from({ length: Math.ceil(tables.length / 20) }, (_, i) => tables.slice(i * 20, i * 20 + 20)).map(
    (chunk) =>
      `SELECT ${chunk.map((t, j) => `(SELECT count(*) || ':' || ${/WITHOUT ROWID/i.test(t.sql) ? "''" : 'coalesce(max(rowid), 0)'} FROM "${t.name}") AS c${j}`).join(', ')}`,
  );
  const state = tables.filter(
    (t) => STATE_TABLES.includes(t.name) && /\baccount_id\b|^CREATE TABLE accounts/.test(t.sql),
  );
  const out = await env.DB.batch([
    ...counts.map((sql) => env.DB.prepare(sql)),
    ...state.map((t) =>
      env.DB.prepare(`SELECT * FROM "${t.name}" WHERE ${t.name === 'accounts' ? 'id' : 'account_id'} = ?`).bind(
        accountId,
      ),
    ),
  ]);
  return sha256Hex(JSON.stringify(out.map((r) => r.results)));
}

/** A fingerprint of one conversation's Durable Object: every row of every table of its SQLite storage
 * (the key-value API's table included; workerd's own metadata table is not readable) and its alarm. */
async function roomFingerprint(accountId: string, conversationId: string): Promise<string> {
  return runInDurableObject(roomOf(env, accountId, conversationId), async (_room, state) => {
    const tables = state.storage.sql
      .exec<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_METADATA' ORDER BY name",
      )
      .toArray();
    const rows = tables.map(({ name }) => [
      name,
      state.storage.sql.exec(`SELECT * FROM "${name.replace(/"/g, '""')}"`).toArray(),
    ]);
    return sha256Hex(JSON.stringify({ rows, alarm: await state.storage.getAlarm() }));
  });
}

const CONVERSATION_ROUTE = /^\/api\/widget\/conversations\/:id\//;

describe('fuzzer over every route', () => {
  let cookie: string;
  let apiKey: string;
  let accountId: string;
  let shopper: StartConversationResponse;
  beforeAll(async () => {
    const store = await storeWithEveryRole('fuzz');
    accountId = store.accountId;
    cookie = await store.as('owner');
    const created = await call<{ secret: string }>('POST', '/api/api-keys', { cookie, body: { name: 'fuzz' } });
    apiKey = created.json.secret;
    const account = await env.DB.prepare('SELECT site_key FROM accounts WHERE id = ?')
      .bind(accountId)
      .first<{ site_key: string }>();
    shopper = await startConversation({ siteKey: account!.site_key });
    expect((await sendHttp(shopper, 'hello')).status).toBe(200);
    // Let the room's own follow-up work (its outbox flushed to D1) finish before comparing its storage.
    for (let last = '', now = await roomFingerprint(accountId, shopper.conversationId); now !== last; ) {
      await new Promise((r) => setTimeout(r, 300));
      [last, now] = [now, await roomFingerprint(accountId, shopper.conversationId)];
    }
  });

  it('answers every malformed request with a 4xx, changes nothing when refusing, and mounts every listed route', async () => {
    const routes = allRoutes().filter((r) => !SKIPPED.has(`${r.method} ${r.path}`));
    expect(routes.length).toBeGreaterThan(100);
    const fivexx: Finding[] = [];
    const partial: string[] = [];
    const unmounted: string[] = [];
    let requests = 0;

    for (const route of routes) {
      const paths = route.path.includes(':') ? ID_VARIANTS.map((id) => fill(route.path, () => id)) : [route.path];
      const attempts = requestsFor(route, paths);
      // The shopper's conversation routes once more on the real conversation, with its token.
      const onRoom = CONVERSATION_ROUTE.test(route.path)
        ? requestsFor(route, [fill(route.path, () => shopper.conversationId)]).map((a) => ({
            ...a,
            label: `${a.label}, real conversation`,
          }))
        : [];
      const before = await fingerprint(accountId);
      const roomBefore = onRoom.length ? await roomFingerprint(accountId, shopper.conversationId) : '';
      let anySuccess = false;
      for (const a of [...attempts, ...onRoom]) {
        const auth = onRoom.includes(a) ? bearer(shopper.resumeToken) : { authorization: `Bearer ${apiKey}` };
        const res = await call(route.method, a.path, {
          cookie,
          rawBody: a.body,
          headers: { ...(a.type ? { 'content-type': a.type } : {}), ...auth },
        });
        requests++;
        if (res.status >= 500)
          fivexx.push({
            request: `${route.method} ${a.path.slice(0, 120)} [${a.label}]`,
            status: res.status,
            body: res.text.slice(0, 200),
          });
        if (res.status < 400) anySuccess = true;
        if (res.status === 404 && res.text.includes('No route matches'))
          unmounted.push(`${route.method} ${route.path}`);
      }
      const after = await fingerprint(accountId);
      if (!anySuccess && after !== before)
        partial.push(`${route.method} ${route.path}: the database changed with every request refused`);
      if (!anySuccess && onRoom.length && (await roomFingerprint(accountId, shopper.conversationId)) !== roomBefore) {
        partial.push(`${route.method} ${route.path}: the conversation's storage changed with every request refused`);
      }
    }

    console.log(
      `fuzzer: ${routes.length} routes, ${requests} requests, ${fivexx.length} 5xx, ${partial.length} partial writes`,
    );
    expect(fivexx).toEqual([]);
    expect(partial).toEqual([]);
    expect([...new Set(unmounted)]).toEqual([]);
  }, 600_000);
});

interface Attempt {
  path: string;
  label: string;
  type?: string;
  body?: string;
}

function requestsFor(route: RouteDef, paths: string[]): Attempt[] {
  if (route.method === 'GET' || route.method === 'DELETE') {
    return [
      ...paths.map((path) => ({ path, label: 'bad id' })),
      { path: `${paths[0]}${JUNK_QUERY}`, label: 'junk query' },
    ];
  }
  // Every body kind on the first (malformed) id; the typed ones again on a well-formed unknown id.
  const typed = BODIES.filter(([label]) => label === 'wrong types' || label === 'NUL and surrogates');
  return paths.flatMap((path, i) =>
    (i === 0 ? BODIES : typed).map(([label, type, body]) => ({ path, label, type, body })),
  );
}
