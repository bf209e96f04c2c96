// The `recommend` skill: product picks from the account's catalog snapshot. Categories come from the
// catalog itself (a store selling kayaks needs no code change), the price range from the text, and
// BM25F over title, category and description ranks what is left. Only in-stock products within the
// range are shown, so the cards never claim stock or prices that are not true, and the text does not
// repeat them. A request whose main words the catalog does not know ("bikes", "coffee") gets an
// honest "we don't seem to carry that" instead of unrelated cards.
import type { ProductCard } from '../../protocol/widget';
import type { AnalyzedQuery, TermGroup } from '../language/query';
import { describeRange, inRange } from '../price';
import { coverage, queryTerms, roundConfidence } from '../retrieval/coverage';
import type { ProductRow, StoreIndex } from '../retrieval/snapshot';
import type { SkillInput, SkillResult } from '../types';
import { foldedWords } from '../language/normalize';

const MAX_CARDS = 3;
/** Cards scoring below this share of the best card are left out: fewer, better picks. */
const RELEVANCE_SHARE = 0.4;
/** Below this coverage of the request by the best product, the catalog does not have what was asked. */
const MIN_COVERAGE = 0.5;

// Words that shape the request rather than describe the product.
const NOT_PRODUCT = new Set(
  (
    'recommend recommendation recommendations suggest suggestion suggestions show looking shopping searching market buy purchase find ' +
    'sell carry stock offer cheap cheapest affordable budget under below less cheaper lower beneath than over above between ' +
    'dollars dollar usd bucks max maximum min minimum least price priced cost costs good best great nice option options ' +
    'item items product products pair pairs wanting idea ideas gift something anything need want prefer ' +
    'present presents christmas xmas birthday anniversary stuffer stuffers'
  ).split(' '),
);
const CHEAPEST_FIRST = /\b(?:cheap|cheapest|cheaper|affordable|budget|inexpensive|lowest\s+price|least\s+expensive)\b/;

export async function recommendSkill(input: SkillInput): Promise<SkillResult | null> {
  const { index, intent, range, query } = input;
  if (!index.products.length) return null;
  // Shaping words, also when the shopper said them otherwise ("a present" is a gift).
  // In a gift request, words the catalog never uses describe the person ("who just started running"):
  // what is left is what they like.
  const gift = intent.asked?.kind === 'gift';
  const groups = query.groups.filter(
    (g) =>
      g.kind !== 'filler' &&
      !NOT_PRODUCT.has(g.surface) &&
      !g.terms.every((t) => NOT_PRODUCT.has(t.term)) &&
      (!gift || g.terms.some((t) => index.productIndex.df.has(t.term))),
  );
  const categories = headCategories(input, matchCategories(index, groups));
  const wanted = (p: ProductRow) =>
    p.inStock && inRange(p.priceCents, range) && (!categories.length || categories.includes(p.category));

  let rows: Array<{ p: ProductRow; score: number; doc: number }> = [];
  if (groups.length) {
    rows = index.productIndex
      .search(queryTerms(groups), (doc) => wanted(index.products[doc]!))
      .map((r) => ({ ...r, p: index.products[r.doc]! }));
  } else if (range || categories.length) {
    rows = index.products.map((p, doc) => ({ p, doc, score: 1 })).filter((r) => wanted(r.p));
  }
  const top = rows[0];
  // The thing asked for is the last word before any qualifier ("stoves" in "do you sell camping stoves
  // for winter"); a catalog that never uses it does not carry it, whatever else matches ("camping").
  // Nor does one that only mentions it in descriptions, when nothing asked for is a word of a product's
  // title or category: "sleeping bags" are what the 65L pack has a compartment for, not a product.
  const head = headOf(query, groups);
  const carried = !head || (names(head, index.productIndex.df) && groups.some((g) => names(g, index.productTerms)));
  const fit = top && carried ? (groups.length ? coverage(groups, index.productIndex, top.doc).share : 1) : 0;
  if (!intent.explicitShopping && !intent.namesProduct && !range) return null;
  // A question about an off-topic subject ("what's the weather like on the trail") is not a request for
  // products, even when the catalog's descriptions use its words ("for cold weather"); nor is one about
  // a service the catalog never mentions, whatever product it names ("do you rent tents").
  const offTopic = groups.filter((g) => g.offTopic);
  if (offTopic.length && intent.informational && !intent.explicitShopping) return null;
  if (offTopic.some((g) => !g.terms.some((t) => index.productIndex.df.has(t.term)))) return null;

  // How sure this is a product request at all, then how well the catalog answers it.
  const base = intent.explicitShopping ? 0.55 : intent.namesProduct && !intent.informational ? 0.45 : 0.25;
  const what = categories.length === 1 ? categories[0]! : 'products';
  const priceText = range ? ` ${describeRange(range)}` : '';
  const tags = ['product_recommendation', categories.length === 1 ? categories[0]! : (top?.p.category ?? 'products')];

  // Another kind of a product the store sells ("ski boots": no boot is for skiing) is not carried.
  const otherKind = intent.asked?.kind === 'product' && intent.asked.notCarried && !intent.service;
  // Nothing to show: an honest miss with the offer of a person (the cards are never guessed).
  const notFound = (text: string): SkillResult => ({
    skill: 'recommend',
    confidence: roundConfidence(base * 0.8),
    missed: true,
    tags,
    cards: [],
    prompt: 'offer_human',
    text,
  });
  if (otherKind) {
    const named = intent.asked!.phrase.join(' ');
    return notFound(
      `Sorry, I couldn't find “${named}” in our catalog. We carry ${listOf(index.categories)}. A person on our team can help if you're looking for something specific.`,
    );
  }
  // A named category means the catalog has the thing; otherwise its words must be found.
  if (!top || (!categories.length && fit < MIN_COVERAGE)) {
    const named = categories.length || !groups.length ? what : `“${groups.map((g) => g.surface).join(' ')}”`;
    const carried = categories.length ? '' : ` We carry ${listOf(index.categories)}.`;
    return notFound(
      categories.length
        ? `Sorry, I couldn't find any ${what}${priceText} in stock right now. You can try a different price range, or ask a person on our team.`
        : `Sorry, I couldn't find ${named}${priceText} in our catalog.${carried} A person on our team can help if you're looking for something specific.`,
    );
  }
  const best = rows.filter((r) => r.score >= RELEVANCE_SHARE * top.score);
  if (CHEAPEST_FIRST.test(query.english)) best.sort((a, b) => a.p.priceCents - b.p.priceCents || a.doc - b.doc);
  const cards: ProductCard[] = best.slice(0, MAX_CARDS).map(({ p }) => ({
    id: p.id,
    sku: p.sku,
    title: p.title,
    priceCents: p.priceCents,
    currency: p.currency,
    imageUrl: p.imageUrl,
    url: p.url,
  }));
  const noun = cards.length === 1 ? (what === 'products' ? 'product' : 'option') : what;
  return {
    skill: 'recommend',
    confidence: roundConfidence(base + (0.95 - base) * fit),
    tags,
    cards,
    prompt: 'confirm_resolution',
    text:
      cards.length === 1
        ? `Here is one ${noun}${priceText} you might like:`
        : `Here are ${cards.length} ${noun}${priceText} you might like:`,
  };
}

