// Attacks on the URLs a tenant gives us (issue 13, items 1, 3 and 8): stealing the platform's LLM key
// through a chosen LLM base URL, server-side request forgery through webhook, helpdesk and LLM URLs
// (loopback, metadata, private, link-local, CGNAT, IPv6 and numeric IPv4 forms), internal error text
// echoed back, and links a shopper would open (javascript:, data:, protocol-relative). Every test
// reproduces the attack through the real routes; the stand-ins are local servers on 127.0.0.1, which
// the test-only ALLOW_LOCAL_OUTBOUND flag admits (and nothing else).
import { env } from 'cloudflare:workers';
import { describe, expect, inject, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, db } from './helpers';
import { fieldsOf, storeWithEveryRole } from './settings-helpers';
import { fetchOutbound, fetchTargetProblem, linkProblem, OutboundError } from '../../worker/platform/outbound-url';
import { webhookSubscriptions } from '../../worker/db/schema-insights';
import { integrations } from '../../worker/db/schema-integrations';
import { newId } from '../../worker/ids';
import { productRow } from '../../worker/catalog/rows';

const llmStandinUrl = inject('llmStandinUrl');
const llmStandinKey = inject('llmStandinKey');
const webhookReceiverUrl = inject('webhookReceiverUrl');
const PLATFORM_KEY = 'sk-platform-key-must-not-leak';

/** Every place an SSRF payload was tried: each must be refused by the policy, flag on or off. */
const INTERNAL_TARGETS = [
  'https://localhost/x',
  'https://LOCALHOST./x',
  'https://api.localhost/x',
  'http://localhost:8787/x',
  'https://169.254.169.254/latest/meta-data/',
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://metadata/x',
  'https://10.0.0.1/x',
  'https://172.16.0.1/x',
  'https://192.168.1.1/x',
  'https://100.64.0.1/x',
  'https://0.0.0.0/x',
  'https://127.0.0.2/x',
  'https://2130706433/x',
  'https://0x7f000001/x',
  'https://0177.0.0.1/x',
  'https://0x7f.1/x',
  'https://017700000001/x',
  'https://[::1]/x',
  'https://[::ffff:169.254.169.254]/x',
  'https://[::ffff:7f00:1]/x',
  'https://[fe80::1]/x',
  'https://[fd00::1]/x',
  'https://[64:ff9b::a9fe:a9fe]/x',
  'https://intranet/x',
  'https://printer.local/x',
  'https://db.internal/x',
  'https://router.lan/x',
  'https://nas.home.arpa/x',
  'file:///etc/passwd',
  'gopher://127.0.0.1:6379/_INFO',
  'ftp://files.example.com/x',
  'http://hooks.example.com/x',
  'https://user:pass@hooks.example.com/x',
  'javascript:alert(1)',
  'data:text/plain,x',
  '//hooks.example.com/x',
  'not a url',
];

describe('outbound-URL policy', () => {
  it('refuses every internal, numeric, IPv6 and non-https target, with or without the local flag', () => {
    for (const target of INTERNAL_TARGETS) {
      expect(fetchTargetProblem(target, false), target).not.toBeNull();
      expect(fetchTargetProblem(target, true), target).not.toBeNull();
    }
  });

  it('accepts public https hosts; the test/dev flag admits only http(s)://127.0.0.1', () => {
    for (const ok of [
      'https://hooks.example.com/in',
      'https://api.openai.com/v1',
      'https://mystore.zendesk.com',
      'https://a.b.example:8443/x',
    ]) {
      expect(fetchTargetProblem(ok, false), ok).toBeNull();
    }
    expect(fetchTargetProblem('http://127.0.0.1:8080/x', false)).not.toBeNull();
    expect(fetchTargetProblem('http://127.0.0.1:8080/x', true)).toBeNull();
    expect(fetchTargetProblem('https://127.0.0.1/x', true)).toBeNull();
  });

  it('never follows a redirect and never echoes the runtime error text', async () => {
    // The webhook receiver answers 404 for an unknown path; a closed port is "unreachable" with a fixed sentence.
    const local = { ALLOW_LOCAL_OUTBOUND: 'true' };
    const refused = await fetchOutbound({}, `${webhookReceiverUrl}/x`, { timeoutMs: 1000 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboundError);
    expect((refused as OutboundError).kind).toBe('refused');
    const closed = await fetchOutbound(local, 'http://127.0.0.1:9/x', { timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(closed).toBeInstanceOf(OutboundError);
    expect((closed as OutboundError).message).toBe('The host could not be reached');
  });

  it('links a shopper opens are absolute http(s) only', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/x',
      '/\\evil.example',
      'https:/\\evil.example',
      'vbscript:x',
      'ftp://x.example',
    ]) {
      expect(linkProblem(bad), bad).not.toBeNull();
    }
    expect(linkProblem('https://shop.example.com/account/login')).toBeNull();
    expect(linkProblem('http://localhost:8787/media/a.png')).toBeNull();
  });
});

