import { beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers';
import { fieldsOf, getSettings, lastAudit, storeWithEveryRole, type StoreWithEveryRole } from './settings-helpers';

let store: StoreWithEveryRole;
beforeAll(async () => {
  store = await storeWithEveryRole('guidance');
});

interface Rule {
  id: string;
  name: string;
  kind: string;
  keywords: string[];
  enabled: boolean;
  builtIn: boolean;
}

describe('guidance: tone of voice and escalation rules', () => {
  it('tone of voice is saved and returned; too long is 400 with the field', async () => {
    const cookie = await store.as('manager');
    const agent = (await getSettings(cookie)).agent!;
    const ok = await call<{ settings: { agent: { toneOfVoice: string } } }>('PUT', '/api/settings/agent', {
      cookie,
      body: { ...agent, toneOfVoice: 'Warm and playful, never pushy.' },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.settings.agent.toneOfVoice).toBe('Warm and playful, never pushy.');
    const bad = await call('PUT', '/api/settings/agent', { cookie, body: { ...agent, toneOfVoice: 'x'.repeat(501) } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(['toneOfVoice']);
  });

  it('adds, renames and disables rules; the server decides which rule is built in', async () => {
    const cookie = await store.as('admin');
    const rules = (await getSettings(cookie)).escalation!.rules as Rule[];
    const next = [
      ...rules.map((r) => (r.id === 'human_request' ? { ...r, name: 'Wants a person', enabled: false } : r)),
      {
        id: 'damaged',
        name: 'Damaged items',
        kind: 'keywords',
        keywords: ['broken', 'damaged'],
        enabled: true,
        builtIn: true,
      },
    ];
    const res = await call<{ settings: { escalation: { rules: Rule[] } } }>('PUT', '/api/settings/escalation', {
      cookie,
      body: { rules: next },
    });
    expect(res.status).toBe(200);
    const saved = res.json.settings.escalation.rules;
    expect(saved.find((r) => r.id === 'human_request')).toMatchObject({
      name: 'Wants a person',
      enabled: false,
      builtIn: true,
    });
    expect(saved.find((r) => r.id === 'damaged')).toMatchObject({ keywords: ['broken', 'damaged'], builtIn: false });
    expect(await lastAudit(store.accountId, 'settings.escalation.update')).toMatchObject({
      actorId: store.userId('admin'),
    });
  });

  it('the built-in human_request rule cannot be deleted (400 with the field) or turned into another kind', async () => {
    const cookie = await store.as('owner');
    const before = await getSettings(cookie);
    const rules = before.escalation!.rules as Rule[];
    const without = await call('PUT', '/api/settings/escalation', {
      cookie,
      body: { rules: rules.filter((r) => r.id !== 'human_request') },
    });
    expect(without.status).toBe(400);
    expect(without.json).toMatchObject({
      error: { details: [{ field: 'rules', message: expect.stringContaining('cannot be deleted') }] },
    });
    const changedKind = await call('PUT', '/api/settings/escalation', {
      cookie,
      body: { rules: rules.map((r) => (r.id === 'human_request' ? { ...r, kind: 'keywords' } : r)) },
    });
    expect(changedKind.status).toBe(400);
    expect(fieldsOf(changedKind.json)[0]).toMatch(/^rules\.\d+\.kind$/);
    expect(await getSettings(cookie)).toEqual(before);
  });

  it('malformed rules are 400 with the field; duplicate ids are refused', async () => {
    const cookie = await store.as('owner');
    const rules = (await getSettings(cookie)).escalation!.rules as Rule[];
    const bad = await call('PUT', '/api/settings/escalation', {
      cookie,
      body: { rules: [...rules, { id: 'x', name: '', kind: 'sentiment', keywords: [] }] },
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.json)).toEqual(
      expect.arrayContaining([`rules.${rules.length}.name`, `rules.${rules.length}.kind`]),
    );
    const dup = await call('PUT', '/api/settings/escalation', { cookie, body: { rules: [...rules, rules[1]] } });
    expect(dup.status).toBe(400);
    expect(fieldsOf(dup.json)).toEqual(['rules']);
  });

  it('Support, Agent and Analyst get 403 from both', async () => {
    for (const role of ['support', 'agent', 'analyst'] as const) {
      const cookie = await store.as(role);
      expect((await call('PUT', '/api/settings/escalation', { cookie, body: { rules: [] } })).status).toBe(403);
      expect((await call('PUT', '/api/settings/agent', { cookie, body: {} })).status).toBe(403);
    }
  });
});
