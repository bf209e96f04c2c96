// A fresh batch for the last session-6 step (issue 10), written before running it and before any fix:
// the known miss classes (a right article just below the contest window or the confidence threshold,
// a leader mentioning the topic only in passing, a gift or a wrong size without an action verb, first
// order discounts, out-of-scope questions sharing a store word, kinds the catalog does not carry) and
// unrelated questions across many articles, in shoppers' voices. Part of the tuning split from now on.
import type { EvalCase } from './cases';

export const TUNING_FINAL: EvalCase[] = [
  // ── near the threshold / below the window ───────────────────────────────────────────────────
  { q: 'my running shoes smell awful after a month', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  {
    q: 'can i throw my fleece in the dryer',
    expect: { article: ['caring-for-waterproof-jackets', 'washing-merino-wool'] },
  },
  {
    q: 'water is getting through the seams of my tent, is that covered',
    expect: { article: 'warranty-on-apparel-and-gear' },
  },
  { q: 'my merino tee shrank in the wash', expect: { article: 'washing-merino-wool' } },
  { q: 'the eyelet on my boot popped out', expect: { article: 'warranty-on-footwear' } },
  { q: 'hip belt on my pack tore after a week', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'the shoulder strap came loose on my rucksack', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'my rain coat isnt beading water anymore', expect: { article: 'caring-for-waterproof-jackets' } },
  // ── passing mentions ───────────────────────────────────────────────────────────────────────
  { q: 'how fast is express delivery', expect: { article: 'shipping-times-and-costs' } },
  { q: 'how do i update my password', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'can i change the email address on my profile', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'why is my order taking so long to arrive', expect: 'order' },
  { q: 'how many days does standard delivery usually take', expect: { article: 'shipping-times-and-costs' } },
  { q: 'how do I unsubscribe from the newsletter', expect: { article: 'creating-and-managing-your-account' } },
  // ── gifts and sizes ────────────────────────────────────────────────────────────────────────
  { q: 'my uncle got me a jacket for christmas but its too big', expect: { article: 'returning-a-gift' } },
  { q: 'received hiking boots as a birthday present, wrong size', expect: { article: 'returning-a-gift' } },
  {
    q: 'these trail shoes are half a size too small, i need a bigger pair',
    expect: { article: 'returns-and-exchanges' },
  },
  { q: 'the jacket i bought is too tight, can i get a large instead', expect: { article: 'returns-and-exchanges' } },
  // ── discounts ─────────────────────────────────────────────────────────────────────────────
  { q: 'do new customers get a discount on their first purchase', expect: { article: 'promo-codes-and-sales' } },
  { q: 'is there a code for signing up to emails', expect: { article: 'promo-codes-and-sales' } },
  { q: 'can i use two promo codes on one order', expect: { article: 'promo-codes-and-sales' } },
  { q: 'im at university, any deals for me?', expect: { article: 'student-discount' } },
  // ── other articles ────────────────────────────────────────────────────────────────────────
  { q: 'can i pick up my online return at your portland shop', expect: { article: 'store-locations-and-hours' } },
  { q: 'what time do you close on sundays', expect: { article: 'store-locations-and-hours' } },
  { q: 'my package says delivered but its not here', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'got two left shoes in the box', expect: { article: 'missing-or-wrong-items' } },
  { q: 'i placed an order 20 mins ago, can i still cancel it', expect: { article: 'changing-or-cancelling-an-order' } },
  { q: 'my bank declined the card even though i have money', expect: { article: 'why-was-my-payment-declined' } },
  {
    q: 'will i get charged duties when my order reaches sydney',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },
  { q: 'my size is sold out, will it come back', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'how do i know what pack size fits my back', expect: { article: 'backpack-fit-guide' } },
  { q: 'whats a UK 7 in american shoe sizes', expect: { article: 'international-size-conversions' } },
  { q: 'when does my refund show up on paypal', expect: { article: 'refund-timing' } },
  { q: 'can i send back underwear i opened', expect: { article: 'items-that-cannot-be-returned' } },
  { q: 'is there a balance check for gift cards', expect: { article: 'gift-cards' } },
  { q: 'do the socks really have a lifetime warranty', expect: { article: 'lifetime-sock-guarantee' } },
  // ── out of scope ──────────────────────────────────────────────────────────────────────────
  { q: 'will bitcoin hit 100k this year', expect: 'none' },
  { q: 'is amazon stock a good buy right now', expect: 'none' },
  { q: 'any ideas for secret santa under 10 dollars', expect: 'none' },
  { q: 'whats the exchange rate for euros today', expect: 'none' },
  { q: 'how do i fix a flat bike tire', expect: 'none' },
  { q: 'can you recommend a good dentist in denver', expect: 'none' },
  // ── products ──────────────────────────────────────────────────────────────────────────────
  { q: 'do you sell ski boots', expect: 'none' },
  { q: 'do you carry kayaks', expect: 'none' },
  { q: 'any long sleeve running shirts', expect: { products: 't-shirts' } },
  { q: 'need a warm jacket for winter', expect: { products: 'jackets' } },
];
