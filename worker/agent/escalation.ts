// Escalation rules run before any skill: when one fires, the conversation goes to a person and the
// agent does not answer. Order: the shopper asking for a human, the merchant's keyword rules (in the
// order they are listed), urgent words, then repeated misses. Topic rules run after the skills, on
// the winning answer's tags (`topicEscalation`). Disabled rules never fire.
import type { AccountSettings, EscalationRule } from '../settings/schema';
import { toEnglish } from './language/query';
import { hasPhrase, normalized, words } from './text';

export interface EscalationHit {
  /** Shown to the team and recorded on the Conversation Escalated event. */
  reason: string;
  /** The id of the rule that fired ('human_request', 'urgent', 'repeated_misses' for the defaults). */
  rule: string;
}

export const SHOPPER_REQUESTED = 'shopper requested';

const PERSON = '(?:person|human|agent|someone|somebody|representative|rep|operator|manager|supervisor|people|staff)';
const ARTICLE = '(?:(?:a|an|the|your|some|one|of)\\s+)*';
const REAL = '(?:(?:real|live|actual|human)\\s+)?';

// Ways shoppers ask for a person. Matched against the normalised text (lower case, no punctuation).
const HUMAN_REQUEST = [
  new RegExp(`\\b(?:talk|speak|chat)(?:ing)?\\s+(?:to|with)\\s+${ARTICLE}${REAL}${PERSON}s?\\b`),
  /\b(?:real|live|actual)\s+(?:agent|person|human|people|rep|representative)\b/,
  /\brepresentatives?\b/,
  /\bcustomer\s+(?:service|support|care)\s+(?:agent|rep|representative|person|team|people)\b/,
  /\bhuman\s+(?:please|pls|plz|now)\b/,
  new RegExp(
    `\\b(?:want|need|get\\s+me|give\\s+me|connect\\s+me\\s+(?:to|with)|transfer\\s+me\\s+(?:to|with)?|put\\s+me\\s+through\\s+to)\\s+${ARTICLE}${REAL}(?:human|person|agent|operator|representative|rep|manager|supervisor|someone|somebody)\\b`,
  ),
  /^(?:an?\s+)?(?:human|agent|operator|person|representative)(?:\s+(?:please|pls|plz))?$/,
  new RegExp(`\\b(?:can|could|may)\\s+i\\s+(?:get|have)\\s+${ARTICLE}${REAL}${PERSON}\\b`),
  // Verb last, as German and Dutch put it once translated ("mit einem Mitarbeiter sprechen").
  new RegExp(`\\b(?:with|to)\\s+${ARTICLE}${REAL}${PERSON}s?\\s+(?:speak|talk|chat)\\b`),
];

// "Are you a real person?" is a question about the agent (small talk), not a request for one.
const ASKS_WHAT_AGENT_IS = [
  /\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real|human|bot|robot|ai|person|actual)\b/,
  /\bam\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:real|human|bot|robot|ai|person|actual)\b/,
];

/** Also read with chat spelling and other languages in English: "Ich möchte mit einem Mitarbeiter sprechen". */
export function asksForHuman(text: string): boolean {
  return [normalized(text), toEnglish(text)].some(
    (t) => !ASKS_WHAT_AGENT_IS.some((re) => re.test(t)) && HUMAN_REQUEST.some((re) => re.test(t)),
  );
}

export function detectEscalation(text: string, settings: AccountSettings, missesInARow: number): EscalationHit | null {
  const rules = settings.escalation.rules;
  const textWords = words(text);
  const firstKeyword = (rule: EscalationRule) => rule.keywords.find((k) => hasPhrase(textWords, k));

  // The built-in rule cannot be deleted: a document without any human_request rule still has it.
  const humanRules = rules.filter((r) => r.kind === 'human_request');
  const humanActive = humanRules.length === 0 || humanRules.some((r) => r.enabled);
  if (humanActive && asksForHuman(text))
    return { reason: SHOPPER_REQUESTED, rule: humanRules[0]?.id ?? 'human_request' };
  for (const rule of humanRules) {
    if (rule.enabled && firstKeyword(rule)) return { reason: SHOPPER_REQUESTED, rule: rule.id };
  }

  for (const rule of rules) {
    if (rule.kind === 'keywords' && rule.enabled && firstKeyword(rule)) return { reason: rule.name, rule: rule.id };
  }

  for (const rule of rules) {
    if (rule.kind !== 'urgent' || !rule.enabled) continue;
    const word = firstKeyword(rule);
    if (word) return { reason: `urgent: ${word}`, rule: rule.id };
  }

  if (missesInARow >= settings.agent.missesBeforeEscalation) {
    const rule = rules.find((r) => r.kind === 'misses' && r.enabled);
    if (rule) return { reason: rule.name, rule: rule.id };
  }
  return null;
}

/**
 * After the skills: the first enabled `topics` rule (in listed order) naming one of the winning
 * answer's tags, compared case-insensitively. Its reason is the rule's name.
 */
export function topicEscalation(tags: readonly string[], settings: AccountSettings): EscalationHit | null {
  if (!tags.length) return null;
  const answered = new Set(tags.map((t) => t.trim().toLowerCase()));
  for (const rule of settings.escalation.rules) {
    if (rule.kind !== 'topics' || !rule.enabled) continue;
    if ((rule.topics ?? []).some((t) => answered.has(t.trim().toLowerCase())))
      return { reason: rule.name, rule: rule.id };
  }
  return null;
}
