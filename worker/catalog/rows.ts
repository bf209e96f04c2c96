// One imported row of each kind, as read from CSV (every value a string; empty means "not given") or
// JSON (strings, numbers, booleans). The column names are the same in both formats.
import { z } from 'zod';
import { linkOrSitePath, linkUrl } from '../platform/outbound-url';

/** A missing required value reads "Required" (instead of zod's "expected string, received undefined"). */
const required = { error: (issue: { input?: unknown }) => (issue.input === undefined ? 'Required' : undefined) };
const text = (max: number) => z.string(required).trim().min(1).max(max);
/** Shown to shoppers as links and images: absolute http(s) only (worker/platform/outbound-url.ts). */
const httpUrl = linkUrl;
/** A page on the store: an absolute http(s) URL or a site path like /help/returns (never //host). */
const pageUrl = linkOrSitePath;

export const ARTICLE_COLUMNS = ['title', 'body', 'url', 'topic'] as const;
export const ARTICLE_REQUIRED = ['title', 'body'] as const;

export const articleRow = z.strictObject({
  title: text(200),
  body: text(20_000),
  url: pageUrl.optional(),
  topic: text(60).optional(),
});
export type ArticleRow = z.infer<typeof articleRow>;

export const PRODUCT_COLUMNS = [
  'sku',
  'title',
  'description',
  'category',
  'price',
  'currency',
  'image_url',
  'url',
  'in_stock',
] as const;
export const PRODUCT_REQUIRED = ['sku', 'title', 'price'] as const;

const TRUE = ['true', 'yes', '1', 'y'];
const FALSE = ['false', 'no', '0', 'n'];

const price = z
  .union(
    [
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d+(?:\.\d+)?$/, 'Use a plain number like 49.99 (no currency sign)')
        .transform(Number),
    ],
    { error: (issue) => (issue.input === undefined ? 'Required' : 'Use a plain number like 49.99 (no currency sign)') },
  )
  .pipe(z.number().min(0, 'The price cannot be negative').max(10_000_000));

const inStock = z.union(
  [
    z.boolean(),
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => TRUE.includes(v) || FALSE.includes(v), 'Use true or false')
      .transform((v) => TRUE.includes(v)),
  ],
  { error: 'Use true or false' },
);

export const productRow = z
  .strictObject({
    sku: z
      .string(required)
      .trim()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'Use letters, digits, . _ - / only'),
    title: text(200),
    description: z.string().trim().max(5000).default(''),
    category: z.string().trim().max(100).default(''),
    price,
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, 'Use a 3-letter currency code like USD')
      .transform((v) => v.toUpperCase())
      .default('USD'),
    image_url: httpUrl.optional(),
    url: pageUrl.optional(),
    in_stock: inStock.default(true),
  })
  .transform((row, ctx) => {
    const digits = minorDigits(row.currency);
    const minor = row.price * 10 ** digits;
    if (Math.abs(minor - Math.round(minor)) > 1e-6) {
      ctx.addIssue({
        code: 'custom',
        path: ['price'],
        message: `${row.currency} prices have at most ${digits} decimal${digits === 1 ? '' : 's'}`,
      });
      return z.NEVER;
    }
    return { ...row, priceCents: Math.round(minor) };
  });
export type ProductRow = z.infer<typeof productRow>;

/** How many decimals the currency's prices have (2 for USD, 0 for JPY); 2 when the runtime does not know it. */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
