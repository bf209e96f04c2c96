// The account's searchable content in memory: knowledge articles and catalog, with their BM25F
// indexes, vocabulary, stemmer and spelling corrector. Loading costs at most ONE D1 query per turn
// whatever the question: the query reads the content version (content_versions, bumped by triggers on
// every write to the account's articles and products: migrations/0019_content_versions.sql) and
// returns the rows themselves only when that version differs from the one cached in this isolate, so
// a cached snapshot is never stale by more than the turn that sees the change. A caller that already
// read the version with a lookup of its own (the widget's message route) gets the cached snapshot with
// no query at all (cachedStoreIndex). A caller with no lookup of its own (a socket frame reaches the
// conversation's object with no Worker hop) may take a snapshot whose version this isolate checked less
// than a given time ago (recentStoreIndex): the same bounded staleness its held settings have, instead of
// one D1 read per message. When the query fails (D1 down) and this isolate holds a snapshot, the turn
// answers from it instead of failing.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { EXPANSIONS, FILLER, REWRITES } from '../language/lexicon';
import { foldedWords } from '../language/normalize';
import { SpellingCorrector } from '../language/spelling';
import { Stemmer } from '../language/stem';
import { isStopword, stopwords } from '../text';
import { Bm25fIndex } from './bm25';

export interface ArticleRow {
  id: string;
  title: string;
  body: string;
  topic: string | null;
  url: string | null;
}

export interface ProductRow {
  id: string;
  sku: string;
  title: string;
  description: string;
  category: string;
  priceCents: number;
  currency: string;
  imageUrl: string | null;
  url: string | null;
  inStock: boolean;
}

export interface Sentence {
  text: string;
  terms: ReadonlySet<string>;
}

