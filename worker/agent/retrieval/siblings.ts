// Sibling disambiguation: when the best articles are close, the words they share cannot decide between
// them; what the question asks for and the kind of product it names can.
// Guarantees: only candidates within CONTEST_MARGIN of the leader's combined score, and with at least
// MIN_CONFIDENCE of its confidence, take part; the first rule that applies decides, otherwise the order
// stays:
//   1. The action names the topic: when the leader's text mentions none of the question's service
//      matters (return, ship, warranty…) and its topic's name and titles say none either, the best
//      contender of a topic whose name or titles say one wins ("is there a fee to return it from
//      Canada": returns, not international shipping, although the place words are all shipping's).
//   2. The title: a contender whose title has a word of the question the leader never uses wins, unless
//      the leader's title has one the contender never uses (title matches over body matches).
//   3. The kind of product: when the leader's title names a kind (its noun: shoe, boot, sock) and none
//      the question names, a contender whose title names one wins ("my merino socks got a hole": the
//      sock guarantee, not the shoe size guide); then a contender naming kinds the store sells but none the question names drops
//      out when a sibling of its topic names one ("are your boots true to size": the shoe guide, not the
//      apparel chart); an article naming no kind (a policy for all) or of another topic never drops out.
//      An article names a kind only with all its category's words ("running" socks are not running shoes).
// Confidences stay each article's own; deterministic (the others keep the incoming order).
import type { AnalyzedQuery, TermGroup } from '../language/query';
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

/**
 * The action asked for names the topic: when the leader's text mentions none of the question's service
 * matters (return, ship, warranty…) and its topic says none either, the best contender whose topic says
 * one answers ("is there a fee to return it from Canada": returns, not international shipping). A
 * leader that mentions the action keeps it ("can I return an online order in store": the stores page).
 */
function byAction<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, contest: readonly T[]): T {
  const leader = contest[0]!;
  const actions = query.groups.filter((g) => g.role === 'service');
  if (!actions.length) return leader;
  const says = (r: T) => {
    const topic = index.articles[r.doc]?.topic;
    if (!topic) return false;
    const words = index.families.get(topic);
    return !!words && actions.some((g) => g.terms.some((t) => words.has(t.term)));
  };
  const covers = actions.some((g) => g.terms.some((t) => index.articleIndex.has(leader.doc, t.term)));
  if (covers || says(leader)) return leader;
  return contest.find(says) ?? leader;
}

/**
 * A title says what an article is about: the first contender whose title has a word of the question
 * that the leader never uses, while the leader's title has none the contender never uses, wins ("how
 * much do international returns cost": Returns and exchanges — its title says returns, International
 * shipping never does, and every word of that title is in the returns article too).
 */
function byTitle<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, contest: readonly T[]): T {
  const leader = contest[0]!;
  const groups = query.groups.filter((g) => g.kind !== 'filler');
  const inTitle = (doc: number, g: TermGroup) =>
    g.terms.some((t) => (index.articleIndex.fieldsOf(doc, t.term)?.[0] ?? 0) > 0);
  const uses = (doc: number, g: TermGroup) => g.terms.some((t) => index.articleIndex.has(doc, t.term));
  for (const r of contest.slice(1)) {
    const own = groups.some((g) => inTitle(r.doc, g) && !uses(leader.doc, g));
    const theirs = groups.some((g) => inTitle(leader.doc, g) && !uses(r.doc, g));
    if (own && !theirs) return r;
  }
  return leader;
}

/** The kinds whose last word (its noun: boot, shoe, sock) the article's title says. */
function titleKinds(index: StoreIndex, doc: number): number[] {
  const out: number[] = [];
  index.kinds.forEach((kind, k) => {
    if ((index.articleIndex.fieldsOf(doc, kind[kind.length - 1]!)?.[0] ?? 0) > 0) out.push(k);
  });
  return out;
}

/** The candidates, the contest's winner first; the rest keep their order. */
export function decideSiblings<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, ranked: readonly T[]): T[] {
  const leader = ranked[0];
  if (!leader) return [];
  const contest = ranked
    .slice(0, CONTENDERS)
    .filter((r) => r.total >= leader.total - CONTEST_MARGIN && r.confidence >= leader.confidence * MIN_CONFIDENCE);
  if (contest.length < 2) return [...ranked];
  const family = byAction(query, index, contest);
  if (family !== leader) return [family, ...ranked.filter((r) => r !== family)];
  const titled = byTitle(query, index, contest);
  if (titled !== leader) return [titled, ...ranked.filter((r) => r !== titled)];
  const kinds = questionKinds(query, index);
  if (!kinds.size) return [...ranked];
  const leaderTitle = titleKinds(index, leader.doc);
  if (leaderTitle.length && !leaderTitle.some((k) => kinds.has(k))) {
    const titled = contest.find((r) => titleKinds(index, r.doc).some((k) => kinds.has(k)));
    if (titled) return [titled, ...ranked.filter((r) => r !== titled)];
  }
  const topicOf = (r: T) => index.articles[r.doc]?.topic ?? null;
  const names = (r: T) => [...kinds].some((k) => namesKind(index, r.doc, index.kinds[k]!));
  const outNamed = (r: T) =>
    index.namesCatalog[r.doc] === true &&
    !names(r) &&
    contest.some((o) => o !== r && names(o) && topicOf(o) !== null && topicOf(o) === topicOf(r));
  const winner = contest.find((r) => !outNamed(r));
  return !winner || winner === leader ? [...ranked] : [winner, ...ranked.filter((r) => r !== winner)];
}
