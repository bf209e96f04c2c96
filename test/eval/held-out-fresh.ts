// A SECOND held-out batch, written on 2026-12-03 before that day's retrieval work and never tuned
// against. The first held-out batch's misses were read while choosing what to improve, so its figure
// is no longer a clean estimate on its own; this batch is. Same rule as held-out.ts: a wrong
// expectation about the demo store's content is fixed here, a miss is never fixed in the agent for
// its own sake. Disclosure: this batch's misses were printed once, at the start of that day's work;
// one general class added afterwards (rentals and resale as off-topic, lexicon OFF_TOPIC) also covers
// its "do you rent tents" miss.
import type { EvalCase } from './cases';

export const HELD_OUT_FRESH: EvalCase[] = [
  // ── article answers ──────────────────────────────────────────────────────────────────────────
  { q: 'do you guys deliver to ireland', expect: { article: 'international-shipping' } },
  { q: 'how many business days for standard shipping', expect: { article: 'shipping-times-and-costs' } },
  { q: 'is there free shipping over a certain amount', expect: { article: 'shipping-times-and-costs' } },
  {
    q: 'i have a wedding on saturday, will my boots get here in time if i order today?',
    expect: { article: 'shipping-times-and-costs' },
  },
  { q: 'my tracking number doesnt work', expect: { article: 'where-is-my-order-tracking-an-order' } },
  { q: 'the box showed up ripped open and a shoe is scuffed', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'can i exchange my jacket for a medium instead of a large', expect: { article: 'returns-and-exchanges' } },
  { q: 'do i have to pay for return shipping', expect: { article: 'returns-and-exchanges' } },
  { q: 'when do i get my refund', expect: { article: 'refund-timing' } },
  { q: 'returned my boots 2 weeks ago and still havent been refunded', expect: { article: 'refund-timing' } },
  { q: '¿cuándo me devuelven el dinero?', expect: { article: 'refund-timing' } },
  { q: 'can I return underwear', expect: { article: 'items-that-cannot-be-returned' } },
  {
    q: 'someone gave me a backpack from your store as a gift, can I exchange it without them knowing',
    expect: { article: 'returning-a-gift' },
  },
  { q: 'im between sizes in your trail shoes, go up or down?', expect: { article: 'shoe-size-guide' } },
  { q: 'what chest size is a womens large', expect: { article: 'apparel-size-chart' } },
  { q: 'EU 39 womens in US?', expect: { article: 'international-size-conversions' } },
  { q: 'do you take discover card', expect: { article: 'payment-methods-we-accept' } },
  { q: 'can I pay with klarna on a $20 order', expect: { article: 'pay-later-with-klarna' } },
  {
    q: 'will the courier charge me import fees in australia',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },
  { q: 'transaction failed but my bank says its fine', expect: { article: 'why-was-my-payment-declined' } },
  {
    q: 'the tread on my boots wore down after a year, is that a warranty thing?',
    expect: { article: 'warranty-on-footwear' },
  },
  { q: 'my backpack strap ripped off', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'my merino hiking socks have a hole in the heel', expect: { article: 'lifetime-sock-guarantee' } },
  { q: 'i want to add something to the order i just placed', expect: { article: 'changing-or-cancelling-an-order' } },
  { q: 'you sent me a size 8 instead of a 9', expect: { article: 'missing-or-wrong-items' } },
  { q: 'is the summit jacket going to be restocked?', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'I forgot my password', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'how do i re-waterproof my rain jacket', expect: { article: 'caring-for-waterproof-jackets' } },
  {
    q: 'my boots smell terrible after hiking, how do i clean them',
    expect: { article: 'cleaning-and-waterproofing-hiking-boots' },
  },
  { q: 'can i use regular detergent on merino', expect: { article: 'washing-merino-wool' } },
  { q: 'what are your hours on sunday in burlington', expect: { article: 'store-locations-and-hours' } },
  { q: 'can i get fitted for running shoes in person', expect: { article: 'store-locations-and-hours' } },
  { q: 'can i use a gift card in your store', expect: { article: 'gift-cards' } },
  { q: 'does the student discount work on sale items', expect: { article: 'student-discount' } },
  { q: 'do you have a newsletter discount', expect: { article: 'promo-codes-and-sales' } },
  {
    q: "Hi, so I ordered two pairs of socks and a fleece last Tuesday and the package came today but there's only the socks in there, no fleece, and the packing slip lists it, so what do I do?",
    expect: { article: 'missing-or-wrong-items' },
  },
  { q: 'Kann ich meine Bestellung stornieren?', expect: { article: 'changing-or-cancelling-an-order' } },
  { q: 'Acceptez-vous Apple Pay ?', expect: { article: 'payment-methods-we-accept' } },

  // ── product search ───────────────────────────────────────────────────────────────────────────
  { q: 'insulated jacket for hiking in winter', expect: { products: 'jackets' } },
  { q: 'got any lightweight running shoes', expect: { products: 'running shoes' } },
  { q: 'a 2 person tent', expect: { products: 'tents' } },

  // ── order status ─────────────────────────────────────────────────────────────────────────────
  { q: 'did my order ship', expect: 'order' },

  // ── small talk, human ────────────────────────────────────────────────────────────────────────
  { q: 'cheers mate', expect: 'smalltalk' },
  { q: 'please connect me to customer support', expect: 'human' },

  // ── out of scope ─────────────────────────────────────────────────────────────────────────────
  { q: 'is the denver store wheelchair accessible', expect: 'none' },
  { q: 'what is the snow forecast for vermont', expect: 'none' },
  { q: 'do you rent tents', expect: 'none' },
  { q: 'can you recommend a hiking trail in oregon', expect: 'none' },
  { q: 'who makes your boots, are they made in china', expect: 'none' },
  { q: 'do you offer a military discount', expect: 'none' },
];
