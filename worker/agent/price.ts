// Price constraints in a shopper's message: "under $100", "less than 80", "below $120", "up to 150",
// "over $50", "between $50 and $100", "$50-$100", "$100 or less". Amounts are dollars (the catalog's
// currency); the result is in cents.
import { shortMoney } from './format';

export interface PriceRange {
  minCents: number | null;
  maxCents: number | null;
  /** "under $100" excludes $100 itself; "up to $100" includes it. */
  minInclusive: boolean;
  maxInclusive: boolean;
}

const AMOUNT = String.raw`\$?\s*(\d{1,7}(?:\.\d{1,2})?)\s*(?:\$|dollars?|usd|bucks)?`;
const re = (source: string) => new RegExp(source, 'i');

const BETWEEN = [
  re(String.raw`\bbetween\s+${AMOUNT}\s+(?:and|to|-|–)\s+${AMOUNT}`),
  re(String.raw`\bfrom\s+${AMOUNT}\s+to\s+${AMOUNT}`),
  // A bare range needs a dollar sign, so "3-5 days" is not a price.
  re(String.raw`\$\s*(\d{1,7}(?:\.\d{1,2})?)\s*(?:-|–|to)\s*\$?\s*(\d{1,7}(?:\.\d{1,2})?)`),
];
const MAX_EXCLUSIVE = re(String.raw`\b(?:under|below|less\s+than|cheaper\s+than|lower\s+than|beneath)\s+${AMOUNT}`);
const MAX_INCLUSIVE = [
  re(
    String.raw`(?:\b(?:up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|max(?:imum)?(?:\s+of)?|budget(?:\s+is|\s+of)?)|<=?)\s*${AMOUNT}`,
  ),
  re(String.raw`${AMOUNT}\s+(?:or\s+(?:less|under|below|cheaper)|max(?:imum)?|tops)\b`),
];
const MIN_EXCLUSIVE = re(String.raw`(?:\b(?:over|above|more\s+than|higher\s+than)|>)\s*${AMOUNT}`);
const MIN_INCLUSIVE = [
  re(String.raw`\b(?:at\s+least|min(?:imum)?(?:\s+of)?|starting\s+at)\s+${AMOUNT}`),
  re(String.raw`${AMOUNT}\s+or\s+(?:more|over|above)\b`),
];

export function parsePriceRange(text: string): PriceRange | null {
  // "1,000" is one thousand; decimals use a point.
  const t = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  for (const pattern of BETWEEN) {
    const m = pattern.exec(t);
    if (m) {
      const a = cents(m[1]);
      const b = cents(m[2]);
      if (a !== null && b !== null)
        return { minCents: Math.min(a, b), maxCents: Math.max(a, b), minInclusive: true, maxInclusive: true };
    }
  }
  let range: PriceRange = { minCents: null, maxCents: null, minInclusive: true, maxInclusive: true };
  const maxEx = cents(MAX_EXCLUSIVE.exec(t)?.[1]);
  const maxIn = firstAmount(MAX_INCLUSIVE, t);
  if (maxEx !== null) range = { ...range, maxCents: maxEx, maxInclusive: false };
  else if (maxIn !== null) range = { ...range, maxCents: maxIn, maxInclusive: true };
  const minEx = cents(MIN_EXCLUSIVE.exec(t)?.[1]);
  const minIn = firstAmount(MIN_INCLUSIVE, t);
  if (minEx !== null) range = { ...range, minCents: minEx, minInclusive: false };
  else if (minIn !== null) range = { ...range, minCents: minIn, minInclusive: true };
  return range.minCents === null && range.maxCents === null ? null : range;
}

export function inRange(priceCents: number, range: PriceRange | null): boolean {
  if (!range) return true;
  if (range.minCents !== null && (range.minInclusive ? priceCents < range.minCents : priceCents <= range.minCents))
    return false;
  if (range.maxCents !== null && (range.maxInclusive ? priceCents > range.maxCents : priceCents >= range.maxCents))
    return false;
  return true;
}

/** "under $100", "$50 to $100", "over $50", "up to $80". */
export function describeRange(range: PriceRange): string {
  const { minCents: min, maxCents: max } = range;
  if (min !== null && max !== null) return `from ${shortMoney(min)} to ${shortMoney(max)}`;
  if (max !== null) return range.maxInclusive ? `up to ${shortMoney(max)}` : `under ${shortMoney(max)}`;
  if (min !== null) return range.minInclusive ? `from ${shortMoney(min)}` : `over ${shortMoney(min)}`;
  return '';
}

function firstAmount(patterns: RegExp[], text: string): number | null {
  for (const p of patterns) {
    const c = cents(p.exec(text)?.[1]);
    if (c !== null) return c;
  }
  return null;
}

function cents(amount: string | undefined): number | null {
  if (amount === undefined) return null;
  const n = Number(amount);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : null;
}
