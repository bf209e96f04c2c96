// Every settings write, for every role: the three editing roles pass the permission check (shown by
// an invalid body getting its 400/404/415, so nothing changes) and every other role gets 403.
// User management and key rotation are Owner/Admin only; the audit log is Owner/Admin only.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../worker/db/schema';
import { call } from './helpers';
import {
  ALL_ROLES,
  EDITORS,
  MANAGERS_OF_USERS,
  getSettings,
  storeWithEveryRole,
  type StoreWithEveryRole,
} from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('perms');
});

const someId = '00000000-0000-4000-8000-000000000000';

/** One invalid body per settings section (each a 400 that changes nothing). */
const INVALID_SECTION_BODIES: Record<string, unknown> = {
  general: { agentName: '' },
  agent: { confidenceThreshold: 5 },
  escalation: { rules: 'none' },
  llm: { enabled: 'yes' },
  handoff: { routingRules: 'none' },
  channels: { webChat: { enabled: 'on' } },
  'office-hours': { timezone: 'Mars/Olympus_Mons' },
  'round-robin': { enabled: 'on' },
  sla: { firstResponseMinutes: 2 },
};

interface Case {
  method: string;
  path: string;
  body?: unknown;
  allowed: readonly Role[];
  /** What an allowed role gets for this (deliberately harmless) request. */
  allowedStatus: number;
}

const CASES: Case[] = [
  ...Object.entries(INVALID_SECTION_BODIES).map(([section, body]) => ({
    method: 'PUT',
    path: `/api/settings/${section}`,
    body,
    allowed: EDITORS,
    allowedStatus: 400,
  })),
  { method: 'POST', path: '/api/settings/avatar', body: {}, allowed: EDITORS, allowedStatus: 415 },
  { method: 'POST', path: '/api/teams', body: { name: '' }, allowed: EDITORS, allowedStatus: 400 },
  { method: 'PATCH', path: `/api/teams/${someId}`, body: { name: 'x' }, allowed: EDITORS, allowedStatus: 404 },
  {
    method: 'PUT',
    path: `/api/teams/${someId}/members`,
    body: { memberIds: [] },
    allowed: EDITORS,
    allowedStatus: 404,
  },
  { method: 'DELETE', path: `/api/teams/${someId}`, allowed: EDITORS, allowedStatus: 404 },
  { method: 'POST', path: '/api/knowledge/articles', body: { title: '' }, allowed: EDITORS, allowedStatus: 400 },
  {
    method: 'PUT',
    path: `/api/knowledge/articles/${someId}`,
    body: { title: '' },
    allowed: EDITORS,
    allowedStatus: 400,
  },
  { method: 'DELETE', path: `/api/knowledge/articles/${someId}`, allowed: EDITORS, allowedStatus: 404 },
  {
    method: 'POST',
    path: '/api/knowledge/import/products',
    body: { rows: 'nope' },
    allowed: EDITORS,
    allowedStatus: 400,
  },
  { method: 'PUT', path: '/api/integrations/zendesk', body: {}, allowed: EDITORS, allowedStatus: 400 },
  { method: 'POST', path: '/api/integrations/gorgias/test', allowed: EDITORS, allowedStatus: 404 },
  { method: 'POST', path: `/api/integrations/failed-deliveries/${someId}/retry`, allowed: EDITORS, allowedStatus: 404 },
  {
    method: 'POST',
    path: '/api/team/invites',
    body: { email: 'not-an-email', role: 'agent' },
    allowed: MANAGERS_OF_USERS,
    allowedStatus: 400,
  },
  {
    method: 'PATCH',
    path: `/api/team/users/${someId}/role`,
    body: { role: 'agent' },
    allowed: MANAGERS_OF_USERS,
    allowedStatus: 404,
  },
  { method: 'DELETE', path: `/api/team/users/${someId}`, allowed: MANAGERS_OF_USERS, allowedStatus: 404 },
  { method: 'POST', path: '/api/api-keys', body: { name: '' }, allowed: MANAGERS_OF_USERS, allowedStatus: 400 },
  { method: 'GET', path: '/api/audit?limit=0', allowed: MANAGERS_OF_USERS, allowedStatus: 400 },
];

describe('settings permissions, every write × every role', () => {
  for (const c of CASES) {
    it(`${c.method} ${c.path}`, async () => {
      const before = await getSettings(await store.as('owner'));
      for (const role of ALL_ROLES) {
        const res = await call(c.method, c.path, {
          cookie: await store.as(role),
          ...(c.body === undefined ? {} : { body: c.body }),
        });
        expect({ role, status: res.status }).toEqual({
          role,
          status: c.allowed.includes(role) ? c.allowedStatus : 403,
        });
      }
      expect(await getSettings(await store.as('owner'))).toEqual(before);
    });
  }

  it('every role reads every settings page', async () => {
    for (const role of ALL_ROLES) {
      const cookie = await store.as(role);
      for (const path of [
        '/api/settings',
        '/api/settings/embed',
        '/api/teams',
        '/api/knowledge/articles',
        '/api/knowledge/products',
        '/api/integrations',
        '/api/team/users',
      ]) {
        expect({ role, path, status: (await call('GET', path, { cookie })).status }).toEqual({
          role,
          path,
          status: 200,
        });
      }
    }
    // 6 roles × 7 pages, one after another: late in the full suite, with queue consumers and alarms of
    // earlier files still running in the same runtime, each request can take ~1 s.
  }, 120_000);

  it('Owner and Admin rotate the identity key; nobody else', async () => {
    for (const role of ALL_ROLES) {
      const res = await call('POST', '/api/settings/identity-key/rotate', { cookie: await store.as(role) });
      expect({ role, status: res.status }).toEqual({ role, status: MANAGERS_OF_USERS.includes(role) ? 200 : 403 });
    }
  });
});
