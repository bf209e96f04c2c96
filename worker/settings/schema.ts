import { z } from 'zod';
import { handoffSettings } from './handoff';
import { channelSettings } from './channels';
import { fetchTargetUrl, linkUrl } from '../platform/outbound-url';
import { LOCALE_CODES } from '../../widget/locale/codes';

// Per-account settings, stored as one JSON document in `settings.data`. Every section has defaults,
// so an account with an empty document reads as a fully configured store.

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1f6feb');
const origin = z
  .string()
  .url()
  .refine((v) => new URL(v).origin === v, 'Give an origin only, like https://shop.example.com');

export const generalSettings = z.object({
  agentName: z.string().trim().min(1).max(60).default('Baton'),
  greeting: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .default('Hi! I can help with orders, shipping, returns and finding the right product.'),
  /** Set by the avatar upload (POST /api/settings/avatar); any other value must be an http(s) URL. */
  avatarUrl: linkUrl.nullable().default(null),
  brandColor: hexColor.default('#1f6feb'),
  launcherPosition: z.enum(['bottom-right', 'bottom-left']).default('bottom-right'),
  allowedOrigins: z.array(origin).max(20).default([]),
  /** Where the widget sends a shopper to sign in: an absolute http(s) link (no javascript:, data:, //host). */
  signInUrl: linkUrl.nullable().default(null),
  /**
   * The agent name and greeting in other languages, by locale code ("de"): the widget shows them to
   * shoppers whose browser is in that language (either may be left out to keep the default).
   */
  localized: z
    .partialRecord(
      z.enum(LOCALE_CODES),
      z.object({
        agentName: z.string().trim().min(1).max(60).optional(),
        greeting: z.string().trim().min(1).max(500).optional(),
      }),
    )
    .default({}),
});

export const agentSettings = z.object({
  /** Below this confidence a skill's answer counts as a miss. */
  confidenceThreshold: z.number().min(0).max(1).default(0.35),
  /** After this many misses in a row the agent offers a person. */
  missesBeforeEscalation: z.number().int().min(1).max(10).default(2),
  /** Minutes without a shopper message after which an answered, never-escalated conversation resolves. */
  idleResolveMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  toneOfVoice: z.string().max(500).default('Friendly, concise and helpful.'),
  /**
   * The merchant's help centre (absolute http(s) URL). Answers link their article there: an article's
   * relative path resolves against it. Null: links go to Baton's public article page.
   */
  helpCenterUrl: z
    .url({ protocol: /^https?$/, error: 'Use an http(s) URL like https://shop.example.com/help' })
    .max(500)
    .nullable()
    .default(null),
  /**
   * Store-specific synonyms: each group lists words or phrases shoppers use for the same thing
   * (["rain shell", "waterproof jacket"]). Added to the built-in commerce lexicon when searching.
   */
  synonyms: z
    .array(z.array(z.string().trim().min(1).max(60)).min(2).max(20))
    .max(200)
    .default([]),
  /**
   * Article retrieval: "lexical" (BM25F, offline, the default) or "semantic" (Workers AI embeddings in
   * Vectorize; needs the AI and ARTICLE_VECTORS bindings, else lexical is used). See worker/agent/retrieval/vectorize.ts.
   */
  retriever: z.enum(['lexical', 'semantic']).default('lexical'),
});

export const ESCALATION_RULE_KINDS = ['keywords', 'topics', 'urgent', 'misses', 'human_request'] as const;

export const escalationRule = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  /**
   * human_request: the shopper asks for a person (built-in phrases, plus any keywords here);
   * keywords / urgent: any listed word or phrase in the message; misses: repeated low-confidence replies;
   * topics: the agent's best answer is about one of `topics` (its skill's tags, e.g. an article's topic).
   */
  kind: z.enum(ESCALATION_RULE_KINDS),
  keywords: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** For `topics` rules (compared case-insensitively); optional so documents from before it stay valid. */
  topics: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  enabled: z.boolean().default(true),
  /** Shipped with every account; the settings UI may disable it but not delete it. */
  builtIn: z.boolean().default(false),
});

export const URGENT_KEYWORDS: readonly string[] = [
  'chargeback',
  'lawyer',
  'attorney',
  'fraud',
  'scam',
  'stolen card',
  'legal action',
  'lawsuit',
];

