// The `recommend` skill: product picks from the account's catalog. The category comes from the
// catalog itself (so a store selling "kayaks" needs no code change), the price range from the text,
// and products_fts ranks what is left. Only in-stock products within the range are ever shown.
import { sql, type SQL } from 'drizzle-orm';
import type { ProductCard } from '../../protocol/widget';
import type { SkillInput, SkillResult } from '../types';
import { money } from '../format';
import { describeRange, parsePriceRange, type PriceRange } from '../price';
import { contentTerms, ftsQuery, normalized, singular, words } from '../text';

const MAX_CARDS = 3;

// Asking for products outright: never mistaken for a service question.
const EXPLICIT_INTENT = [
  /\b(?:recommend|recommendation|recommendations|suggest|suggestion|suggestions)\b/,
  /\b(?:looking|shopping|searching)\s+for\b/,
  /\bin\s+the\s+market\s+for\b/,
  /\bshow\s+me\b/,
  /\bdo\s+you\s+(?:have|sell|carry|stock|offer)\b/,
  /\bgift\s+(?:for|idea|ideas)\b/,
];
// Suggests shopping, but also appears in service questions ("I need to return my boots").
const WEAK_INTENT = [
  /\b(?:need|want|buy|purchase|find|wanting|get)\b/,
  /\bhow\s+much\b/,
  /\b(?:cheap|cheapest|affordable|budget|best|good)\b/,
  /\bwhat\s+(?:\w+\s+)?(?:should|would|could)\s+i\s+(?:buy|get|wear|choose|pick)\b/,
];
// Words of after-sales questions: with only weak intent, the answer skill is the better judge.
const SERVICE_WORDS = new Set(
  'return returns returning returned refund refunds exchange warranty broken defect defective clean cleaning wash washing care repair size sizing fit fits track tracking order orders shipping ship deliver delivery cancel damaged'.split(' '),
);
const INFORMATIONAL = /^(?:how|why|when|where|can|could|is|are|does|do|will|what\s+is|whats)\b/;

// Words that shape the request rather than describe the product; kept out of the product search.
const NOT_PRODUCT_WORDS = new Set(
  (
    'recommend recommendation recommendations suggest suggestion suggestions show looking shopping searching market buy purchase find ' +
    'sell carry stock offer cheap cheapest affordable budget under below less cheaper lower beneath than over above between ' +
    'dollars dollar usd bucks max maximum min minimum least price priced cost costs good best great nice option options ' +
    'item items product products pair pairs wanting idea ideas gift tops'
  ).split(' '),
);

// Everyday words for catalog nouns.
const SYNONYMS: Record<string, string> = { sneaker: 'shoe', trainer: 'shoe', coat: 'jacket', parka: 'jacket', rucksack: 'backpack', daypack: 'backpack' };

interface ProductRow extends ProductCard {
  category: string;
}

export async function recommendSkill(input: SkillInput): Promise<SkillResult | null> {
  const t = normalized(input.text);
  const textWords = new Set(words(input.text).map((w) => SYNONYMS[singular(w)] ?? singular(w)));
  const explicit = EXPLICIT_INTENT.some((re) => re.test(t));
  const weak = WEAK_INTENT.some((re) => re.test(t));
  const range = parsePriceRange(input.text);

  const { categories, exact } = await matchCategories(input, textWords);
  const shopping = explicit || weak || range !== null;
  let confidence: number;
  if (categories.length && exact) confidence = shopping ? 0.92 : 0.6;
  else if (categories.length) confidence = shopping ? 0.85 : 0.55;
  else if (explicit) confidence = 0.7;
  else if (shopping) confidence = 0.45;
  else return null;
  if (!explicit && [...textWords].some((w) => SERVICE_WORDS.has(w))) confidence *= 0.4;
  else if (!explicit && INFORMATIONAL.test(t) && !/\bhow\s+much\b/.test(t)) confidence *= 0.5;

  const terms = contentTerms(input.text, NOT_PRODUCT_WORDS).filter((w) => !/^\d+$/.test(w));
  const rows = await searchProducts(input, terms, categories, range);
  if (!rows.length && !categories.length && !explicit) return null;

  const what = categories.length === 1 ? categories[0]! : 'products';
  const priceText = range ? ` ${describeRange(range)}` : '';
  const category = categories.length === 1 ? categories[0]! : (rows[0]?.category ?? 'products');
  if (!rows.length) {
    return {
      skill: 'recommend', confidence: round(confidence * 0.7),
      text: `Sorry, I couldn't find any ${what}${priceText} in stock right now. You can try a different price range, or ask a person on our team.`,
      tags: ['product_recommendation', category], cards: [], prompt: 'offer_human',
    };
  }
  const cards: ProductCard[] = rows.map(({ id, sku, title, priceCents, currency, imageUrl, url }) => ({ id, sku, title, priceCents, currency, imageUrl, url }));
  const lines = cards.map((c) => `• ${c.title} — ${money(c.priceCents, c.currency)}`);
  const intro = cards.length === 1 ? `Here is one ${what === 'products' ? 'product' : 'option'}${priceText} you might like:` : `Here are some ${what}${priceText} you might like:`;
  return {
    skill: 'recommend', confidence: round(confidence),
    text: [intro, ...lines].join('\n'),
    tags: ['product_recommendation', category], cards, prompt: 'confirm_resolution',
  };
}