describe('LLM key theft (issue 13 item 1)', () => {
  async function requestsFor(model: string) {
    const res = await fetch(`${llmStandinUrl}/__requests`);
    const { requests } = (await res.json()) as {
      requests: Array<{ authorization: string | null; body: { model?: string } }>;
    };
    return requests.filter((r) => r.body.model === model);
  }

  it('a Manager pointing llm.baseUrl at their own listener never receives the platform LLM_API_KEY', async () => {
    const store = await storeWithEveryRole('llm-theft');
    const manager = await store.as('manager');
    const model = `theft-${newId()}`;
    const put = await call('PUT', '/api/settings/llm', {
      cookie: manager,
      body: { enabled: true, provider: 'openai_compatible', baseUrl: `${llmStandinUrl}/v1`, model },
    });
    expect(put.status).toBe(200);
    const chat = await call('POST', '/api/test-chat/messages', {
      cookie: manager,
      body: { text: 'do you ship to Canada?' },
    });
    expect(chat.status).toBe(200);
    const sent = await requestsFor(model);
    expect(sent.map((r) => r.authorization)).not.toContain(`Bearer ${PLATFORM_KEY}`);
    expect(JSON.stringify(sent)).not.toContain(PLATFORM_KEY);
    expect(sent).toHaveLength(0);
    expect(chat.text).not.toContain('Phrased');
  });

  it("a store's own endpoint gets the store's own key, sealed at rest, and only at the URL it was given for", async () => {
    const store = await storeWithEveryRole('llm-own');
    const owner = await store.as('owner');
    const model = `own-${newId()}`;
    const baseUrl = `${llmStandinUrl}/v1`;
    const put = await call<{ llmKey: { set: boolean; hint: string } }>('PUT', '/api/settings/llm', {
      cookie: owner,
      body: { enabled: true, provider: 'openai_compatible', baseUrl, model, apiKey: llmStandinKey },
    });
    expect(put.status).toBe(200);
    expect(put.json.llmKey).toEqual({ set: true, hint: llmStandinKey.slice(-4) });
    expect(put.text).not.toContain(llmStandinKey);
    expect((await call('GET', '/api/settings', { cookie: owner })).text).not.toContain(llmStandinKey);

    const chat = await call<{ turn: { text: string } }>('POST', '/api/test-chat/messages', {
      cookie: owner,
      body: { text: 'do you ship to Canada?' },
    });
    expect(chat.json.turn.text).toMatch(/^Phrased:/);
    expect((await requestsFor(model)).map((r) => r.authorization)).toEqual([`Bearer ${llmStandinKey}`]);

    // A Manager moves the URL to a listener of their own: the stored key is not sent there.
    const manager = await store.as('manager');
    const moved = `moved-${newId()}`;
    const redirect = await call<{ llmKey: { set: boolean } }>('PUT', '/api/settings/llm', {
      cookie: manager,
      body: { enabled: true, provider: 'openai_compatible', baseUrl: `${llmStandinUrl}/empty/v1`, model: moved },
    });
    expect(redirect.json.llmKey.set).toBe(false);
    await call('POST', '/api/test-chat/messages', { cookie: manager, body: { text: 'do you ship to Canada?' } });
    expect(await requestsFor(moved)).toHaveLength(0);
  });

  it('refuses non-https and internal LLM base URLs', async () => {
    const store = await storeWithEveryRole('llm-url');
    const owner = await store.as('owner');
    for (const baseUrl of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:70/x',
      'ftp://llm.example.com/v1',
      'https://169.254.169.254/v1',
      'http://localhost:11434/v1',
      'https://[::1]/v1',
    ]) {
      const res = await call('PUT', '/api/settings/llm', {
        cookie: owner,
        body: { enabled: true, baseUrl, apiKey: 'sk-tenant-key-1' },
      });
      expect(res.status, baseUrl).toBe(400);
      expect(fieldsOf(res.json), baseUrl).toContain('baseUrl');
    }
  });
});

