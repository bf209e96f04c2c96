// The Customer Agent's brain: one shopper message in, one turn out. Escalation rules run first; then
// every skill proposes a reply with a confidence and the most confident one wins. Below the account's
// threshold the agent admits it does not know and offers a person; above it, a topic rule naming one
// of the winner's tags hands the conversation to a person instead of answering. Pure logic over D1: the
// conversation Durable Object owns storage, delivery and the misses counter.
import type { Database } from '../db/client';
import type { ProductCard } from '../protocol/widget';
import type { AccountSettings } from '../settings/schema';
import { detectEscalation, topicEscalation } from './escalation';
import { phraseOrNull, type LlmProvider } from './llm';
import { answerSkill } from './skills/answer';
import { orderStatusSkill } from './skills/order-status';
import { recommendSkill } from './skills/recommend';
import { smalltalkSkill } from './skills/smalltalk';
import type { ArticleSource, ReplyPrompt, SkillInput, SkillName, SkillResult } from './types';

export type { SkillName } from './types';
export type { LlmProvider } from './llm';
export { detectEscalation, topicEscalation } from './escalation';

export interface AgentInput {
  db: Database;
  accountId: string;
  settings: AccountSettings;
  /** The shopper's message. */
  text: string;
  /** Non-null only when the shopper is authenticated (verified identity token). */
  profileId: string | null;
  /** Consecutive replies below the confidence threshold before this message. */
  missesInARow: number;
  /** Optional phrasing provider for knowledge answers; null keeps the agent fully deterministic. */
  llm: LlmProvider | null;
}

export type AgentTurn =
  | { kind: 'escalate'; reason: string; rule: string }
  | {
      kind: 'reply';
      skill: SkillName;
      text: string;
      confidence: number;
      tags: string[];
      cards: ProductCard[];
      missed: boolean;
      prompt: ReplyPrompt;
      /** The knowledge article the reply answers from, or null. */
      source: ArticleSource | null;
    };

// Evaluation order doubles as the tie-break: on equal confidence the more specific skill wins.
const SKILLS: Array<[SkillName, (input: SkillInput) => Promise<SkillResult | null>]> = [
  ['order_status', orderStatusSkill],
  ['recommend', recommendSkill],
  ['answer', answerSkill],
  ['smalltalk', smalltalkSkill],
];

export async function runCustomerAgent(input: AgentInput): Promise<AgentTurn> {
  const { settings } = input;
  const escalation = detectEscalation(input.text, settings, input.missesInARow);
  if (escalation) return { kind: 'escalate', ...escalation };

  const skillInput: SkillInput = { db: input.db, accountId: input.accountId, settings, text: input.text, profileId: input.profileId };
  const results = await Promise.all(SKILLS.map(([name, run]) => runSkill(name, run, skillInput)));
  let best: SkillResult | null = null;
  for (const r of results) if (r && (!best || r.confidence > best.confidence)) best = r;

  if (!best || best.confidence < settings.agent.confidenceThreshold) {
    return {
      kind: 'reply', skill: best?.skill ?? 'answer', confidence: best?.confidence ?? 0, tags: [], cards: [], missed: true, source: null,
      prompt: 'offer_human',
      text: `Sorry, I'm not sure I have the answer to that. I'm ${settings.general.agentName}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.`,
    };
  }

  // A topic the merchant wants people to handle: escalate instead of sending the answer.
  const topical = topicEscalation(best.tags, settings);
  if (topical) return { kind: 'escalate', ...topical };

  let text = best.text;
  if (best.skill === 'answer' && best.phrasing && input.llm) {
    const phrased = await phraseOrNull(
      input.llm,
      { question: input.text, passages: best.phrasing.passages, agentName: settings.general.agentName, tone: settings.agent.toneOfVoice },
      settings.llm.timeoutMs,
    );
    // The article link stays under the phrasing, so the shopper can always check the source.
    if (phrased) text = best.phrasing.link ? `${phrased}\n\n${best.phrasing.link}` : phrased;
  }
  return { kind: 'reply', skill: best.skill, text, confidence: best.confidence, tags: best.tags, cards: best.cards, missed: false, prompt: best.prompt, source: best.source ?? null };
}

/** A failing skill (say, a D1 hiccup) counts as "no answer" instead of failing the whole turn. */
async function runSkill(name: SkillName, run: (input: SkillInput) => Promise<SkillResult | null>, input: SkillInput): Promise<SkillResult | null> {
  try {
    return await run(input);
  } catch (err) {
    console.error(`Customer Agent skill ${name} failed`, err instanceof Error ? err.message : String(err));
    return null;
  }
}
