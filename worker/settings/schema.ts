import { z } from 'zod';

// Per-account settings, stored as one JSON document in `settings.data`. Every section has defaults,
// so an account with an empty document reads as a fully configured store.

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f6feb');
const origin = z
  .string()
  .url()
  .refine((v) => new URL(v).origin === v, 'Give an origin only, like https://shop.example.com');

export const generalSettings = z.object({
  agentName: z.string().trim().min(1).max(60).default('Baton'),
  greeting: z.string().trim().min(1).max(500).default('Hi! I can help with orders, shipping, returns and finding the right product.'),
  avatarUrl: z.string().max(500).nullable().default(null),
  brandColor: hexColor.default('#1f6feb'),
  launcherPosition: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
  allowedOrigins: z.array(origin).max(20).default([]),
  signInUrl: z.string().url().nullable().default(null),
});

export const agentSettings = z.object({
  /** Below this confidence a skill's answer counts as a miss. */
  confidenceThreshold: z.number().min(0).max(1).default(0.35),
  /** After this many misses in a row the agent offers a person. */
  missesBeforeEscalation: z.number().int().min(1).max(10).default(2),
  /** Minutes without a shopper message after which an answered, never-escalated conversation resolves. */
  idleResolveMinutes: z.number().int().min(1).max(24 * 60).default(30),
  toneOfVoice: z.string().max(500).default('Friendly, concise and helpful.'),
});

export const ESCALATION_RULE_KINDS = ['keywords', 'urgent', 'misses', 'human_request'] as const;

export const escalationRule = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  /**
   * human_request: the shopper asks for a person (built-in phrases, plus any keywords here);
   * keywords / urgent: any listed word or phrase in the message; misses: repeated low-confidence replies.
   */
  kind: z.enum(ESCALATION_RULE_KINDS),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  enabled: z.boolean().default(true),
  /** Shipped with every account; the settings UI may disable it but not delete it. */
  builtIn: z.boolean().default(false),
});

export const URGENT_KEYWORDS: readonly string[] = ['chargeback', 'lawyer', 'attorney', 'fraud', 'scam', 'stolen card', 'legal action', 'lawsuit'];

/** A fresh copy each time, so no parsed document shares (and could mutate) the defaults. */
export function defaultEscalationRules(): EscalationRule[] {
  return [
    { id: 'human_request', name: 'Shopper asks for a human', kind: 'human_request', keywords: [], enabled: true, builtIn: true },
    { id: 'urgent', name: 'Urgent issues', kind: 'urgent', keywords: [...URGENT_KEYWORDS], enabled: true, builtIn: false },
    { id: 'repeated_misses', name: 'Repeated misses', kind: 'misses', keywords: [], enabled: true, builtIn: false },
  ];
}

export const escalationSettings = z.object({
  rules: z
    .array(escalationRule)
    .max(50)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'Rule ids must be unique')
    .default(defaultEscalationRules),
});

/** Optional LLM phrasing of answers. The API key is a Worker secret (LLM_API_KEY), never stored here. */
export const llmSettings = z.object({
  enabled: z.boolean().default(false),
  provider: z.enum(['openai_compatible', 'workers_ai']).default('openai_compatible'),
  /** For openai_compatible: the API root, e.g. https://api.openai.com/v1 (we POST to `${baseUrl}/chat/completions`). */
  baseUrl: z.string().url().max(500).nullable().default(null),
  model: z.string().trim().min(1).max(200).default('gpt-4o-mini'),
  timeoutMs: z.number().int().min(100).max(30_000).default(4000),
});

export const accountSettings = z.object({
  general: generalSettings.default(generalSettings.parse({})),
  agent: agentSettings.default(agentSettings.parse({})),
  escalation: escalationSettings.default(() => escalationSettings.parse({})),
  llm: llmSettings.default(() => llmSettings.parse({})),
});

export type AccountSettings = z.infer<typeof accountSettings>;
export type GeneralSettings = z.infer<typeof generalSettings>;
export type EscalationRule = z.infer<typeof escalationRule>;
export type EscalationSettings = z.infer<typeof escalationSettings>;
export type LlmSettings = z.infer<typeof llmSettings>;
