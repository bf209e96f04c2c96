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

// Ways shoppers ask for a person, as word classes over the normalised text (lower case, no
// punctuation) and its English rewrite (chat spelling, other languages): a request verb and a person
// noun in one clause, in either order, or a person noun alone.
/** Someone on the store's side: a person, a role, or the team as a whole. */
const PERSON =
  '(?:person|persons|people|human|humans|human\\s+being|agent|agents|someone|somebody|some\\s+one|anyone|anybody|representative|representatives|rep|reps|' +
  'operator|operators|manager|supervisor|staff|staff\\s+member|employee|employees|advisor|adviser|consultant|' +
  'customer\\s+(?:service|support|care|services)(?:\\s+(?:team|agent|person|people|rep|representative|department))?|' +
  '(?:support|service|sales|help\\s*desk|helpdesk)\\s+(?:team|agent|staff|department|desk)|your\\s+team|the\\s+team|team\\s+member|' +
  // other languages, where the lexicon has no English word for them
  'iemand|alguien|quelqu\\s+un|quelquun|jemand|jemandem|jemanden|qualcuno|alguem|conseiller|conseillere|humano|humain|umano|vendedor|verkaufer)';
const ARTICLE = '(?:(?:a|an|the|your|some|one|of|any|to|with|from)\\s+)*';
const REAL = '(?:(?:real|live|actual|human|proper|flesh\\s+and\\s+blood)\\s+)?';
const WHO = `${ARTICLE}${REAL}${PERSON}(?:\\s+(?:real|here|else|in\\s+person))?`;
/** The person is what is asked for, not a word qualifying it ("a staff discount", "an agent name"). */
const ENDS =
  '(?=\\s+(?:please|pls|plz|now|asap|quickly|to|who|that|about|regarding|on|over|for|from|at|in|i|and|or|so|because|here|instead|right|today|straight|already|again|ok|okay|thanks|thank|via|by|through|\\w+ly)\\b|$)';
/** Reaching someone, in the present: "talked to someone at the store" is a story, not a request. */
const REACH =
  '(?:talk|speak|chat|converse|deal|connect|transfer|put\\s+me\\s+through|pass\\s+me|hand\\s+me\\s+(?:over|off)|forward\\s+me|reach|contact|escalate\\s+(?:this|me|it))';
/** What the shopper asks for, in the first person: "I need a human", "can I get an agent". */
const ASK =
  // "do I need someone to sign for it" asks what is required, not for a person.
  '(?:(?<!\\b(?:do|does|did|will|would|should|must)\\s+)(?:i|we)\\s+(?:really\\s+|just\\s+)?(?:want|need|would\\s+like|d\\s+like|would\\s+rather|d\\s+rather|demand|prefer)(?:\\s+to\\s+(?:talk|speak|chat|deal)\\s+(?:to|with))?|' +
  '(?:can|could|may)\\s+(?:i|we)\\s+(?:get|have|please\\s+have|please\\s+get)|get\\s+me|(?:^|please\\s+|just\\s+|now\\s+)get|give\\s+me|find\\s+me|send\\s+me|let\\s+me\\s+have|bring\\s+me)';

const HUMAN_REQUEST = [
  // "talk to a human", "connect me with customer service", "let me chat with a live agent"
  new RegExp(`\\b${REACH}(?:ing)?\\s+(?:me\\s+)?(?:(?:to|with)\\s+)?${WHO}s?${ENDS}`),
  // "I want a human", "can I get a real person", "get me someone"
  new RegExp(`\\b${ASK}\\s+${WHO}${ENDS}`),
  // "is there a person I can talk to", "anyone I could speak with"
  new RegExp(`\\b${WHO}\\s+(?:that\\s+|who\\s+)?(?:i|we)\\s+(?:can|could|may)\\s+(?:talk|speak|chat)\\b`),
  // "can a human help me" (not "can someone help me find a tent": anyone may help), "could someone call me"
  new RegExp(
    `\\b(?:can|could|would|will)\\s+(?!(?:someone|somebody|anyone)\\b)${WHO}(?:\\s+from\\s+${WHO})?\\s+(?:please\\s+)?(?:help|assist|take\\s+over|look\\s+into)\\b`,
  ),
  new RegExp(
    `\\b(?:can|could|would|will)\\s+${WHO}(?:\\s+from\\s+${WHO})?\\s+(?:please\\s+)?(?:call|ring|phone|contact|email|get\\s+back|reach\\s+out)\\b`,
  ),
  // "get someone from your team to call me"
  new RegExp(`\\b${WHO}(?:\\s+from\\s+${WHO})?\\s+to\\s+(?:call|ring|phone|contact|email|help)\\s+me\\b`),
  // "is anyone from customer support available"
  new RegExp(`\\b(?:is|are)\\s+${WHO}(?:\\s+from\\s+${WHO})?\\s+(?:available|free|online|around\\s+to\\s+help)\\b`),
  // Verb last, as German and Dutch put it once translated ("mit einem Mitarbeiter sprechen", "iemand spreken").
  new RegExp(`\\b${WHO}s?\\s+(?:speak|talk|chat)(?:\\s+(?:please|bitte|now))?$`),
  /\bescalate\b/,
  // "who can I talk to about my order": asking whom to reach is asking for them.
  /\bwho\s+(?:can|could|should|do)\s+i\s+(?:talk|speak|chat|reach|contact)\b/,
  // "pass me to support", "put me through to the help desk"
  /\b(?:pass|transfer|put|send|forward|connect|hand)\s+(?:me|this|it)\s+(?:(?:over|through|on)\s+)?(?:to|with)\s+(?:the\s+|your\s+)?(?:support|help\s*desk|service\s+desk|team)\b/,
  new RegExp(`^(?:please\\s+)?${WHO}(?:\\s+(?:please|pls|plz|now|asap|quickly|right\\s+now|needed))*$`),
];

// "Are you a real person?" is a question about the agent (small talk), not a request for one: the
// question is set aside, and what is left may still ask for a person ("are you a bot? get me a human").
const ABOUT_THE_AGENT = new RegExp(
  `\\b(?:(?:are|r)\\s+(?:you|u)|am\\s+i\\s+(?:talking|speaking|chatting)\\s+(?:to|with)|is\\s+this)\\s+(?:a\\s+|an\\s+)?(?:(?:real|actual|live)\\s+)?(?:${PERSON}|bot|robot|ai|machine|computer|chatbot)?(?:\\s+(?:being|person))?\\b`,
  'g',
);

/** Also read with chat spelling and other languages in English: "Ich möchte mit einem Mitarbeiter sprechen". */
export function asksForHuman(text: string): boolean {
  // Each sentence or clause on its own as well: "no more bot answers. human please".
  const clauses = text.split(/[.!?;,\n]+/).filter((c) => c.trim() && c.length < text.length);
  return [text, ...clauses]
    .flatMap((c) => [normalized(c), toEnglish(c)])
    .some((t) => {
      const rest = t.replace(ABOUT_THE_AGENT, ' ').replace(/\s+/g, ' ').trim();
      return HUMAN_REQUEST.some((re) => re.test(rest));
    });
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
