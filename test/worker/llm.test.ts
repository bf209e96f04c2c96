// LLM phrasing: the OpenAI-compatible provider against the local stand-in (a Node HTTP server started
// by global-setup.ts; workerd reaches it on 127.0.0.1), the Workers AI provider against a fake binding,
// and the fallback to the deterministic answer on every kind of failure.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runCustomerAgent, type AgentTurn } from '../../worker/agent';
import {
  buildMessages,
  llmFromEnv,
  OpenAiCompatibleProvider,
  WorkersAiProvider,
  DEFAULT_WORKERS_AI_MODEL,
  type LlmProvider,
  type WorkersAiBinding,
} from '../../worker/agent/llm';
import { newId } from '../../worker/ids';
import { accountSettings, type AccountSettings } from '../../worker/settings/schema';
import { db, demoAccount } from './helpers';

const QUESTION = 'do you ship to Canada?';
const standinUrl = inject('llmStandinUrl');
const standinKey = inject('llmStandinKey');
/** The Worker env's test flag that lets the outbound-URL policy reach the stand-in on 127.0.0.1. */
const LOCAL = { ALLOW_LOCAL_OUTBOUND: 'true' };

let accountId: string;
let deterministic: string;
beforeAll(async () => {
  accountId = (await demoAccount()).id;
  deterministic = text(await ask(QUESTION, null, accountSettings.parse({})));
});

/** Settings with phrasing on, pointed at one mode of the stand-in, with a model name unique to the test. */
function llmSettings(
  mode: '' | 'fail/' | 'hang/' | 'empty/' | 'malformed/',
  overrides: Partial<AccountSettings['llm']> = {},
): AccountSettings {
  return accountSettings.parse({
    general: { agentName: 'Maya' },
    agent: { toneOfVoice: 'Warm and upbeat.' },
    llm: {
      enabled: true,
      provider: 'openai_compatible',
      baseUrl: `${standinUrl}/${mode}v1`,
      model: `standin-${newId()}`,
      timeoutMs: 2000,
      ...overrides,
    },
  });
}

function ask(question: string, llm: LlmProvider | null, settings: AccountSettings): Promise<AgentTurn> {
  return runCustomerAgent({ db: db(), accountId, settings, text: question, profileId: null, missesInARow: 0, llm });
}

function text(turn: AgentTurn): string {
  if (turn.kind !== 'reply') throw new Error(`expected a reply, got ${JSON.stringify(turn)}`);
  return turn.text;
}

interface Recorded {
  path: string;
  authorization: string | null;
  body: { model?: string; messages?: Array<{ role: string; content: string }> };
}
async function requestsFor(model: string): Promise<Recorded[]> {
  const res = await fetch(`${standinUrl}/__requests`);
  const json = (await res.json()) as { requests: Recorded[] };
  return json.requests.filter((r) => r.body.model === model);
}