export interface StoreIndex {
  version: string;
  articles: ArticleRow[];
  products: ProductRow[];
  stemmer: Stemmer;
  speller: SpellingCorrector;
  /** Fields: title, topic, body. */
  articleIndex: Bm25fIndex;
  /** Fields: title, category, description. */
  productIndex: Bm25fIndex;
  sentences: Sentence[][];
  /** Per article, adjacent canonical term pairs ("express ship") of its title and body, for proximity. */
  bigrams: Array<ReadonlySet<string>>;
  /** Distinct non-empty catalog categories, and the canonical terms naming catalog things. */
  categories: string[];
  productTerms: ReadonlySet<string>;
  /** Per article: whether it names any kind of thing the catalog sells (a category's words). */
  namesCatalog: boolean[];
  /** A product title word used in one category only → that category's words ("fleece" → jacket). */
  kindOf: ReadonlyMap<string, readonly string[]>;
  /** Each catalog category's words ("hiking boots" → hike, boot): the kinds of thing the store sells. */
  kinds: ReadonlyArray<readonly string[]>;
  /** Each topic's words: its name and its articles' titles ("returns" → return, exchange, refund, gift…). */
  families: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Title matches count most, then the topic, then the body. */
export const ARTICLE_FIELD_WEIGHTS = [3, 2, 1] as const;
/** Title, then category, then description. */
export const PRODUCT_FIELD_WEIGHTS = [3, 2, 1] as const;

/** Accounts whose snapshot an isolate keeps; the least recently used goes first. */
const CACHED_ACCOUNTS = 64;
const cache = new Map<string, StoreIndex>();
/** When this isolate last read each cached snapshot's version from D1. */
const checkedAt = new Map<string, number>();

interface Row {
  kind: 'v' | 'a' | 'p';
  id: string;
  title: string | null;
  body: string | null;
  topic: string | null;
  url: string | null;
  sku: string | null;
  price: number | null;
  currency: string | null;
  image: string | null;
  stock: number | null;
}

/** The snapshot cached in this isolate if it is at `version` (read by the caller from content_versions), else null. */
export function cachedStoreIndex(accountId: string, version: number): StoreIndex | null {
  const cached = cache.get(accountId);
  return cached && cached.version === String(version) ? cached : null;
}

/** The snapshot cached in this isolate if its version was read from D1 less than `maxAgeMs` ago, else null. */
export function recentStoreIndex(accountId: string, maxAgeMs: number, now = Date.now()): StoreIndex | null {
  const cached = cache.get(accountId);
  const at = checkedAt.get(accountId);
  return cached && at !== undefined && now - at < maxAgeMs ? cached : null;
}

export async function loadStoreIndex(db: Database, accountId: string): Promise<StoreIndex> {
  const cached = cache.get(accountId);
  const known = cached?.version ?? '';
  const rows = await db
    .all<Row>(sql`
    WITH v AS (
      SELECT CAST(coalesce((SELECT version FROM content_versions WHERE account_id = ${accountId}), 0) AS TEXT) AS version
    )
    SELECT 'v' AS kind, (SELECT version FROM v) AS id, NULL AS title, NULL AS body, NULL AS topic, NULL AS url,
           NULL AS sku, NULL AS price, NULL AS currency, NULL AS image, NULL AS stock
    UNION ALL
    SELECT 'a', id, title, body, topic, url, NULL, NULL, NULL, NULL, NULL
    FROM knowledge_articles WHERE account_id = ${accountId} AND (SELECT version FROM v) <> ${known}
    UNION ALL
    SELECT 'p', id, title, description, category, url, sku, price_cents, currency, image_url, in_stock
    FROM products WHERE account_id = ${accountId} AND (SELECT version FROM v) <> ${known}`)
    .catch((err: unknown) => {
      if (!cached) throw err;
      console.error(
        'Store index: D1 read failed; answering from the cached snapshot',
        err instanceof Error ? err.message : String(err),
      );
      return cached;
    });
  if (!Array.isArray(rows)) return rows;

  const version = rows.find((r) => r.kind === 'v')?.id ?? '';
  checkedAt.set(accountId, Date.now());
  if (cached && version === known) {
    cache.delete(accountId);
    cache.set(accountId, cached);
    return cached;
  }
  const index = buildIndex(
    version,
    rows
      .filter((r) => r.kind === 'a')
      .map((r) => ({ id: r.id, title: r.title ?? '', body: r.body ?? '', topic: r.topic, url: r.url })),
    rows
      .filter((r) => r.kind === 'p')
      .map((r) => ({
        id: r.id,
        sku: r.sku ?? '',
        title: r.title ?? '',
        description: r.body ?? '',
        category: r.topic ?? '',
        priceCents: r.price ?? 0,
        currency: r.currency ?? 'USD',
        imageUrl: r.image,
        url: r.url,
        inStock: r.stock === 1,
      })),
  );
  cache.delete(accountId);
  cache.set(accountId, index);
  while (cache.size > CACHED_ACCOUNTS) {
    const oldest = cache.keys().next().value!;
    cache.delete(oldest);
    checkedAt.delete(oldest);
  }
  return index;
}

/** Builds the in-memory indexes (exported for the retriever tests and the Vectorize indexer). */
export function buildIndex(version: string, articles: ArticleRow[], products: ProductRow[]): StoreIndex {
  const frequencies = new Map<string, number>();
  const count = (text: string) => {
    for (const w of foldedWords(text)) if (!isStopword(w)) frequencies.set(w, (frequencies.get(w) ?? 0) + 1);
  };
  for (const a of articles) [a.title, a.topic ?? '', a.body].forEach(count);
  for (const p of products) [p.title, p.category, p.description].forEach(count);
  const stemmer = new Stemmer(new Set(frequencies.keys()));
  const terms = (text: string) =>
    foldedWords(text)
      .filter((w) => !isStopword(w))
      .map((w) => stemmer.canon(w));

  // Words the corrector may land on: the content's, the lexicon's, and stopwords (dropped afterwards).
  const dictionary = new Map(frequencies);
  const addKnown = (phrase: string) => {
    for (const w of phrase.split(' ')) if (!dictionary.has(w)) dictionary.set(w, 0);
  };
  for (const [k, v] of [...REWRITES, ...EXPANSIONS]) {
    addKnown(k);
    addKnown(v);
  }
  for (const w of [...stopwords(), ...FILLER]) addKnown(w);

  const productTerms = new Set<string>();
  for (const p of products) for (const t of [...terms(p.title), ...terms(p.category)]) productTerms.add(t);
  const categoryTerms = new Set(products.flatMap((p) => terms(p.category)).filter((t) => t.length > 2));
  const categoriesOf = new Map<string, Set<string>>();
  for (const p of products)
    for (const t of [...terms(p.title), ...terms(p.category)])
      categoriesOf.set(t, (categoriesOf.get(t) ?? new Set()).add(p.category));
  const kindOf = new Map<string, string[]>();
  for (const [t, cats] of categoriesOf)
    if (cats.size === 1)
      kindOf.set(
        t,
        terms([...cats][0]!).filter((k) => k.length > 2),
      );

  return {
    version,
    articles,
    products,
    stemmer,
    speller: new SpellingCorrector(dictionary),
    articleIndex: new Bm25fIndex(
      articles.map((a) => [terms(a.title), terms(a.topic ?? ''), terms(a.body)]),
      ARTICLE_FIELD_WEIGHTS,
    ),
    productIndex: new Bm25fIndex(
      products.map((p) => [terms(p.title), terms(p.category), terms(p.description)]),
      PRODUCT_FIELD_WEIGHTS,
    ),
    sentences: articles.map((a) => splitSentences(a.body).map((text) => ({ text, terms: new Set(terms(text)) }))),
    bigrams: articles.map((a) => pairs([...terms(a.title), '', ...terms(a.body)])),
    categories: [...new Set(products.map((p) => p.category).filter(Boolean))].sort(),
    productTerms,
    namesCatalog: articles.map((a) => [...terms(a.title), ...terms(a.body)].some((t) => categoryTerms.has(t))),
    kindOf,
    kinds: [...new Set(products.map((p) => p.category).filter(Boolean))]
      .map((c) => terms(c).filter((k) => k.length > 2))
      .filter((k) => k.length > 0),
    families: families(articles, terms),
  };
}

function families(articles: readonly ArticleRow[], terms: (text: string) => string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of articles) {
    if (!a.topic) continue;
    const words = out.get(a.topic) ?? new Set<string>();
    for (const t of [...terms(a.topic), ...terms(a.title)]) words.add(t);
    out.set(a.topic, words);
  }
  return out;
}

function pairs(sequence: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < sequence.length; i++)
    if (sequence[i - 1] && sequence[i]) out.add(`${sequence[i - 1]} ${sequence[i]}`);
  return out;
}

function splitSentences(body: string): string[] {
  return body
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"“(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
