// Sibling disambiguation: when the best articles are close, the words they share cannot decide between
// them; what the question asks for and the kind of product it names can.
// Guarantees: only candidates within CONTEST_MARGIN of the leader's combined score, and with at least
// MIN_CONFIDENCE of its confidence, take part; the first rule that applies decides, otherwise the order
// stays:
//   1. The action names the topic: when the leader's text mentions none of the question's service
//      matters (return, ship, warranty…) and its topic's name and titles say none either, the best
//      contender of a topic whose name or titles say one wins ("is there a fee to return it from
//      Canada": returns, not international shipping, although the place words are all shipping's).
//   1b. Whose purchase (a gift), then, in a short question, the contender covering all the leader covers
//      plus a service matter the leader never mentions ("change my email": the account article).
//   2. The title: a contender whose title has a word of the question the leader never uses wins, unless
//      the leader's title has one the contender never uses (title matches over body matches).
//   3. The kind of product: when the leader's title names a kind (its noun: shoe, boot, sock) and none
//      the question names, a contender whose title names one wins ("my merino socks got a hole": the
//      sock guarantee, not the shoe size guide); then a contender naming kinds the store sells but none the question names drops
//      out when a sibling of its topic names one ("are your boots true to size": the shoe guide, not the
//      apparel chart); an article naming no kind (a policy for all) or of another topic never drops out.
//      An article names a kind only with all its category's words ("running" socks are not running shoes).
// Confidences stay each article's own; deterministic (the others keep the incoming order).
import { ACTIONS, PRODUCT_FAMILIES, QUALIFIERS } from '../language/lexicon';
import { CORRECTED_WEIGHT, type AnalyzedQuery, type TermGroup } from '../language/query';
import type { StoreIndex } from './snapshot';

export interface Ranked {
  doc: number;
  confidence: number;
  /** The retriever's combined score (confidence plus re-rank terms): higher is better. */
  total: number;
}

/** How far below the leader's combined score a candidate may be and still contest it. */
const CONTEST_MARGIN = 0.35;
/** The window for what the question asks for (an action, whose or which purchase): stronger evidence than shared words. */
const ASKED_MARGIN = 0.6;
/** How many of the best candidates may contest. */
const CONTENDERS = 8;
/** At most this many things said make a short question, where one left out is a large part of it. */
const SHORT_QUESTION = 3;
/** A contender needs at least this share of the leader's confidence (a guess does not replace an answer). */
const MIN_CONFIDENCE = 0.6;

/**
 * The kinds of product (catalog categories, by position in `index.kinds`) the question's product words
 * name. When one of them is a kind's noun (shoe, sock, boot), the nouns decide: "merino running socks"
 * are socks, not running shoes.
 */
export function questionKinds(query: AnalyzedQuery, index: StoreIndex): Set<number> {
  const out = new Set<number>();
  const objects = query.groups.filter((g) => g.role === 'object').flatMap((g) => g.terms.map((t) => t.term));
  const heads = new Set(index.kinds.map((kind) => kind[kind.length - 1]!));
  const nouns = objects.filter((t) => heads.has(t));
  for (const t of nouns.length ? nouns : objects) {
    const via = index.kindOf.get(t);
    index.kinds.forEach((kind, k) => {
      if (nouns.length ? kind[kind.length - 1] === t : kind.includes(t) || via?.every((w) => kind.includes(w)))
        out.add(k);
    });
  }
  return out;
}

/** The other kinds of the same family as the given ones (boots for shoes: both footwear). */
function familyKinds(index: StoreIndex, kinds: ReadonlySet<number>): Set<number> {
  const familyOf = (k: number) => {
    const kind = index.kinds[k]!;
    return PRODUCT_FAMILIES.get(kind[kind.length - 1]!);
  };
  const families = new Set([...kinds].map(familyOf).filter((f) => f !== undefined));
  return new Set(index.kinds.map((_, k) => k).filter((k) => !kinds.has(k) && families.has(familyOf(k) ?? '')));
}

/** Whether the article names the kind: all of its category's words occur in it. */
function namesKind(index: StoreIndex, doc: number, kind: readonly string[]): boolean {
  return kind.every((w) => index.articleIndex.has(doc, w));
}

/** The store's canonical forms of a list of words. */
function canonSet(index: StoreIndex, words: readonly string[]): Set<string> {
  return new Set(words.map((w) => index.stemmer.canon(w)));
}