describe('OpenAI-compatible provider (local stand-in)', () => {
  it('phrases knowledge answers when enabled, keeping the article link', async () => {
    const settings = llmSettings('');
    const llm = llmFromEnv(settings, LOCAL, standinKey);
    expect(llm).toBeInstanceOf(OpenAiCompatibleProvider);
    const turn = await ask(QUESTION, llm, settings);
    expect(turn).toMatchObject({ kind: 'reply', skill: 'answer', missed: false, prompt: 'confirm_resolution' });
    const reply = text(turn);
    expect(reply).toMatch(/^Phrased: International shipping: Yes, we ship to Canada/);
    // The phrasing cites the article it was grounded in, with its link.
    expect(reply).toContain('Source: International shipping — /help/international-shipping');

    // What went over the wire: the documented chat completions body with our prompt.
    const [sent] = await requestsFor(settings.llm.model);
    expect(sent).toBeDefined();
    expect(sent!.path).toBe('/v1/chat/completions');
    expect(sent!.authorization).toBe(`Bearer ${standinKey}`);
    const [system, user] = sent!.body.messages ?? [];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('ONLY');
    expect(system?.content).toContain('Maya');
    expect(system?.content).toContain('Warm and upbeat.');
    expect(user?.role).toBe('user');
    expect(user?.content).toContain(`Question: ${QUESTION}`);
    expect(user?.content).toContain('[1] International shipping:');
  });

  it('is used only for the answer skill', async () => {
    const settings = llmSettings('');
    const llm = llmFromEnv(settings, LOCAL, standinKey);
    expect(text(await ask('hello', llm, settings))).not.toContain('Phrased');
    expect(text(await ask('I need running shoes under $100', llm, settings))).not.toContain('Phrased');
    expect(text(await ask('qwxz zzkv', llm, settings))).not.toContain('Phrased');
    expect(await requestsFor(settings.llm.model)).toEqual([]);
  });

  it('falls back to the deterministic answer on a 500', async () => {
    const settings = llmSettings('fail/');
    const turn = await ask(QUESTION, llmFromEnv(settings, LOCAL, standinKey), settings);
    expect(text(turn)).toBe(deterministic);
    expect(await requestsFor(settings.llm.model)).toHaveLength(1);
  });

  it('falls back at the timeout when the endpoint hangs', async () => {
    const settings = llmSettings('hang/', { timeoutMs: 300 });
    const started = Date.now();
    const turn = await ask(QUESTION, llmFromEnv(settings, LOCAL, standinKey), settings);
    const elapsed = Date.now() - started;
    expect(text(turn)).toBe(deterministic);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5000);
    expect(await requestsFor(settings.llm.model)).toHaveLength(1);
  });

  it('falls back when the key is wrong (401)', async () => {
    const settings = llmSettings('');
    const turn = await ask(QUESTION, llmFromEnv(settings, LOCAL, 'sk-wrong'), settings);
    expect(text(turn)).toBe(deterministic);
    const [sent] = await requestsFor(settings.llm.model);
    expect(sent?.authorization).toBe('Bearer sk-wrong');
  });

  it.each(['empty/', 'malformed/'] as const)('falls back on a 200 that is %s', async (mode) => {
    const settings = llmSettings(mode);
    expect(text(await ask(QUESTION, llmFromEnv(settings, LOCAL, standinKey), settings))).toBe(deterministic);
    expect(await requestsFor(settings.llm.model)).toHaveLength(1);
  });

  it('falls back when nothing listens at the address', async () => {
    const settings = llmSettings('', { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(text(await ask(QUESTION, llmFromEnv(settings, LOCAL, standinKey), settings))).toBe(deterministic);
  });

  it('rejects a response that is not the documented shape', async () => {
    const provider = new OpenAiCompatibleProvider({
      baseUrl: `${standinUrl}/v1`,
      apiKey: standinKey,
      model: 'x',
      timeoutMs: 2000,
      outbound: LOCAL,
    });
    const odd = new OpenAiCompatibleProvider({
      baseUrl: `${standinUrl}/malformed/v1`,
      apiKey: standinKey,
      model: 'x',
      timeoutMs: 2000,
      outbound: LOCAL,
    });
    await expect(provider.phrase({ question: 'q', passages: ['p'], agentName: 'A', tone: 't' })).resolves.toBe(
      'Phrased: p',
    );
    await expect(odd.phrase({ question: 'q', passages: ['p'], agentName: 'A', tone: 't' })).rejects.toThrow();
  });
});

describe('Workers AI provider (fake binding)', () => {
  function binding(
    run: WorkersAiBinding['run'],
  ): WorkersAiBinding & { calls: Array<{ model: string; input: unknown }> } {
    const calls: Array<{ model: string; input: unknown }> = [];
    return {
      calls,
      run: (model, input) => {
        calls.push({ model, input });
        return run(model, input);
      },
    };
  }
  const settings = (model = 'gpt-4o-mini') =>
    accountSettings.parse({ llm: { enabled: true, provider: 'workers_ai', model, timeoutMs: 300 } });

  it('phrases with the response string, defaulting to a Workers AI model', async () => {
    const ai = binding(async () => ({ response: 'We do ship to Canada!' }));
    const s = settings();
    const llm = llmFromEnv(s, { AI: ai }, null);
    expect(llm).toBeInstanceOf(WorkersAiProvider);
    expect(text(await ask(QUESTION, llm, s))).toBe(
      'We do ship to Canada!\n\nSource: International shipping — /help/international-shipping',
    );
    expect(ai.calls[0]?.model).toBe(DEFAULT_WORKERS_AI_MODEL);
    expect(ai.calls[0]?.input).toEqual({
      messages: expect.arrayContaining([expect.objectContaining({ role: 'system' })]),
    });

    const custom = binding(async () => ({ response: 'ok' }));
    await ask(QUESTION, llmFromEnv(settings('@cf/mistral/mistral-7b-instruct-v0.1'), { AI: custom }, null), s);
    expect(custom.calls[0]?.model).toBe('@cf/mistral/mistral-7b-instruct-v0.1');
  });

  it.each([
    [
      'throws',
      async () => {
        throw new Error('capacity');
      },
    ],
    ['returns no response field', async () => ({})],
    ['returns a non-string response', async () => ({ response: 42 })],
    ['returns whitespace', async () => ({ response: '   ' })],
    ['never settles', () => new Promise<unknown>(() => {})],
  ] as Array<[string, WorkersAiBinding['run']]>)('falls back when the binding %s', async (_label, run) => {
    const s = settings();
    expect(text(await ask(QUESTION, llmFromEnv(s, { AI: binding(run) }, null), s))).toBe(deterministic);
  });
});

describe('llmFromEnv', () => {
  it('is null unless phrasing is enabled and configured', () => {
    const on = { enabled: true, provider: 'openai_compatible', baseUrl: 'https://llm.example.com/v1' };
    const ai: WorkersAiBinding = { run: async () => ({ response: 'x' }) };
    const platform = { LLM_BASE_URL: 'https://llm.platform.example/v1', LLM_API_KEY: 'k' };
    expect(llmFromEnv(accountSettings.parse({}), { ...platform, AI: ai }, 'tenant')).toBeNull();
    expect(llmFromEnv(accountSettings.parse({ llm: { ...on, enabled: false } }), platform, 'tenant')).toBeNull();
    // The account's own base URL needs the account's own key; the platform's key is never used for it.
    expect(llmFromEnv(accountSettings.parse({ llm: on }), platform, null)).toBeNull();
    expect(llmFromEnv(accountSettings.parse({ llm: on }), {}, 'tenant')).toBeInstanceOf(OpenAiCompatibleProvider);
    // Without a base URL: the platform's endpoint with the platform's key, both from Worker config.
    expect(llmFromEnv(accountSettings.parse({ llm: { ...on, baseUrl: null } }), platform, null)).toBeInstanceOf(
      OpenAiCompatibleProvider,
    );
    expect(
      llmFromEnv(accountSettings.parse({ llm: { ...on, baseUrl: null } }), { LLM_API_KEY: 'k' }, 'tenant'),
    ).toBeNull();
    expect(
      llmFromEnv(accountSettings.parse({ llm: { ...on, baseUrl: null } }), { ...platform, LLM_API_KEY: '' }, null),
    ).toBeNull();
    expect(
      llmFromEnv(accountSettings.parse({ llm: { ...on, provider: 'workers_ai' } }), platform, 'tenant'),
    ).toBeNull();
    expect(
      llmFromEnv(accountSettings.parse({ llm: { ...on, provider: 'workers_ai' } }), { AI: ai }, null),
    ).toBeInstanceOf(WorkersAiProvider);
    // A whole Worker env without either binding is accepted and gives no provider.
    expect(llmFromEnv(accountSettings.parse({ llm: { ...on, baseUrl: null } }), { DB: 'not-an-llm' }, null)).toBeNull();
  });

  it('the prompt keeps passages on numbered lines', () => {
    const [system, user] = buildMessages({
      question: 'q?',
      passages: ['one\ntwo', 'three'],
      agentName: 'Maya',
      tone: 'Calm.',
    });
    expect(system?.content).toMatch(/ONLY/);
    expect(user?.content).toBe('Passages:\n[1] one two\n[2] three\n\nQuestion: q?');
  });
});
