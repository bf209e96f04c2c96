// The Customer Agent's brain: one shopper message in, one turn out.
//   1. Escalation rules (the shopper asks for a person, merchant keywords, urgent words, repeated misses).
//   2. The account's content snapshot: at most ONE D1 query per turn, whatever the question's length,
//      none when the caller read the content version already (retrieval/snapshot.ts); everything after
//      it is scoring in memory.
//   3. The message analysed once (rewrites, spelling, synonyms: language/query.ts) and its intent
//      decided from the whole message (intent.ts) before any skill is believed.
//   4. Skills propose replies; the intent picks which one may answer: a question about returns that
//      names "boots" is answered from the returns article, never with boot cards; a request for a kind
//      the catalog sells gets cards whatever service word qualifies it ("a tent that fits 4"); a request
//      for something neither sold nor written about gets an honest "not sure", never a near article.
//   5. Below the account's confidence threshold the agent says it is not sure and offers a person; a
//      topic rule naming the winner's tags hands over instead of answering. Grounded LLM phrasing is
//      only asked for answers retrieval is sure of, and the reply keeps the source article's link.
// Pure logic over D1: the conversation Durable Object owns storage, delivery and the misses counter.
import type { Database } from '../db/client';
import type { ProductCard } from '../protocol/widget';
import type { AccountSettings } from '../settings/schema';
import { detectEscalation, topicEscalation } from './escalation';
import { classify } from './intent';
import { analyze, synonymTable, type AnalyzedQuery } from './language/query';
import { phraseOrNull, type LlmProvider } from './llm';
import { parsePriceRange } from './price';
import { lexicalRetriever, type Retriever } from './retrieval/retriever';
import { cachedStoreIndex, loadStoreIndex, recentStoreIndex, type StoreIndex } from './retrieval/snapshot';
import { answerSkill } from './skills/answer';
import { orderStatusSkill } from './skills/order-status';
import { recommendSkill } from './skills/recommend';
import { smalltalkSkill } from './skills/smalltalk';
import type { ArticleSource, ReplyPrompt, SkillInput, SkillName, SkillResult } from './types';

export type { SkillName } from './types';
export type { LlmProvider } from './llm';
export type { Retriever } from './retrieval/retriever';
export { retrieverFromEnv } from './retrieval/vectorize';
export { publicOriginOf } from './link';
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
  /** Article retrieval; the lexical retriever unless a semantic one is configured (retrieval/vectorize.ts). */
  retriever?: Retriever;
  /** This deployment's public origin (https://baton.example), for article links when no help centre is set. */
  publicOrigin?: string | null;
  /** The content version the caller read with its own lookup: a snapshot cached at it is used with no D1 read. */
  contentVersion?: number;
  /** With no version: a snapshot whose version this isolate read less than this long ago is used as it is. */
  contentMaxAgeMs?: number;
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

/** A verb or question word: the message is more than a noun phrase. */
const CLAUSE =
  /\b(?:is|are|was|were|do|does|did|can|could|should|would|will|have|has|had|how|what|whats|why|when|where|which|who)\b/;
/** Small talk is only taken when the message is nothing else. */
const SMALLTALK_ONLY = 0.9;
/** LLM phrasing is asked for only this far above the threshold: never to dress up a guess. */
const SURE_MARGIN = 0.15;

/**
 * Throws only when the store's content cannot be read (D1 down): the caller tells the shopper it cannot
 * look things up right now, which is not the agent's miss. Any later failure is a "not sure".
 */
export async function runCustomerAgent(input: AgentInput): Promise<AgentTurn> {
  const escalation = detectEscalation(input.text, input.settings, input.missesInARow);
  if (escalation) return { kind: 'escalate', ...escalation };
  const held =
    input.contentVersion !== undefined
      ? cachedStoreIndex(input.accountId, input.contentVersion)
      : input.contentMaxAgeMs
        ? recentStoreIndex(input.accountId, input.contentMaxAgeMs)
        : null;
  return replyFrom(input, held ?? (await loadStoreIndex(input.db, input.accountId)));
}

/** The turn for a message that escalation rules let through, over an already loaded content snapshot. */
export async function replyFrom(input: AgentInput, index: StoreIndex): Promise<AgentTurn> {
  const { settings } = input;
  let best: SkillResult | null = null;
  try {
    best = await decide(input, index);
  } catch (err) {
    // A D1 hiccup or a bug in a skill is a "not sure" for the shopper, never a failed turn.
    console.error('Customer Agent failed to answer', err instanceof Error ? err.message : String(err));
    best = null;
  }
  const threshold = settings.agent.confidenceThreshold;
  if (!best || best.confidence < threshold || best.missed) {
    return {
      kind: 'reply',
      skill: best?.skill ?? 'answer',
      confidence: best?.confidence ?? 0,
      tags: [],
      cards: [],
      missed: true,
      source: null,
      prompt: 'offer_human',
      // A skill's own honest "we don't carry that" is more useful than the generic line.
      text: best?.missed ? best.text : notSure(settings),
    };
  }

  // A topic the merchant wants people to handle: escalate instead of sending the answer.
  const topical = topicEscalation(best.tags, settings);
  if (topical) return { kind: 'escalate', ...topical };

  let text = best.text;
  if (
    best.skill === 'answer' &&
    best.phrasing &&
    best.source &&
    input.llm &&
    best.confidence >= threshold + SURE_MARGIN
  ) {
    const phrased = await phraseOrNull(
      input.llm,
      {
        question: input.text,
        passages: best.phrasing.passages,
        agentName: settings.general.agentName,
        tone: settings.agent.toneOfVoice,
      },
      settings.llm.timeoutMs,
    );
    // The phrasing cites the article it was grounded in, with its link, so the shopper can check it.
    if (phrased)
      text = `${phrased}\n\nSource: ${best.source.title}${best.phrasing.link ? ` — ${best.phrasing.link}` : ''}`;
  }
  return {
    kind: 'reply',
    skill: best.skill,
    text,
    confidence: best.confidence,
    tags: best.tags,
    cards: best.cards,
    missed: false,
    prompt: best.prompt,
    source: best.source ?? null,
  };
}