/**
 * The action asked for names the topic: when the leader's text mentions none of the question's service
 * matters (return, ship, warranty…) and its topic says none either, the best contender whose topic says
 * one answers ("is there a fee to return it from Canada": returns, not international shipping). A
 * leader that mentions the action keeps it ("can I return an online order in store": the stores page).
 * When the question asks for an action (return, exchange, repair, wash…), only the action counts, not
 * the attributes around it ("swap my trail runners for half a size bigger": an exchange, although the
 * size guide says "size"); a leader that reaches a service matter only through a lexicon reading of the
 * shopper's word ("fit" → size) does not cover it.
 */
function byAction<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, contest: readonly T[]): T {
  const leader = contest[0]!;
  const services = query.groups.filter((g) => g.role === 'service');
  if (!services.length) return leader;
  const actionWords = canonSet(index, ACTIONS);
  // An action group: what the shopper said is an action ("swap" → exchange, "change" → change/update);
  // "too small" reads as an exchange too, but what it says is the size.
  const actions = new Set(
    services.filter((g) => core(g).some((t) => actionWords.has(t.term))).flatMap((g) => g.terms.map((t) => t.term)),
  );
  const family = (r: T) => {
    const topic = index.articles[r.doc]?.topic;
    return topic ? index.families.get(topic) : undefined;
  };
  const has = (doc: number, term: string) => index.articleIndex.has(doc, term);
  if (actions.size) {
    const says = (r: T) => [...actions].some((t) => family(r)?.has(t));
    if ([...actions].some((t) => has(leader.doc, t)) || says(leader)) return leader;
    return contest.find(says) ?? leader;
  }
  // A word of the shopper's naming one topic only ("…is leaking, warranty?") names that topic, unless the
  // leader uses it.
  const topical = services
    .flatMap((g) => g.terms.filter((t) => t.weight >= CORRECTED_WEIGHT).map((t) => t.term))
    .filter((t) => [...index.families.values()].filter((words) => words.has(t)).length === 1);
  const namesTopic = (r: T) => topical.some((t) => family(r)?.has(t));
  if (topical.length && !namesTopic(leader) && !topical.some((t) => has(leader.doc, t)))
    return contest.find(namesTopic) ?? leader;
  const says = (r: T) => services.some((g) => g.terms.some((t) => family(r)?.has(t.term)));
  const covers = services.some((g) => core(g).some((t) => has(leader.doc, t.term)));
  if (covers || says(leader)) return leader;
  return contest.find(says) ?? leader;
}

/** What the shopper's own word says (own or corrected word), or, for a lexicon phrase with none, its reading. */
function core(g: TermGroup): TermGroup['terms'] {
  const own = g.terms.filter((t) => t.weight >= CORRECTED_WEIGHT);
  return own.length ? own : g.terms;
}

/**
 * Whose or which purchase (a gift, an international order): when the leader never mentions a qualifier
 * the question names, the first contender whose title names it and whose topic says one of the
 * question's service matters answers ("got a gift in the wrong size, how do I swap it": Returning a
 * gift — returns say "exchange" — not Missing or wrong items, nor Gift cards).
 */
