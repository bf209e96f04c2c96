// The retriever interface the answer skill talks to, and the default lexical implementation: BM25F
// ranks the account's articles, then the best few are re-ranked by coverage of the question, which is
// also the base of the answer's confidence. A semantic retriever (vectorize.ts) implements the same
// interface.
import { PRODUCT_FAMILIES } from '../language/lexicon';
import type { AnalyzedQuery } from '../language/query';
import { confidenceOf, coverage, groupWeight, queryTerms } from './coverage';
import { decideSiblings } from './siblings';
import type { ArticleRow, StoreIndex } from './snapshot';

/** Share of the question's weight (filler aside) found in the article's title or topic field. */
function titleShare(query: AnalyzedQuery, index: StoreIndex, doc: number): number {
  const inHead = (term: string) => {
    const fields = index.articleIndex.fieldsOf(doc, term);
    return fields !== undefined && ((fields[0] ?? 0) > 0 || (fields[1] ?? 0) > 0);
  };
  let total = 0;
  let found = 0;
  for (const g of query.groups) {
    if (g.kind === 'filler') continue;
    const w = groupWeight(g, index.articleIndex);
    total += w;
    if (g.terms.some((t) => inHead(t.term))) found += w;
  }
  return total > 0 ? found / total : 0;
}

/**
 * How much the article's body talks about what the question asks: per thing said, the rarity-weighted
 * log count of its best term in the body. Title and topic saturate BM25 for sibling articles of one
 * topic ("Returns and exchanges", "Returning a gift" both say "return" in title and topic); the body
 * that keeps using the question's words is the one about it.
 */
function bodyFocus(query: AnalyzedQuery, index: StoreIndex, doc: number): number {
  let focus = 0;
  for (const g of query.groups) {
    if (g.kind === 'filler') continue;
    let best = 0;
    for (const t of g.terms)
      best = Math.max(best, t.weight * Math.log1p(index.articleIndex.fieldsOf(doc, t.term)?.[2] ?? 0));
    focus += best * groupWeight(g, index.articleIndex);
  }
  return focus;
}

/** How many consecutive group pairs of the question occur as adjacent terms in the document. */
function adjacentPairs(query: AnalyzedQuery, bigrams: ReadonlySet<string> | undefined): number {
  if (!bigrams) return 0;
  let n = 0;
  const groups = query.groups.filter((g) => g.kind !== 'filler');
  for (let i = 1; i < groups.length; i++) {
    const found = groups[i - 1]!.terms.some((a) => groups[i]!.terms.some((b) => bigrams.has(`${a.term} ${b.term}`)));
    if (found) n++;
  }
  return n;
}

/**
 * Whether the article names one of the products the question's after-sales matter is about: the
 * product word itself, or its catalog category ("fleece" is a jacket). Null when the question names no
 * product or the article names no kind of product (a policy for all of them).
 */
function namesObject(query: AnalyzedQuery, index: StoreIndex, doc: number): boolean | null {
  const objects = query.groups.filter((g) => g.role === 'object');
  if (!objects.length || !index.namesCatalog[doc]) return null;
  const has = (term: string) => index.articleIndex.has(doc, term);
  // A kind of the same family counts too: the boots care article is about footwear like running shoes.
  const relatives = (term: string) => {
    const family = PRODUCT_FAMILIES.get(term);
    return family ? index.kinds.map((k) => k[k.length - 1]!).filter((n) => PRODUCT_FAMILIES.get(n) === family) : [];
  };
  return objects.some((g) =>
    g.terms.some((t) => has(t.term) || (index.kindOf.get(t.term) ?? []).some(has) || relatives(t.term).some(has)),
  );
}

export interface ArticleHit {
  article: ArticleRow;
  /** Position of the article in the snapshot (for sentence selection). */
  doc: number;
  /** How sure the retriever is that the article answers the question, in [0, 1] (calibrated). */
  confidence: number;
}

export interface Retriever {
  readonly name: string;
  /** The best articles for the question, best first. */
  searchArticles(query: AnalyzedQuery, index: StoreIndex, limit: number): Promise<ArticleHit[]>;
}

/** How many BM25 candidates are re-ranked by coverage. */
const RERANK = 8;
/** How much the BM25 score (relative to the best) counts next to coverage when re-ranking. */
const SCORE_SHARE = 0.15;
/** How much the share of the question found in the article's title or topic counts when re-ranking. */
const TITLE_SHARE = 0.4;
/** How much body focus (relative to the best candidate's) counts: a tie-breaker between siblings. */
const FOCUS_SHARE = 0.1;
/** Bonus per pair of consecutive things the shopper said found side by side in the article ("express delivery"). */
const PROXIMITY_BONUS = 0.08;
/**
 * What is left of the confidence of an article about other products than the question's when a sibling
 * article of the same topic is about them ("are your boots true to size": the shoe guide, not the
 * apparel chart; "my fleece seam split": the apparel warranty, not the footwear one).
 */
const OTHER_PRODUCTS_FACTOR = 0.5;

export const lexicalRetriever: Retriever = {
  name: 'lexical',
  async searchArticles(query, index, limit) {
    const ranked = index.articleIndex.search(queryTerms(query.groups)).slice(0, RERANK);
    const top = ranked[0]?.score ?? 1;
    const focus = ranked.map((r) => bodyFocus(query, index, r.doc));
    const topFocus = Math.max(0, ...focus) || 1;
    const named = ranked.map((r) => namesObject(query, index, r.doc));
    const topicOf = (doc: number) => index.articles[doc]?.topic ?? null;
    const sibling = (i: number) =>
      named[i] === false &&
      ranked.some((o, j) => named[j] === true && topicOf(o.doc) !== null && topicOf(o.doc) === topicOf(ranked[i]!.doc));
    const scored = ranked
      .map((r, i) => {
        const confidence =
          confidenceOf(coverage(query.groups, index.articleIndex, r.doc, !index.namesCatalog[r.doc])) *
          (sibling(i) ? OTHER_PRODUCTS_FACTOR : 1);
        const rank =
          (SCORE_SHARE * r.score) / top +
          TITLE_SHARE * titleShare(query, index, r.doc) +
          PROXIMITY_BONUS * Math.min(2, adjacentPairs(query, index.bigrams[r.doc])) +
          (FOCUS_SHARE * focus[i]!) / topFocus;
        return { doc: r.doc, confidence, total: confidence + rank };
      })
      .sort((a, b) => b.total - a.total || a.doc - b.doc);
    return decideSiblings(query, index, scored)
      .slice(0, limit)
      .map((r) => ({ article: index.articles[r.doc]!, doc: r.doc, confidence: r.confidence }));
  },
};
