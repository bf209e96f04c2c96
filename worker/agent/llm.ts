// Optional LLM phrasing. The deterministic brain always retrieves the passages and builds its own
// answer first; a provider may only rephrase those passages in the store's tone. Any failure (HTTP
// error, bad JSON, timeout, empty text) makes `phraseOrNull` return null and the caller keeps the
// deterministic answer, so a slow or broken LLM never blocks a shopper.
import { z } from 'zod';
import type { AccountSettings } from '../settings/schema';
import { fetchOutbound, type OutboundEnv } from '../platform/outbound-url';

export interface PhraseInput {
  question: string;
  passages: string[];
  agentName: string;
  tone: string;
  /** Aborted when the caller stops waiting; providers pass it on to their HTTP call. */
  signal?: AbortSignal;
}

export interface LlmProvider {
  phrase(input: PhraseInput): Promise<string>;
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** The prompt both providers send: answer only from the passages, in the store's tone, as its agent. */
export function buildMessages(input: PhraseInput): ChatMessage[] {
  const system = [
    `You are ${input.agentName}, the customer support assistant of an online store.`,
    `Answer the shopper's question using ONLY the information in the numbered passages. If the passages do not answer it, say you are not sure; never invent policies, prices or dates.`,
    `Tone of voice: ${input.tone}`,
    'Reply in at most three short sentences, in plain text without links or markdown.',
  ].join('\n');
  const passages = input.passages.map((p, i) => `[${i + 1}] ${p.replace(/\s+/g, ' ')}`).join('\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: `Passages:\n${passages}\n\nQuestion: ${input.question}` },
  ];
}

// ── OpenAI-compatible endpoint (OpenAI, or any server speaking POST /chat/completions) ───────────
export interface OpenAiCompatibleOptions {
  /** API root, e.g. https://api.openai.com/v1; the request goes to `${baseUrl}/chat/completions`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** The outbound-URL policy's env (worker/platform/outbound-url.ts): every call is checked by it. */
  outbound: OutboundEnv | object;
}

const chatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable().optional() }) })).min(1),
});

export class OpenAiCompatibleProvider implements LlmProvider {
  constructor(private readonly options: OpenAiCompatibleOptions) {}

  async phrase(input: PhraseInput): Promise<string> {
    const { baseUrl, apiKey, model, timeoutMs, outbound } = this.options;
    const res = await fetchOutbound(outbound, `${baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: buildMessages(input) }),
      timeoutMs,
      signal: input.signal,
    });
    if (!res.ok) {
      // Drain the body so the connection is released; the text is not needed.
      await res.body?.cancel();
      throw new Error(`LLM endpoint answered ${res.status}`);
    }
    const parsed = chatCompletion.parse(await res.json());
    return parsed.choices[0]?.message.content ?? '';
  }
}

// ── Workers AI binding ───────────────────────────────────────────────────────────────────────────
/** The part of the `Ai` binding used here, declared structurally so no binding type is required. */
export interface WorkersAiBinding {
  run(model: string, input: { messages: ChatMessage[] }): Promise<unknown>;
}

/** Used when the configured model is not a Workers AI model id (those start with "@"). */
export const DEFAULT_WORKERS_AI_MODEL = '@cf/meta/llama-3.1-8b-instruct';

const workersAiOutput = z.object({ response: z.string().nullable().optional() });

export class WorkersAiProvider implements LlmProvider {
  constructor(
    private readonly ai: WorkersAiBinding,
    private readonly model: string,
  ) {}

  async phrase(input: PhraseInput): Promise<string> {
    // The binding takes no AbortSignal; `phraseOrNull` stops waiting at the deadline instead.
    const out = await this.ai.run(this.model, { messages: buildMessages(input) });
    return workersAiOutput.parse(out).response ?? '';
  }
}

// ── Choosing and calling a provider ───────────────────────────────────────────────────────────────
export interface LlmEnv {
  /** The platform's endpoint (Worker var) for accounts that do not set their own `llm.baseUrl`. */
  LLM_BASE_URL?: string;
  /** Worker secret for LLM_BASE_URL only (`wrangler secret put LLM_API_KEY`); never sent to a tenant's URL. */
  LLM_API_KEY?: string;
  AI?: WorkersAiBinding;
}

/**
 * The account's provider, or null when phrasing is off or not configured (answers stay deterministic).
 * An account's own `llm.baseUrl` is called with `tenantKey` (the key the account stored for that URL,
 * worker/settings/llm-credentials.ts) and never with the platform's LLM_API_KEY; without a base URL
 * the platform's LLM_BASE_URL and LLM_API_KEY are used. Takes the Worker's whole env (which may have
 * neither binding, hence `object`) and reads the fields it needs after checking their shapes.
 */
export function llmFromEnv(
  settings: AccountSettings,
  env: LlmEnv | object,
  tenantKey: string | null,
): LlmProvider | null {
  const llm = settings.llm;
  if (!llm.enabled) return null;
  const platform = readLlmEnv(env);
  if (llm.provider === 'workers_ai') {
    return platform.AI
      ? new WorkersAiProvider(platform.AI, llm.model.startsWith('@') ? llm.model : DEFAULT_WORKERS_AI_MODEL)
      : null;
  }
  const [baseUrl, apiKey] = llm.baseUrl ? [llm.baseUrl, tenantKey] : [platform.LLM_BASE_URL, platform.LLM_API_KEY];
  if (!baseUrl || !apiKey) return null;
  return new OpenAiCompatibleProvider({ baseUrl, apiKey, model: llm.model, timeoutMs: llm.timeoutMs, outbound: env });
}

function readLlmEnv(env: object): LlmEnv {
  const text = (name: string): string | undefined => {
    const value: unknown = Reflect.get(env, name);
    return typeof value === 'string' && value ? value : undefined;
  };
  const ai: unknown = Reflect.get(env, 'AI');
  const isBinding = (v: unknown): v is WorkersAiBinding =>
    typeof v === 'object' && v !== null && typeof Reflect.get(v, 'run') === 'function';
  return { LLM_BASE_URL: text('LLM_BASE_URL'), LLM_API_KEY: text('LLM_API_KEY'), AI: isBinding(ai) ? ai : undefined };
}

/** Longest phrasing we pass on; anything longer is not the short answer we asked for. */
const MAX_PHRASED_CHARS = 1500;

/** The provider's phrasing, or null on any error, timeout or empty/oversized output. */
export async function phraseOrNull(
  provider: LlmProvider,
  input: Omit<PhraseInput, 'signal'>,
  timeoutMs: number,
): Promise<string | null> {
  const signal = AbortSignal.timeout(timeoutMs);
  // Providers that ignore the signal (the Workers AI binding) still lose the race at the deadline.
  const deadline = new Promise<null>((resolve) =>
    signal.addEventListener('abort', () => resolve(null), { once: true }),
  );
  try {
    const text = await Promise.race([provider.phrase({ ...input, signal }), deadline]);
    const trimmed = text?.trim() ?? '';
    return trimmed && trimmed.length <= MAX_PHRASED_CHARS ? trimmed : null;
  } catch (err) {
    console.warn(
      'LLM phrasing failed; using the deterministic answer:',
      err instanceof Error ? err.message : String(err),
    );
    return null;
  }
}