describe('SSRF (issue 13 item 3)', () => {
  it('webhook subscriptions refuse loopback, metadata, private and IPv6 targets and store nothing', async () => {
    const store = await storeWithEveryRole('ssrf-webhooks');
    const owner = await store.as('owner');
    for (const url of INTERNAL_TARGETS) {
      const res = await call('POST', '/api/webhook-subscriptions', { cookie: owner, body: { url, events: ['*'] } });
      expect(res.status, url).toBe(400);
    }
    const rows = await db()
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.accountId, store.accountId));
    expect(rows).toHaveLength(0);
    // Editing an existing subscription to an internal URL is refused the same way.
    const created = await call<{ subscription: { id: string } }>('POST', '/api/webhook-subscriptions', {
      cookie: owner,
      body: { url: `${webhookReceiverUrl}/in`, events: ['*'] },
    });
    expect(created.status).toBe(201);
    const edit = await call('PATCH', `/api/webhook-subscriptions/${created.json.subscription.id}`, {
      cookie: owner,
      body: { url: 'https://169.254.169.254/' },
    });
    expect(edit.status).toBe(400);
  });

  it('Zendesk and Gorgias connections refuse internal base URLs before sending any credential', async () => {
    const store = await storeWithEveryRole('ssrf-helpdesk');
    const owner = await store.as('owner');
    for (const baseUrl of [
      'http://localhost:9/',
      'https://169.254.169.254',
      'https://10.0.0.5',
      'https://[fe80::1]',
      'https://100.100.100.200',
      'https://0x7f000001',
    ]) {
      const zd = await call('PUT', '/api/integrations/zendesk', {
        cookie: owner,
        body: { subdomain: 'x', email: 'a@b.test', apiToken: 'secret-token', baseUrl },
      });
      expect(zd.status, baseUrl).toBe(400);
      const gg = await call('PUT', '/api/integrations/gorgias', {
        cookie: owner,
        body: { domain: 'x', email: 'a@b.test', apiKey: 'secret-key', baseUrl },
      });
      expect(gg.status, baseUrl).toBe(400);
    }
    expect(await db().select().from(integrations).where(eq(integrations.accountId, store.accountId))).toHaveLength(0);
  });

  it('a helpdesk that cannot be reached gets a fixed 502 sentence, not the network error text', async () => {
    const store = await storeWithEveryRole('ssrf-echo');
    const owner = await store.as('owner');
    const res = await call<{ error: { message: string } }>('PUT', '/api/integrations/gorgias', {
      cookie: owner,
      body: { domain: 'x', email: 'a@b.test', apiKey: 'secret-key', baseUrl: 'http://127.0.0.1:9' },
    });
    expect(res.status).toBe(502);
    expect(res.json.error.message).toBe('Gorgias could not be reached. Nothing was saved; try again.');
  });

  it('a stored internal URL (saved before the policy) is refused at send time', async () => {
    const refused = await fetchOutbound(env, 'https://169.254.169.254/latest/meta-data/', { timeoutMs: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(OutboundError);
    expect((refused as OutboundError).kind).toBe('refused');
  });
});

describe('links shown to shoppers (issue 13 item 8)', () => {
  it('signInUrl stores only http(s) links', async () => {
    const store = await storeWithEveryRole('links-signin');
    const owner = await store.as('owner');
    const general = (
      await call<{ settings: { general: Record<string, unknown> } }>('GET', '/api/settings', { cookie: owner })
    ).json.settings.general;
    for (const signInUrl of [
      'javascript:alert(document.cookie)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/login',
      'vbscript:msgbox(1)',
    ]) {
      const res = await call('PUT', '/api/settings/general', { cookie: owner, body: { ...general, signInUrl } });
      expect(res.status, signInUrl).toBe(400);
      expect(fieldsOf(res.json)).toContain('signInUrl');
    }
    expect(
      (
        await call('PUT', '/api/settings/general', {
          cookie: owner,
          body: { ...general, signInUrl: 'https://shop.example.com/login' },
        })
      ).status,
    ).toBe(200);
  });

  it('product and article URLs refuse protocol-relative and script links', async () => {
    const store = await storeWithEveryRole('links-catalog');
    const owner = await store.as('owner');
    for (const url of ['//evil.example/returns', '/\\evil.example', 'javascript:alert(1)', 'data:text/html,x']) {
      const res = await call('POST', '/api/knowledge/articles', {
        cookie: owner,
        body: { title: `T ${newId()}`, body: 'Body text', url },
      });
      expect(res.status, url).toBe(400);
    }
    expect(
      (
        await call('POST', '/api/knowledge/articles', {
          cookie: owner,
          body: { title: `T ${newId()}`, body: 'Body text', url: '/help/ok' },
        })
      ).status,
    ).toBe(201);
    for (const field of ['url', 'image_url'] as const) {
      expect(
        productRow.safeParse({ sku: 'A1', title: 'Shoe', price: 10, [field]: '//evil.example/p' }).success,
        field,
      ).toBe(false);
      expect(
        productRow.safeParse({ sku: 'A1', title: 'Shoe', price: 10, [field]: 'https://shop.example.com/p' }).success,
        field,
      ).toBe(true);
    }
  });
});
