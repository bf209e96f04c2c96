// Semantic article retrieval for merchants who outgrow lexical search: Workers AI embeddings
// (bge-base-en-v1.5) in a Vectorize index, behind the same Retriever interface as the lexical one.
// OFF by default (settings agent.retriever = "lexical"); switched on per account with "semantic" when
// the Worker has both bindings (AI, ARTICLE_VECTORS), otherwise the lexical retriever is used.
//
// - Vectors are keyed by article id with metadata { accountId }, and every query filters on it (create
//   the metadata index: `wrangler vectorize create-metadata-index <index> --property-name accountId
//   --type string`), so an account never retrieves another's articles; matches are also mapped through
//   the account's own snapshot, so a stale vector of a deleted article is ignored.
// - Indexing is lazy: the first query after the account's content version changes re-embeds its
//   articles (in batches) before searching. Fine for help centres of hundreds of articles.
// - Confidence blends the lexical coverage (which knows when a question's words are foreign to the
//   store) with the cosine similarity, so out-of-scope questions still get "not sure".
// - On any binding error the lexical result is returned: the shopper always gets an answer.
import type { AccountSettings } from '../../settings/schema';
import { lexicalRetriever, type ArticleHit, type Retriever } from './retriever';
import type { StoreIndex } from './snapshot';

export const EMBEDDING_MODEL = '@cf/baai/bge-base-en-v1.5';
const EMBED_BATCH = 50;
/** Cosine similarity at which bge-base-en-v1.5 stops being evidence, and where it is full evidence. */
const SIMILARITY_FLOOR = 0.55;
const SIMILARITY_FULL = 0.85;

/** The parts of the Workers AI and Vectorize bindings used here, declared structurally. */
export interface EmbeddingBinding {
  run(model: string, input: { text: string[] }): Promise<unknown>;
}
export interface VectorIndexBinding {
  upsert(vectors: Array<{ id: string; values: number[]; metadata: Record<string, string> }>): Promise<unknown>;
  query(
    vector: number[],
    options: { topK: number; filter?: Record<string, string>; returnMetadata?: 'none' | 'indexed' | 'all' },
  ): Promise<{ matches: Array<{ id: string; score: number }> }>;
}

/** Content versions already embedded, per index binding and account, in this isolate. */
const indexed = new WeakMap<VectorIndexBinding, Map<string, string>>();

export function semanticRetriever(ai: EmbeddingBinding, vectors: VectorIndexBinding, accountId: string): Retriever {
  return {
    name: 'semantic',
    async searchArticles(query, index, limit) {
      const lexical = await lexicalRetriever.searchArticles(query, index, Math.max(limit, 8));
      try {
        await ensureIndexed(ai, vectors, accountId, index);
        const [vector] = await embed(ai, [query.english || query.words.join(' ')]);
        if (!vector) return lexical.slice(0, limit);
        const { matches } = await vectors.query(vector, {
          topK: Math.max(limit, 8),
          filter: { accountId },
          returnMetadata: 'none',
        });
        return blend(matches, lexical, index).slice(0, limit);
      } catch (err) {
        console.warn(
          'Semantic retrieval failed; using lexical results:',
          err instanceof Error ? err.message : String(err),
        );
        return lexical.slice(0, limit);
      }
    },
  };
}

/** The account's retriever: semantic when switched on and both bindings exist, lexical otherwise. */
export function retrieverFromEnv(settings: AccountSettings, env: object, accountId: string): Retriever {
  if (settings.agent.retriever !== 'semantic') return lexicalRetriever;
  const ai: unknown = Reflect.get(env, 'AI');
  const vectors: unknown = Reflect.get(env, 'ARTICLE_VECTORS');
  const has = (v: unknown, method: string) =>
    typeof v === 'object' && v !== null && typeof Reflect.get(v, method) === 'function';
  if (!has(ai, 'run') || !has(vectors, 'query') || !has(vectors, 'upsert')) return lexicalRetriever;
  return semanticRetriever(ai as EmbeddingBinding, vectors as VectorIndexBinding, accountId);
}

function blend(
  matches: ReadonlyArray<{ id: string; score: number }>,
  lexical: readonly ArticleHit[],
  index: StoreIndex,
): ArticleHit[] {
  const byId = new Map(index.articles.map((a, doc) => [a.id, doc]));
  const lexicalOf = new Map(lexical.map((h) => [h.article.id, h.confidence]));
  const hits: ArticleHit[] = [];
  for (const m of matches) {
    const doc = byId.get(m.id);
    if (doc === undefined) continue; // another version's vector, or a deleted article
    const semantic = Math.max(0, Math.min(1, (m.score - SIMILARITY_FLOOR) / (SIMILARITY_FULL - SIMILARITY_FLOOR)));
    const confidence = 0.5 * semantic + 0.5 * (lexicalOf.get(m.id) ?? 0);
    hits.push({ article: index.articles[doc]!, doc, confidence });
  }
  for (const h of lexical) if (!hits.some((x) => x.doc === h.doc)) hits.push({ ...h, confidence: 0.5 * h.confidence });
  return hits.sort((a, b) => b.confidence - a.confidence || a.doc - b.doc);
}

async function ensureIndexed(
  ai: EmbeddingBinding,
  vectors: VectorIndexBinding,
  accountId: string,
  index: StoreIndex,
): Promise<void> {
  const versions = indexed.get(vectors) ?? new Map<string, string>();
  indexed.set(vectors, versions);
  if (versions.get(accountId) === index.version) return;
  for (let i = 0; i < index.articles.length; i += EMBED_BATCH) {
    const batch = index.articles.slice(i, i + EMBED_BATCH);
    const values = await embed(
      ai,
      batch.map((a) => `${a.title}\n${a.body}`),
    );
    await vectors.upsert(
      batch
        .map((a, k) => ({ id: a.id, values: values[k] ?? [], metadata: { accountId } }))
        .filter((v) => v.values.length),
    );
  }
  versions.set(accountId, index.version);
}

async function embed(ai: EmbeddingBinding, text: string[]): Promise<number[][]> {
  const out: unknown = await ai.run(EMBEDDING_MODEL, { text });
  const data: unknown = typeof out === 'object' && out !== null ? Reflect.get(out, 'data') : undefined;
  if (!Array.isArray(data)) throw new Error('embedding model returned no data');
  return data.map((row: unknown) => (Array.isArray(row) ? row.filter((x): x is number => typeof x === 'number') : []));
}