function byQualifier<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, contest: readonly T[]): T {
  const leader = contest[0]!;
  const qualifierWords = canonSet(index, QUALIFIERS);
  const named = new Set(query.groups.flatMap((g) => g.terms.map((t) => t.term)).filter((t) => qualifierWords.has(t)));
  const asked = query.groups
    .filter((g) => g.role === 'service')
    .flatMap((g) => g.terms.map((t) => t.term))
    .filter((t) => !named.has(t));
  if (!named.size || !asked.length) return leader;
  const inTitle = (doc: number, t: string) => (index.articleIndex.fieldsOf(doc, t)?.[0] ?? 0) > 0;
  const says = (r: T) => {
    const topic = index.articles[r.doc]?.topic;
    const words = topic ? index.families.get(topic) : undefined;
    return !!words && asked.some((t) => words.has(t));
  };
  // A leader naming the qualifier keeps it when its topic says what is asked ("gift card balance": gift
  // cards); one that does not ("can I swap the jacket I got as a present": not the gift cards page) gives
  // way too.
  if ([...named].some((t) => index.articleIndex.has(leader.doc, t)) && says(leader)) return leader;
  return contest.find((r) => r !== leader && [...named].some((t) => inTitle(r.doc, t)) && says(r)) ?? leader;
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

/**
 * What the leader leaves out: in a short question (each thing said a large part of it), a contender
 * covering every thing said that the leader covers plus a service matter it never mentions, and surer
 * of it, answers more of the question ("how do I change my email": the account article, which says
 * email, not order changes, which never does).
 */
function byCoverage<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, contest: readonly T[]): T {
  const leader = contest[0]!;
  const groups = query.groups.filter((g) => g.kind !== 'filler');
  if (groups.length > SHORT_QUESTION) return leader;
  const covered = (doc: number) => groups.map((g) => g.terms.some((t) => index.articleIndex.has(doc, t.term)));
  const mine = covered(leader.doc);
  const more = (r: T) => {
    const theirs = covered(r.doc);
    return (
      theirs.every((c, i) => c || !mine[i]) && theirs.some((c, i) => c && !mine[i] && groups[i]!.role === 'service')
    );
  };
  return contest.find((r) => r !== leader && r.confidence > leader.confidence && more(r)) ?? leader;
}

/** The candidates, the contest's winner first; the rest keep their order. */
export function decideSiblings<T extends Ranked>(query: AnalyzedQuery, index: StoreIndex, ranked: readonly T[]): T[] {
  const leader = ranked[0];
  if (!leader) return [];
  const within = (margin: number) =>
    ranked
      .slice(0, CONTENDERS)
      .filter((r) => r.total >= leader.total - margin && r.confidence >= leader.confidence * MIN_CONFIDENCE);
  const asked = within(ASKED_MARGIN);
  const family = byAction(query, index, asked);
  if (family !== leader) return [family, ...ranked.filter((r) => r !== family)];
  const qualified = byQualifier(query, index, asked);
  if (qualified !== leader) return [qualified, ...ranked.filter((r) => r !== qualified)];
  const fuller = byCoverage(query, index, asked);
  if (fuller !== leader) return [fuller, ...ranked.filter((r) => r !== fuller)];
  const contest = within(CONTEST_MARGIN);
  if (contest.length < 2) return [...ranked];
  const titled = byTitle(query, index, contest);
  if (titled !== leader) return [titled, ...ranked.filter((r) => r !== titled)];
  const kinds = questionKinds(query, index);
  if (!kinds.size) return [...ranked];
  const relatives = familyKinds(index, kinds);
  const leaderTitle = titleKinds(index, leader.doc);
  // A title naming a kind of the question's family (boots for running shoes) is not about another kind.
  if (leaderTitle.length && !leaderTitle.some((k) => kinds.has(k) || relatives.has(k))) {
    const titled = contest.find((r) => titleKinds(index, r.doc).some((k) => kinds.has(k)));
    if (titled) return [titled, ...ranked.filter((r) => r !== titled)];
  }
  const topicOf = (r: T) => index.articles[r.doc]?.topic ?? null;
  const namesAny = (r: T, of: ReadonlySet<number>) => [...of].some((k) => namesKind(index, r.doc, index.kinds[k]!));
  // A policy of the topic for the very kind asked about beats the topic's policy for everything ("can I
  // return socks once opened": the items that cannot be returned, which names socks).
  if (!index.namesCatalog[leader.doc]) {
    const specific = contest.find((r) => topicOf(r) !== null && topicOf(r) === topicOf(leader) && namesAny(r, kinds));
    if (specific) return [specific, ...ranked.filter((r) => r !== specific)];
  }
  // When no close article of a topic names the kind asked about, its family decides there (how to clean
  // running shoes: the care article about boots, not the one about merino).
  const sameTopic = (a: T, b: T) => topicOf(a) !== null && topicOf(a) === topicOf(b);
  const names = (r: T) => namesAny(r, contest.some((o) => sameTopic(o, r) && namesAny(o, kinds)) ? kinds : relatives);
  const outNamed = (r: T) =>
    index.namesCatalog[r.doc] === true && !names(r) && contest.some((o) => o !== r && names(o) && sameTopic(o, r));
  const winner = contest.find((r) => !outNamed(r));
  return !winner || winner === leader ? [...ranked] : [winner, ...ranked.filter((r) => r !== winner)];
}
