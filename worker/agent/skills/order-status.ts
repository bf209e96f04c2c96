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
  /\border\s+(?:status|update|updates|progress|eta)\b/,
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
    `\\b(?:has|have|did|was|is)\\s+(?:my|the)\\s+${THING}\\s+(?:been\\s+)?(?:ship|shipped|sent|arrive|arrived|delivered|dispatched|left|posted|mailed)\\b`,
  ),
  new RegExp(`\\bwhen\\s+(?:will|does|do|is)\\s+(?:my|the)\\s+${THING}\\b`),
  /^(?:(?:and|so|ok|okay|hi|hey|hello)\s+)?(?:my|our)\s+orders?$/,
  /\b(?:check|see|look\s+up|lookup)\s+(?:on\s+)?my\s+orders?\b/,
];
// Besides those phrasings, status is read from features of the whole message (`asksForStatus`): the
// shopper's own order ("my order", "I placed an order", "order #1234"), a word about where it is in
// shipping ("shipped", "on its way", "any news", "hasn't shown up"), time spent waiting ("it's been 10
// days", "still nothing"), and "did you even send it".
const OWN_ORDER = new RegExp(
  `\\b(?:my|our)\\s+(?:online\\s+|recent\\s+|last\\s+|latest\\s+|new\\s+|first\\s+)?${THING}\\b|\\b(?:i|we)\\s+(?:placed|made|put\\s+in|submitted)\\s+(?:an?|my|the|our)\\s+order\\b|^(?:i\\s+|we\\s+)?ordered\\b|\\b(?:i|we)\\s+(?:have\\s+)?ordered\\b|\\border\\s+(?:number\\s+|no\\s+|nr\\s+)?\\d{3,}\\b`,
);
/** Where an order is, asked about the order itself. */
// "My order arrived but…", "it says delivered but…" report what happened (after-sales), so an arrival
// counts only while it is awaited: asked about ("has it arrived"), or with "yet".
const WHERE_IT_IS =
  /\b(?:where|when|track|tracking|status|update|updates|news|eta|estimated|expect|expected|expecting|arrive|arrives|arriving|ship|ships|shipped|sent|dispatched|gone\s+out|went\s+out|on\s+(?:its|the|their)\s+way|receive|show\s+up|shown\s+up|showed\s+up|turn\s+up|turned\s+up|lands?|go\s+through|went\s+through|gone\s+through|processing|happening|going\s+on|progress|longer|posted|mailed|(?:here|arrived|received|come|delivered|left|gone|shipped)\s+yet|still\s+(?:nothing|waiting|(?:has\s+|have\s+|is\s+|are\s+)?not)|not\s+here|gets?\s+here|supposed\s+to|due|late|overdue|delayed|(?:has|have|did|is)\s+(?:it|they)\s+(?:been\s+)?(?:left|shipped|sent|dispatched|gone\s+out|posted|mailed))\b/;
/** Said of a product the shopper waits for ("has my jacket shipped"): only words of shipping count. */
const SHIPPED =
  /\b(?:receive|recieve|ship|ships|shipped|sent|dispatched|gone\s+out|went\s+out|on\s+(?:its|the|their)\s+way|arrive|arrives|arriving|expect|expected|show\s+up|shown\s+up|showed\s+up|turn\s+up|turned\s+up|(?:here|arrived|delivered)\s+yet|track|tracking)\b/;
/** Time spent waiting: "it's been 10 days", "been forever". */
const WAITED =
  /\b(?:been|waited|waiting|after)\s+(?:waiting\s+)?(?:for\s+)?(?:over\s+|more\s+than\s+|almost\s+|nearly\s+|about\s+|like\s+)?(?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few|a\s+few|couple(?:\s+of)?|a\s+couple(?:\s+of)?)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?)\b|\bbeen\s+(?:forever|ages)\b|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+(?:business\s+)?(?:days?|weeks?)\s+ago\b/;
/** Nothing came: "still nothing", "haven't received anything", "no sign of it". */
const NOTHING_YET =
  /\b(?:nothing|still|not\s+yet|no\s+sign|not\s+(?:here|arrived|received|come|shipped)|have\s+not|has\s+not|waiting)\b/;
/** Waiting for a parcel: "still waiting on my stuff", "waiting on a parcel from you". */
const WAITING_FOR = new RegExp(
  `\\bwaiting(?:\\s+\\w+){0,3}?\\s+(?:on|for)\\s+(?:my|the|a|an|our|this|that)\\s+${THING}\\b`,
);
/** "did you even send it", "have you guys shipped my boots". */
const YOU_SENT =
  /\b(?:did|have|has)\s+(?:you|you\s+guys|yall|they)\s+(?:even\s+|actually\s+|already\s+|ever\s+|finally\s+)?(?:send|sent|ship|shipped|dispatch|dispatched|post|posted|mail|mailed)\s+(?:it|them|anything|my|the|out|that|this)\b/;

// These ask what the store allows, or about something else than where the order is (a part that did
// not come is a missing item).
const OTHER_ORDER_TOPICS =
  /\b(?:cancel|cancelling|canceling|change|changing|modify|add|adding|return|returning|returned|refund|refunded|exchange|missing|wrong|damaged|broken|stolen|lost|never|cheapest|cost|costs|price|free|address|part|rest|half|partial|partially)\b/;

/** A status question from features of the whole message (`t` has the shopper's product read as their order). */
function asksForStatus(t: string, withProducts: string): boolean {
  const own = OWN_ORDER.test(t);
  return (
    (own && WHERE_IT_IS.test(t)) ||
    (OWN_ORDER.test(withProducts) && SHIPPED.test(withProducts)) ||
    (WAITED.test(t) && (NOTHING_YET.test(t) || own)) ||
    WAITING_FOR.test(t) ||
    YOU_SENT.test(t)
  );
}
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
  const withProducts = asOrder(input);
  const said = input.query.english;
  if (!(STATUS_QUESTIONS.some((re) => re.test(withProducts)) || asksForStatus(said, withProducts))) return null;
  if (OTHER_ORDER_TOPICS.test(withProducts)) return null;
  // "can I get my order shipped to Toronto": where the store ships, not where the order is.
  if (input.query.groups.some((g) => g.specific) || /\b(?:ship|shipped|send|sent|deliver|delivered)\s+to\b/.test(said))
    return null;
  // "track a package that isn't from you": not one of this store's orders.
  // ("Any news?" asks for the status itself.)
  if (input.query.groups.some((g) => g.offTopic && !WHERE_IT_IS.test(g.surface))) return null;

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
