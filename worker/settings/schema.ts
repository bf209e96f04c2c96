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

export const accountSettings = z.object({
  general: generalSettings.default(generalSettings.parse({})),
  agent: agentSettings.default(agentSettings.parse({})),
});

export type AccountSettings = z.infer<typeof accountSettings>;
export type GeneralSettings = z.infer<typeof generalSettings>;
