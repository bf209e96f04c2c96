// How much of a question a document answers: each of the shopper's term groups weighs its rarity in
// this store's content (idf), a group no document knows weighs as much as the rarest word (it is
// probably what the question is about), and filler weighs little. A document covers a group when it
// contains any of the group's terms, credited by that term's weight (own word 1, correction and
// expansion less). Coverage is the covered share of the question's weight, in [0, 1]: the base of a
// calibrated confidence, since an article sharing only a common word covers little of the question.
import type { TermGroup } from '../language/query';
import type { Bm25fIndex, WeightedTerm } from './bm25';

const FILLER_SHARE = 0.15;
const OBJECT_SHARE = 0.5;
/** Weight, in the question's total, of a word other documents of the store use but this one does not. */
const KNOWN_ELSEWHERE = 0.5;
/** How much of the unknown-word penalty a detail word of an after-sales question carries. */
const DETAIL_PENALTY = 0.5;
/** What an off-topic subject the documents never mention leaves of a confidence: well under any threshold. */
const OFF_TOPIC_FACTOR = 0.25;
/**
 * A covered share up to this is no evidence at all (one common word of a question of several); a little
 * less when the store knows every word the shopper used and the document covers a service matter asked
 * about (a store matter, nothing asked that the store never mentions).
 */
const NO_EVIDENCE = 0.25;
const NO_EVIDENCE_KNOWN_MATTER = 0.2;

export function groupWeight(group: TermGroup, index: Bm25fIndex): number {
  const unknown = index.maxIdf();
  let best = 0;
  for (const t of group.terms) if (index.df.has(t.term)) best = Math.max(best, index.idf(t.term));
  if (group.kind === 'filler') return FILLER_SHARE * (best || unknown);
  // In an after-sales question the product is the object, not the subject: "return" decides the
  // article for "can I return these shoes", "shoes" only breaks ties.
  if (group.role === 'object') return OBJECT_SHARE * (best || unknown);
  if (group.specific) return unknown;
  return best || unknown;
}

/** Coverage credit of a matched term: the shopper's own word 1, an expansion or correction a little less. */
export function credit(weight: number): number {
  return 0.5 + 0.5 * weight;
}

export interface Coverage {
  /** Covered share of the question's weight, in [0, 1]. */
  share: number;
  /** Words no document of this kind knows (not filler, not in the lexicon) that this document leaves uncovered. */
  /** Words no document knows left uncovered, a detail word of an after-sales question counting less. */
  unknownLeft: number;
  /** How many groups (things said) the question has, filler aside. */
  groups: number;
  /** Covered weight as a multiple of the rarest word's weight: how much of the document the question found. */
  evidence: number;
  /** Off-topic subjects (weather, jobs…) that no document of this kind mentions: the question is not for them. */
  offTopic: number;
  /** Whether the document covers one of the question's service matters (return, warranty, wash…). */
  service: boolean;
}

/**
 * `generic`: the document names no kind of thing the catalog sells (a returns or payments policy): it
 * applies to every product, so the product an after-sales question names ("can I return my boots")
 * neither counts for nor against it, and a page that merely mentions boots in passing does not win.
 */
export function coverage(groups: readonly TermGroup[], index: Bm25fIndex, doc: number, generic = false): Coverage {
  let total = 0;
  let covered = 0;
  let unknownLeft = 0;
  let offTopic = 0;
  const serviceCovered = groups.some((g) => g.role === 'service' && g.terms.some((t) => index.has(doc, t.term)));
  for (const g of groups) {
    // How a question is said ("bought", "last month") never decides which article answers it.
    if (g.kind === 'filler') continue;
    if (g.offTopic && !g.terms.some((t) => index.df.has(t.term))) offTopic++;
    const w = groupWeight(g, index);
    let best = 0;
    for (const t of g.terms) if (t.weight > best && index.has(doc, t.term)) best = t.weight;
    if (!best && generic && g.role === 'object') continue;
    covered += best ? w * credit(best) : 0;
    // A word the store uses elsewhere (another article, the catalog) is usually detail ("laces" in a
    // warranty question); a word it never uses is usually the subject ("hiring"), and counts fully —
    // unless it is an everyday word in a question naming an after-sales matter this document covers
    // ("printer" in "I don't have a printer for the return label"). A name the store never uses stays
    // the subject ("does my trailpass expire?").
    const subject = g.kind === 'unknown' && (g.serviceObject || !(serviceCovered && g.dictionary));
    total += best || subject ? w : KNOWN_ELSEWHERE * w;
    if (!best && g.kind === 'unknown') unknownLeft += subject ? 1 : DETAIL_PENALTY;
  }
  return {
    share: total > 0 ? covered / total : 0,
    unknownLeft,
    groups: groups.filter((g) => g.kind !== 'filler').length,
    evidence: covered / index.maxIdf(),
    offTopic,
    service: serviceCovered,
  };
}

/**
 * Coverage as a confidence in [0, 1]. A share under a quarter (a fifth for a known store matter) is no evidence at all, and each word of
 * the question that the store's content does not know at all (the "hiring" of "are you hiring at the
 * Denver store?") halves it: the article may share the other words, but not what was asked. An
 * off-topic subject the documents never mention (the weather, parking) leaves a quarter.
 */
export function confidenceOf(c: Coverage): number {
  const floor = c.service && c.unknownLeft === 0 && c.offTopic === 0 ? NO_EVIDENCE_KNOWN_MATTER : NO_EVIDENCE;
  const share = clamp((c.share - floor) / (1 - floor));
  // A long message tells a story around its question, so no article covers most of it; there the
  // amount of the article it found (about two rare words' worth for full marks) counts instead.
  const long = clamp((c.groups - 6) / 6);
  const evidence = long * clamp(c.evidence / 2);
  // In a long message an unknown word is more likely an aside than the subject: its penalty shrinks.
  return (
    Math.max(share, evidence) *
    0.5 ** (c.unknownLeft * Math.min(1, 4 / Math.max(1, c.groups))) *
    OFF_TOPIC_FACTOR ** c.offTopic
  );
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}

/** Every group's terms as one weighted BM25 query (a term said twice keeps its highest weight). */
export function queryTerms(groups: readonly TermGroup[]): WeightedTerm[] {
  const best = new Map<string, number>();
  for (const g of groups) {
    const share = g.kind === 'filler' ? FILLER_SHARE : 1;
    for (const t of g.terms) best.set(t.term, Math.max(best.get(t.term) ?? 0, t.weight * share));
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/** A confidence as replies carry it: in [0, 1], two decimals. */
export function roundConfidence(n: number): number {
  return Math.round(clamp(n) * 100) / 100;
}
