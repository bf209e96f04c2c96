// The `answer` skill: the knowledge article that answers the question, through the account's retriever
// (lexical BM25F + coverage by default, see retrieval/). The reply is the passage that answers — the
// one or two sentences covering most of the question — and a link to the whole article. Confidence is
// the article's coverage of the question, so an article sharing one common word, or a question whose
// main words no article knows ("are you hiring?"), stays below the threshold and gets an honest "not sure".
import { groupWeight, roundConfidence } from '../retrieval/coverage';
import type { StoreIndex } from '../retrieval/snapshot';
import type { TermGroup } from '../language/query';
import { articleLink } from '../link';
import type { SkillInput, SkillResult } from '../types';

/** Even a full lexical match is not certain: leaves room for skills with stronger signals. */
const MAX_CONFIDENCE = 0.95;

export async function answerSkill(input: SkillInput): Promise<SkillResult | null> {
  if (!input.query.groups.some((g) => g.kind !== 'filler')) return null;
  const hits = await input.retriever.searchArticles(input.query, input.index, 2);
  const hit = hits[0];
  if (!hit) return null;
  const { article } = hit;
  const passage = bestPassage(input.index, hit.doc, input.query.groups) || article.body;
  const source = { id: article.id, title: article.title, url: article.url };
  const link = articleLink(source, input.settings.agent.helpCenterUrl, input.publicOrigin);
  return {
    skill: 'answer',
    confidence: roundConfidence(MAX_CONFIDENCE * hit.confidence),
    text: link ? `${passage}\n\nMore: ${link}` : passage,
    tags: article.topic ? [article.topic] : ['knowledge'],
    cards: [],
    prompt: 'confirm_resolution',
    source,
    phrasing: {
      // The chosen article first, then the runner-up for context; more would mostly be noise.
      passages: hits.map((h) => `${h.article.title}: ${h.article.body}`),
      link,
    },
  };
}

/**
 * The sentence of the article covering most of the question, plus the next best when it adds to it,
 * in the article's order.
 */
export function bestPassage(index: StoreIndex, doc: number, groups: readonly TermGroup[]): string {
  const sentences = index.sentences[doc] ?? [];
  const scored = sentences.map((s, i) => {
    let score = 0;
    for (const g of groups) {
      let credit = 0;
      for (const t of g.terms) if (t.weight > credit && s.terms.has(t.term)) credit = t.weight;
      score += credit * groupWeight(g, index.articleIndex);
    }
    return { i, score, text: s.text };
  });
  const ranked = [...scored].filter((s) => s.score > 0).sort((a, b) => b.score - a.score || a.i - b.i);
  const first = ranked[0];
  if (!first) return '';
  const chosen = [first];
  const second = ranked[1];
  if (second && second.score >= 0.5 * first.score) chosen.push(second);
  return chosen
    .sort((a, b) => a.i - b.i)
    .map((s) => s.text)
    .join(' ');
}
