// The shape of one evaluation question and what counts as a right reply. Shared by both question
// sets and the harness.

/**
 * What a right reply is:
 * - `article`: an answer from this article (any of several when more than one truly answers);
 * - `products`: product cards, the first (best) one from this catalog category (null: any category);
 * - `order`: the order-status reply (the shopper's orders, or the tracking answer and a sign-in offer);
 * - `smalltalk`, `human`: a small-talk reply; a hand-off to a person;
 * - `none`: out of scope — an honest "not sure", never an article or product cards.
 */
export type Expect =
  | { article: string | readonly string[] }
  | { products: string | null }
  | 'order'
  | 'smalltalk'
  | 'human'
  | 'none';

export interface EvalCase {
  q: string;
  expect: Expect;
}

export type Category =
  | 'article answer'
  | 'product search'
  | 'order status'
  | 'small talk'
  | 'human request'
  | 'out of scope';

export function categoryOf(expect: Expect): Category {
  if (expect === 'order') return 'order status';
  if (expect === 'smalltalk') return 'small talk';
  if (expect === 'human') return 'human request';
  if (expect === 'none') return 'out of scope';
  return 'article' in expect ? 'article answer' : 'product search';
}