/**
 * Catalog categories the request names. Every word of a category present ("running shoes") narrows to
 * that category; otherwise the categories whose last word, the noun, is present ("shoes", "boots").
 */
function matchCategories(index: StoreIndex, groups: readonly TermGroup[]): string[] {
  const said = new Set(groups.flatMap((g) => g.terms.map((t) => t.term)));
  const scored = index.categories.map((category) => {
    const parts = foldedWords(category).map((w) => index.stemmer.canon(w));
    const found = parts.filter((p) => said.has(p)).length;
    return {
      category,
      size: parts.length,
      exact: parts.length > 0 && found === parts.length,
      head: said.has(parts[parts.length - 1] ?? ''),
    };
  });
  const exact = scored.filter((s) => s.exact).sort((a, b) => b.size - a.size);
  if (exact[0]) return [exact[0].category];
  return scored.filter((s) => s.head).map((s) => s.category);
}

/**
 * The categories of the thing asked for ("a lightweight tent for backpacking": tents, not the backpacks
 * that "backpacking" also names; "a rain jacket that packs small": jackets); the categories named
 * anywhere when the head names none.
 */
function headCategories(input: SkillInput, named: string[]): string[] {
  const { asked } = input.intent;
  if (!asked || asked.kind !== 'product') return named;
  const { stemmer, categories } = input.index;
  const group = input.query.groups.find((g) => g.surface.split(' ').includes(asked.head));
  const headTerms = new Set([stemmer.canon(asked.head), ...(group?.terms.map((t) => t.term) ?? [])]);
  const ofHead = categories.filter((c) => {
    const words = foldedWords(c);
    return headTerms.has(stemmer.canon(words[words.length - 1] ?? ''));
  });
  return ofHead.length === 1 ? ofHead : named;
}

const QUALIFIER = /\b(?:for|with|under|below|between|that|to|in|on|from|without|like)\b/;

/** The last product word said before the first qualifier, or null when the request names none. */
function headOf(query: AnalyzedQuery, groups: readonly TermGroup[]): TermGroup | null {
  const before = new Set(query.english.split(QUALIFIER)[0]!.split(' '));
  const named = groups.filter((g) => g.surface.split(' ').every((w) => before.has(w)));
  return named[named.length - 1] ?? null;
}

function names(group: TermGroup, vocabulary: ReadonlySet<string> | ReadonlyMap<string, number>): boolean {
  return group.terms.some((t) => vocabulary.has(t.term));
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