/** The one reply the intent allows, or null when nothing applies. */
async function decide(input: AgentInput, index: StoreIndex): Promise<SkillResult | null> {
  const { settings } = input;
  const query = analyze(input.text, index, synonymTable(settings.agent.synonyms));
  const range = parsePriceRange(input.text);
  const ctx: SkillInput = {
    db: input.db,
    accountId: input.accountId,
    settings,
    text: input.text,
    profileId: input.profileId,
    index,
    query,
    range,
    intent: classify(query, index, range !== null),
    retriever: input.retriever ?? lexicalRetriever,
    publicOrigin: input.publicOrigin ?? null,
  };
  const { intent } = ctx;

  const small = await smalltalkSkill(ctx);
  if (small && small.confidence >= SMALLTALK_ONLY) return small;
  const order = await orderStatusSkill(ctx);
  if (order) return order;

  // A task a shop assistant does not do ("help me plan a camping trip"): an honest "not sure", whatever
  // store words it uses.
  if (intent.offTask) return null;
  const [answer, proposed] = await Promise.all([answerSkill(ctx), recommendSkill(ctx)]);
  // How to do something, who did something, what time it is: never answered with cards.
  const picks = intent.howTo || intent.factual ? null : proposed;
  const threshold = settings.agent.confidenceThreshold;
  const confident = (r: SkillResult | null) => r !== null && !r.missed && r.confidence >= threshold;
  const { asked } = intent;
  const serviceWord = (w: string) => query.groups.some((g) => g.role === 'service' && g.surface.split(' ').includes(w));

  // A kind of product asked for in so many words, with no after-sales word in what is asked for:
  // cards, whatever service word qualifies it ("a tent that fits 4 people", "I need a new pair of
  // running shoes, mine are worn out", "any backpacks for school", "socks for cold feet").
  if (
    asked &&
    (asked.kind === 'product' || asked.kind === 'gift') &&
    !asked.notCarried &&
    // A bare noun phrase counts only with no clause of its own: "fleece under a shell, should I size
    // up?" asks about sizing; nor with a defect or return told after it ("a strap on my daypack ripped
    // off" is a warranty matter).
    (asked.framed || (!CLAUSE.test(query.english) && !reportsAfterSales(query))) &&
    !asked.phrase.some(serviceWord) &&
    confident(picks)
  )
    return picks;
  // A request for something that is neither sold nor written about ("recommend a good hiking trail near
  // Denver", "what's the best running app"): the honest "not sure" or "we don't carry that", never an
  // article that shares a place or a modifier with it.
  if (asked?.kind === 'other' && asked.framed && !intent.service) return picks?.missed ? picks : null;
  // Another kind of a product the store sells ("do you sell ski boots"): "we don't carry that".
  if (asked?.kind === 'product' && asked.notCarried && !intent.service) return picks;

  // A price range is the plainest shopping request there is: cards, when the catalog has them.
  if (ctx.range && confident(picks)) return picks;
  // After-sales and policy questions are answered from articles, whatever product they name.
  if (intent.service && !(intent.explicitShopping && !confident(answer) && confident(picks))) return answer ?? small;
  // Asking for products: cards, unless the catalog has nothing and an article does answer ("do you have a store in Vermont").
  if (intent.explicitShopping) return confident(picks) || !confident(answer) ? (picks ?? answer) : answer;
  // Naming a catalog thing with no question around it: cards, or the honest "none in stock / in that range".
  if (
    intent.namesProduct &&
    !intent.informational &&
    picks &&
    (confident(picks) || (picks.missed && !confident(answer)))
  )
    return picks;
  // "How do I…", "can I…": a question about how things work is answered from an article when one is
  // confident, even if it names a product ("how to make my jacket waterproof again").
  if (intent.informational && !intent.weakShopping && confident(answer)) return answer;
  const candidates = [answer, confident(picks) ? picks : null, small].filter((r): r is SkillResult => r !== null);
  return candidates.sort((a, b) => b.confidence - a.confidence)[0] ?? picks;
}

/** After-sales matters a shopper reports about something they have: a defect, a return, a refund. */
const AFTER_SALES = new Set(['defects', 'warranty', 'damaged', 'missing', 'return', 'refund', 'exchange']);

/** Whether the message tells of a defect or asks for a return (by its words or the lexicon's reading of them). */
function reportsAfterSales(query: AnalyzedQuery): boolean {
  return query.groups.some((g) => g.role === 'service' && g.terms.some((t) => AFTER_SALES.has(t.term)));
}

function notSure(settings: AccountSettings): string {
  return `Sorry, I'm not sure I have the answer to that. I'm ${settings.general.agentName}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.`;
}
