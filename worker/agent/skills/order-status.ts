// The `order_status` skill: "where is my order?". Orders are personal, so they are only ever read for
// an authenticated shopper (profileId comes from a verified identity token) and only that profile's
// orders in this account. Anonymous shoppers get the store's tracking answer (its article on tracking,
// when there is one) and the offer to sign in for their own order. Changing, cancelling or returning
// an order is a policy question, left to the answer skill. Patterns read the rewritten English words,
// so "¿dónde está mi pedido?" and "wo ist meine Bestellung" are status questions too.
import { and, desc, eq } from 'drizzle-orm';
import { orders } from '../../db/schema';
import type { SkillInput, SkillResult } from '../types';
import { longDate, money } from '../format';
import { articleLink } from '../link';
import { analyze } from '../language/query';
import { bestPassage } from './answer';

const THING = '(?:order|orders|package|packages|parcel|parcels|delivery|shipment|stuff|purchase|things|items)';
const STATUS_QUESTIONS = [
  new RegExp(`\\bwhere\\s+(?:is|are|s)?\\s*(?:my|the)\\s+${THING}\\b`),
  new RegExp(`\\bwheres\\s+(?:my|the)\\s+${THING}\\b`),
  /\border\s+status\b/,
  new RegExp(
    `\\b(?:any|an)\\s+(?:update|updates|news|word)\\s+(?:on|about|for|with)\\s+(?:when\\s+)?(?:my|the)\\s+${THING}\\b`,
  ),
  new RegExp(`\\bwhen\\s+(?:my|the)\\s+${THING}\\s+(?:will|is\\s+going\\s+to)\\s+(?:arrive|come|ship|get\\s+here)\\b`),
  new RegExp(
    `\\b(?:did|have|has)\\s+(?:you|they)\\s+(?:send|sent|ship|shipped|dispatch|dispatched|post|posted|mail|mailed)\\s+(?:out\\s+)?(?:my|the)\\s+${THING}\\b`,
  ),
  new RegExp(`\\b(?:has|have)\\s+(?:been\\s+)?(?:shipped|sent|dispatched)\\s+(?:my|the)\\s+${THING}\\b`),
  /\b(?:status\s+of\s+)?order\s+(?:number\s+|no\s+)?\d{3,}\b/,
  new RegExp(`\\b(?:is|are)\\s+(?:my|the)\\s+${THING}\\s+(?:on\\s+(?:its|their|the)\\s+way|coming|out)\\b`),
  new RegExp(`\\bhow\\s+is\\s+my\\s+${THING}\\b`),
  /\bstatus\s+of\s+(?:my\s+|the\s+)?(?:order|orders|package|parcel|delivery|shipment)\b/,
  /\bdelivery\s+status\b/,
  new RegExp(`\\btrack(?:ing)?\\b.*\\b${THING}\\b`),
  new RegExp(`\\b${THING}\\b.*\\btrack(?:ing)?\\b`),
  new RegExp(
    `\\b(?:has|have|did|was|is)\\s+(?:my|the)\\s+${THING}\\s+(?:been\\s+)?(?:ship|shipped|sent|arrive|arrived|delivered|dispatched|left)\\b`,
  ),
  new RegExp(`\\bwhen\\s+(?:will|does|do|is)\\s+(?:my|the)\\s+${THING}\\b`),
  /^(?:(?:and|so|ok|okay|hi|hey|hello)\s+)?(?:my|our)\s+orders?$/,
  /\b(?:check|see|look\s+up|lookup)\s+(?:on\s+)?my\s+orders?\b/,
];
// These ask what the store allows, not where a parcel is.
const OTHER_ORDER_TOPICS =
  /\b(?:cancel|cancelling|canceling|change|changing|modify|add|adding|return|returning|refund|exchange|missing|wrong|damaged|stolen|lost|never|cheapest|cost|costs|price|free)\b/;
/** The question the tracking article is found with, for anonymous shoppers. */
const TRACKING_QUESTION = 'how do I track my order and see tracking';

interface OrderItem {
  title?: unknown;
}

/**
 * The message with a product the shopper is waiting for read as their order: "has my jacket shipped",
 * "when will my boots arrive" are status questions like "has my order shipped".
 */
