// Sibling disambiguation by the kind of product: when the best articles are close and siblings of one
// topic ("Shoe size guide" and "Apparel size chart"; "Warranty on footwear" and "Lifetime sock
// guarantee"), the words they share cannot decide between them, the kind of product each is about can.
// Guarantees: only candidates within CONTEST_MARGIN of the leader's combined score, and with at least
// MIN_CONFIDENCE of its confidence, take part; a contender that names kinds of product the store sells
// but none the question names drops out when a sibling of its topic names one ("are your boots true to
// size": the shoe guide, not the apparel chart); an article naming no kind of product (a policy for all
// of them) never drops out. An article names a kind only with all of its category's words ("running"
// alone is not running shoes: the running socks of the sock guarantee do not make it about trainers).
// Confidences stay each article's own; deterministic (the rest keep the incoming order).
import type { AnalyzedQuery } from '../language/query';
import type { StoreIndex } from './snapshot';

export interface Ranked {
  doc: number;
  confidence: number;
  /** The retriever's combined score (confidence plus re-rank terms): higher is better. */
  total: number;
}

/** How far below the leader's combined score a candidate may be and still contest it. */
const CONTEST_MARGIN = 0.35;
/** How many of the best candidates may contest. */
const CONTENDERS = 4;
/** A contender needs at least this share of the leader's confidence (a guess does not replace an answer). */
const MIN_CONFIDENCE = 0.6;

/** The kinds of product (catalog categories, by position in `index.kinds`) the question's product words name. */
export function questionKinds(query: AnalyzedQuery, index: StoreIndex): Set<number> {
  const out = new Set<number>();
  for (const g of query.groups) {
    if (g.role !== 'object') continue;
    for (const t of g.terms) {
      const via = index.kindOf.get(t.term);
      index.kinds.forEach((kind, k) => {
        if (kind.includes(t.term) || (via !== undefined && via.every((w) => kind.includes(w)))) out.add(k);
      });
    }
  }
  return out;
}

/** Whether the article names the kind: all of its category's words occur in it. */
function namesKind(index: StoreIndex, doc: number, kind: readonly string[]): boolean {
  return kind.every((w) => index.articleIndex.has(doc, w));
}

/** The candidates, the best one that survives the kind contest first; the rest keep their order. */
export function decideSiblings<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, ranked: readonly T[]): T[] {
  const leader = ranked[0];
  if (!leader) return [];
  const contest = ranked
    .slice(0, CONTENDERS)
    .filter((r) => r.total >= leader.total - CONTEST_MARGIN && r.confidence >= leader.confidence * MIN_CONFIDENCE);
  const kinds = questionKinds(query, index);
  if (contest.length < 2 || !kinds.size) return [...ranked];
  const topicOf = (r: T) => index.articles[r.doc]?.topic ?? null;
  const names = (r: T) => [...kinds].some((k) => namesKind(index, r.doc, index.kinds[k]!));
  const outNamed = (r: T) =>
    index.namesCatalog[r.doc] === true &&
    !names(r) &&
    contest.some((o) => o !== r && names(o) && topicOf(o) !== null && topicOf(o) === topicOf(r));
  const winner = contest.find((r) => !outNamed(r));
  return !winner || winner === leader ? [...ranked] : [winner, ...ranked.filter((r) => r !== winner)];
}
