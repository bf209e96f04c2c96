// The `answer` skill: retrieval over the account's knowledge articles with D1's FTS5 (knowledge_fts,
// kept in step with knowledge_articles by triggers). bm25 ranks the candidates; the confidence is how
// much of the question the chosen article covers, each term weighted by how rare it is in this
// account's articles, so an article that only shares a common word ("order") scores low and a
// question with words no article knows ("bitcoin") is not answered with confidence.
import { sql } from 'drizzle-orm';
import type { SkillInput, SkillResult } from '../types';
import { contentTerms, ftsQuery, quoteTerm, singular } from '../text';

// Control characters cannot occur in stored text, so they mark matches unambiguously in highlight().
const OPEN = '\u0002';
const CLOSE = '\u0003';
const CANDIDATES = 3;
/** Even a perfect lexical match is not certain; leaves room for skills with stronger signals. */
const MAX_CONFIDENCE = 0.9;

interface Hit {
  id: string;
  title: string;
  body: string;
  marked: string;
  url: string | null;
  topic: string | null;
  score: number;
}

interface TermStats {
  i: number;
  df: number;
  h0: number | null;
  h1: number | null;
  h2: number | null;
}

export async function answerSkill(input: SkillInput): Promise<SkillResult | null> {
  const terms = contentTerms(input.text);
  const match = ftsQuery(terms);
  if (!match) return null;

  // Title matches weigh 4x body matches. Both account filters: the FTS row and the article must agree.
  const hits = await input.db.all<Hit>(sql`
    SELECT a.id, a.title, a.body, a.url, a.topic,
           highlight(knowledge_fts, 1, ${OPEN}, ${CLOSE}) AS marked,
           bm25(knowledge_fts, 4.0, 1.0) AS score
    FROM knowledge_fts
    JOIN knowledge_articles a ON a.id = knowledge_fts.article_id AND a.account_id = knowledge_fts.account_id
    WHERE knowledge_fts MATCH ${match} AND knowledge_fts.account_id = ${input.accountId}
    ORDER BY score, a.id
    LIMIT ${CANDIDATES}`);
  if (!hits.length) return null;

  const coverage = await termCoverage(input, terms, hits);
  // The article covering the most of the question wins; bm25 order breaks ties.
  let best = 0;
  for (let k = 1; k < hits.length; k++) if ((coverage[k] ?? 0) > (coverage[best] ?? 0) + 1e-9) best = k;
  const hit = hits[best]!;
  const confidence = round(MAX_CONFIDENCE * (coverage[best] ?? 0));

  const passage = bestPassage(hit.marked) || hit.body;
  const link = hit.url ? `More: ${hit.url}` : null;
  return {
    skill: 'answer',
    confidence,
    text: link ? `${passage}\n\n${link}` : passage,
    tags: hit.topic ? [hit.topic] : ['knowledge'],
    cards: [],
    prompt: 'confirm_resolution',
    source: { id: hit.id, title: hit.title, url: hit.url },
    phrasing: {
      // The chosen article first, then the runner-up for context; more would mostly be noise.
      passages: [hit, ...hits.filter((h) => h !== hit)].slice(0, 2).map((h) => `${h.title}: ${h.body}`),
      link,
    },
  };
}

/**
 * For each candidate, the share of the question's terms it contains, weighted by inverse document
 * frequency within the account. One query: per term, how many of the account's articles match it and
 * whether each candidate does. FTS5 applies the same porter stemming as at index time, so "shipping"
 * counts as present in an article that says "ship".
 */
async function termCoverage(input: SkillInput, terms: string[], hits: Hit[]): Promise<number[]> {
  const ids = [0, 1, 2].map((k) => hits[k]?.id ?? '');
  const perTerm = terms.map(
    (term, i) => sql`
      SELECT ${i} AS i, count(*) AS df,
             sum(article_id = ${ids[0]}) AS h0, sum(article_id = ${ids[1]}) AS h1, sum(article_id = ${ids[2]}) AS h2
      FROM knowledge_fts WHERE knowledge_fts MATCH ${quoteTerm(term)} AND account_id = ${input.accountId}`,
  );
  const [stats, totals] = await Promise.all([
    input.db.all<TermStats>(sql.join(perTerm, sql` UNION ALL `)),
    input.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM knowledge_articles WHERE account_id = ${input.accountId}`),
  ]);
  const n = Math.max(1, totals[0]?.n ?? 1);
  // A word no article contains gets the weight of the rarest word: it is probably what the question is about.
  const weight = (df: number) => Math.log(1 + n / Math.max(1, df));
  const total = stats.reduce((s, t) => s + weight(t.df), 0);
  return [0, 1, 2].map((k) => {
    const covered = stats.reduce((s, t) => s + ((k === 0 ? t.h0 : k === 1 ? t.h1 : t.h2) ? weight(t.df) : 0), 0);
    return total > 0 ? covered / total : 0;
  });
}

/**
 * The one or two sentences of the body with the most distinct matched words (marked by highlight()),
 * in their original order, with the markers removed.
 */
export function bestPassage(marked: string): string {
  // A sentence may start with a match marker, hence the optional OPEN before its first letter.
  const sentences = marked.split(new RegExp(`(?<=[.!?])\\s+(?=${OPEN}?[\\p{Lu}\\p{N}"“(])`, 'u'));
  const scored = sentences.map((s, index) => {
    const found = new Set<string>();
    for (const m of s.matchAll(new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, 'g'))) found.add(singular((m[1] ?? '').toLowerCase()));
    return { index, score: found.size, text: s.replaceAll(OPEN, '').replaceAll(CLOSE, '') };
  });
  const chosen = [...scored]
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 2)
    .sort((a, b) => a.index - b.index);
  return chosen.map((s) => s.text.trim()).join(' ');
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}