function asOrder(input: SkillInput): string {
  const w = input.query.words;
  const { productTerms, stemmer } = input.index;
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) {
    out.push(w[i]!);
    if (w[i] !== 'my') continue;
    let j = i + 1;
    while (j < w.length && j <= i + 3 && productTerms.has(stemmer.canon(w[j]!))) j++;
    if (j > i + 1) {
      out.push('order');
      i = j - 1;
    }
  }
  return out.join(' ');
}

export async function orderStatusSkill(input: SkillInput): Promise<SkillResult | null> {
  const t = asOrder(input);
  if (!STATUS_QUESTIONS.some((re) => re.test(t)) || OTHER_ORDER_TOPICS.test(t)) return null;
  // "track a package that isn't from you": not one of this store's orders.
  if (input.query.groups.some((g) => g.offTopic)) return null;

  if (!input.profileId) return anonymousAnswer(input);

  const recent = await input.db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, input.accountId), eq(orders.profileId, input.profileId)))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(3);
  const [latest, ...older] = recent;
  if (!latest) {
    return {
      skill: 'order_status',
      confidence: 0.85,
      tags: ['orders'],
      cards: [],
      prompt: 'offer_human',
      text: `I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.`,
    };
  }
  const lines = [
    `Your most recent order, #${latest.externalId}, was placed on ${longDate(latest.placedAt)} ${describeStatus(latest.status)}. Total: ${money(latest.totalCents, latest.currency)}.`,
  ];
  const items = itemTitles(latest.items);
  if (items) lines.push(`It contains ${items}.`);
  if (older.length) {
    lines.push(
      `Earlier orders: ${older.map((o) => `#${o.externalId} (${longDate(o.placedAt)}, ${o.status.replace(/_/g, ' ')})`).join('; ')}.`,
    );
  }
  return {
    skill: 'order_status',
    confidence: 0.9,
    tags: ['orders'],
    cards: [],
    prompt: 'confirm_resolution',
    text: lines.join(' '),
  };
}

/** The store's tracking answer, then the offer to sign in so the agent can look up their own order. */
async function anonymousAnswer(input: SkillInput): Promise<SkillResult> {
  const signIn = input.settings.general.signInUrl;
  const offer = signIn
    ? `I can look up your own order once you're signed in: please sign in at ${signIn}, then ask me again.`
    : `I can look up your own order once you're signed in: please sign in to your account on this store, then ask me again.`;
  const tracking = analyze(TRACKING_QUESTION, input.index);
  const [hit] = await input.retriever.searchArticles(tracking, input.index, 1);
  if (!hit || hit.confidence < 0.5)
    return { skill: 'order_status', confidence: 0.9, tags: ['orders'], cards: [], prompt: null, text: offer };
  const source = { id: hit.article.id, title: hit.article.title, url: hit.article.url };
  const link = articleLink(source, input.settings.agent.helpCenterUrl, input.publicOrigin);
  const passage = bestPassage(input.index, hit.doc, tracking.groups) || hit.article.body;
  return {
    skill: 'order_status',
    confidence: 0.9,
    tags: ['orders'],
    cards: [],
    prompt: null,
    source,
    text: [passage, offer, link ? `More: ${link}` : ''].filter(Boolean).join('\n\n'),
  };
}

function describeStatus(status: string): string {
  switch (status.toLowerCase()) {
    case 'pending':
    case 'processing':
    case 'paid':
    case 'unfulfilled':
      return 'and is being prepared for shipping';
    case 'shipped':
    case 'fulfilled':
    case 'in_transit':
      return 'and has shipped';
    case 'out_for_delivery':
      return 'and is out for delivery';
    case 'delivered':
      return 'and has been delivered';
    case 'cancelled':
    case 'canceled':
      return 'and was cancelled';
    case 'refunded':
      return 'and was refunded';
    default:
      return `and its status is "${status.replace(/_/g, ' ')}"`;
  }
}

/** "Swift Road Running Shoe and Merino Hiking Socks", from the stored item list when it has titles. */
function itemTitles(items: unknown): string | null {
  if (!Array.isArray(items)) return null;
  const titles = items
    .map((i: unknown) => (typeof i === 'object' && i !== null ? (i as OrderItem).title : undefined))
    .filter((x): x is string => typeof x === 'string' && x.length > 0)
    .slice(0, 3);
  if (!titles.length) return null;
  return titles.length === 1 ? titles[0]! : `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}