/** A fresh copy each time, so no parsed document shares (and could mutate) the defaults. */
export function defaultEscalationRules(): EscalationRule[] {
  return [
    {
      id: 'human_request',
      name: 'Shopper asks for a human',
      kind: 'human_request',
      keywords: [],
      enabled: true,
      builtIn: true,
    },
    {
      id: 'urgent',
      name: 'Urgent issues',
      kind: 'urgent',
      keywords: [...URGENT_KEYWORDS],
      enabled: true,
      builtIn: false,
    },
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

/**
 * Optional LLM phrasing of answers. No key is stored here: without `baseUrl` the platform's endpoint and
 * key (Worker config) are used; an account's own `baseUrl` needs its own key, stored sealed beside it
 * (worker/settings/llm-credentials.ts).
 */
export const llmSettings = z.object({
  enabled: z.boolean().default(false),
  provider: z.enum(['openai_compatible', 'workers_ai']).default('openai_compatible'),
  /** For openai_compatible: the API root, e.g. https://api.openai.com/v1 (we POST to `${baseUrl}/chat/completions`). */
  baseUrl: fetchTargetUrl.pipe(z.string().max(500)).nullable().default(null),
  model: z.string().trim().min(1).max(200).default('gpt-4o-mini'),
  timeoutMs: z.number().int().min(100).max(30_000).default(4000),
});

// ── Inbox assignment (docs: README "Assignment") ───────────────────────────────────────────────

/** Round robin hands each new Inbox ticket to the next Online agent; Owner/Admin/Manager switch it. */
export const roundRobinSettings = z.object({
  enabled: z.boolean().default(true),
  /**
   * Web-chat tickets that arrived outside office hours wait in Unassigned. When this is on, the ones
   * still unassigned are handed out by round robin, oldest first, once office hours open.
   */
  afterHoursBacklog: z.boolean().default(false),
});

const clockTime = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use 24-hour time like 09:00 (24:00 for midnight at the end of a day)');
const openInterval = z
  .object({ start: clockTime, end: clockTime })
  .refine((i) => i.start < i.end, 'start must be before end');
const daySchedule = z.array(openInterval).max(4);
const nineToFive = () => [{ start: '09:00', end: '17:00' }];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When web chat is staffed. Off (the default) means no hours are set and web chat is treated as
 * always open; other channels never depend on office hours.
 */
export const officeHoursSettings = z.object({
  enabled: z.boolean().default(false),
  timezone: z.string().max(64).refine(isTimeZone, 'Use an IANA time zone like Europe/Berlin').default('UTC'),
  weekly: z
    .object({
      mon: daySchedule.default(nineToFive),
      tue: daySchedule.default(nineToFive),
      wed: daySchedule.default(nineToFive),
      thu: daySchedule.default(nineToFive),
      fri: daySchedule.default(nineToFive),
      sat: daySchedule.default([]),
      sun: daySchedule.default([]),
    })
    .default(() => ({
      mon: nineToFive(),
      tue: nineToFive(),
      wed: nineToFive(),
      thu: nineToFive(),
      fri: nineToFive(),
      sat: [],
      sun: [],
    })),
  /** Whole days closed, as local dates (YYYY-MM-DD) in `timezone`. */
  holidays: z.array(z.iso.date()).max(100).default([]),
});

// Documents saved before the URL policy may hold URLs it refuses: they read as null (never served to
// a shopper or fetched); every write goes through the strict section schemas above.
const storedGeneral = generalSettings.extend({
  avatarUrl: generalSettings.shape.avatarUrl.catch(null),
  signInUrl: generalSettings.shape.signInUrl.catch(null),
});
const storedLlm = llmSettings.extend({ baseUrl: llmSettings.shape.baseUrl.catch(null) });

const firstResponseMinutes = z
  .number({ message: 'firstResponseMinutes must be a whole number of minutes' })
  .int('firstResponseMinutes must be a whole number of minutes')
  .min(5, 'firstResponseMinutes must be at least 5')
  .max(7 * 24 * 60, 'firstResponseMinutes must be at most 10080 (7 days)');

/** Service level: the first teammate reply is due this many open minutes (office hours) after a ticket arrives. */
export const slaSettings = z.object({ firstResponseMinutes: firstResponseMinutes.default(60) });
/** What PUT /api/settings/sla takes: the target is required (no silent default on a write). */
export const slaInput = z.strictObject({ firstResponseMinutes });

export const accountSettings = z.object({
  general: storedGeneral.default(storedGeneral.parse({})),
  agent: agentSettings.default(agentSettings.parse({})),
  escalation: escalationSettings.default(() => escalationSettings.parse({})),
  llm: storedLlm.default(() => storedLlm.parse({})),
  handoff: handoffSettings.default(() => handoffSettings.parse({})),
  roundRobin: roundRobinSettings.default(() => roundRobinSettings.parse({})),
  officeHours: officeHoursSettings.default(() => officeHoursSettings.parse({})),
  sla: slaSettings.default(() => slaSettings.parse({})),
  channels: channelSettings.default(() => channelSettings.parse({})),
});

export type AccountSettings = z.infer<typeof accountSettings>;
export type GeneralSettings = z.infer<typeof generalSettings>;
export type EscalationRule = z.infer<typeof escalationRule>;
export type EscalationSettings = z.infer<typeof escalationSettings>;
export type LlmSettings = z.infer<typeof llmSettings>;
export type RoundRobinSettings = z.infer<typeof roundRobinSettings>;
export type OfficeHoursSettings = z.infer<typeof officeHoursSettings>;
export type SlaSettings = z.infer<typeof slaSettings>;