/**
 * Catalog categories named in the text. Every word of a category present ("running shoes") is an
 * exact match and narrows to that category alone; otherwise categories whose last word, the noun,
 * is present ("shoes", "boots") are all kept.
 */
async function matchCategories(input: SkillInput, textWords: ReadonlySet<string>) {
  const rows = await input.db.all<{ category: string }>(
    sql`SELECT DISTINCT category FROM products WHERE account_id = ${input.accountId} AND category <> '' ORDER BY category`,
  );
  const scored = rows.map(({ category }) => {
    const parts = words(category).map(singular);
    const found = parts.filter((p) => textWords.has(p)).length;
    return { category, size: parts.length, exact: parts.length > 0 && found === parts.length, head: textWords.has(parts[parts.length - 1] ?? '') };
  });
  const exactMatches = scored.filter((s) => s.exact).sort((a, b) => b.size - a.size);
  if (exactMatches[0]) return { categories: [exactMatches[0].category], exact: true };
  return { categories: scored.filter((s) => s.head).map((s) => s.category), exact: false };
}

async function searchProducts(input: SkillInput, terms: string[], categories: string[], range: PriceRange | null): Promise<ProductRow[]> {
  const where: SQL[] = [sql`p.account_id = ${input.accountId}`, sql`p.in_stock = 1`];
  if (range?.minCents != null) where.push(range.minInclusive ? sql`p.price_cents >= ${range.minCents}` : sql`p.price_cents > ${range.minCents}`);
  if (range?.maxCents != null) where.push(range.maxInclusive ? sql`p.price_cents <= ${range.maxCents}` : sql`p.price_cents < ${range.maxCents}`);
  if (categories.length) where.push(sql`p.category IN (${sql.join(categories.map((c) => sql`${c}`), sql`, `)})`);
  const filters = sql.join(where, sql` AND `);
  const columns = sql`p.id, p.sku, p.title, p.price_cents AS priceCents, p.currency, p.image_url AS imageUrl, p.url, p.category`;

  const match = ftsQuery(terms);
  if (match) {
    // Title matches weigh most, then category, then description.
    return input.db.all<ProductRow>(sql`
      SELECT ${columns}, bm25(products_fts, 3.0, 1.0, 2.0) AS score
      FROM products_fts JOIN products p ON p.id = products_fts.product_id AND p.account_id = products_fts.account_id
      WHERE products_fts MATCH ${match} AND products_fts.account_id = ${input.accountId} AND ${filters}
      ORDER BY score, p.price_cents, p.sku
      LIMIT ${MAX_CARDS}`);
  }
  if (!categories.length && !range) return [];
  return input.db.all<ProductRow>(sql`SELECT ${columns} FROM products p WHERE ${filters} ORDER BY p.price_cents, p.sku LIMIT ${MAX_CARDS}`);
}

function round(n: number): number {
  return Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;
}
