// HELD-OUT questions. Written before any retrieval work, in the voice of real shoppers, and never
// used for tuning: no lexicon entry, weight or rule may be added because a question here missed. The
// figures on this split are the honest estimate of accuracy on questions nobody has seen. If a
// question here turns out to be wrong about the demo store's content, fix the expectation, not the agent.
import type { EvalCase } from './cases';

export const HELD_OUT: EvalCase[] = [
  // ── article answers ──────────────────────────────────────────────────────────────────────────
  { q: 'hey do yall ship to vancouver', expect: { article: 'international-shipping' } },
  { q: 'How much is shipping if my order is like $40?', expect: { article: 'shipping-times-and-costs' } },
  {
    q: 'i ordered the wrong size boots can i swap them for a bigger size',
    expect: { article: 'returns-and-exchanges' },
  },
  { q: 'cuanto tarda el envío a España?', expect: { article: 'international-shipping' } },
  { q: 'Wie lange dauert die Rückerstattung?', expect: { article: 'refund-timing' } },
  { q: 'ma commande est arrivée abîmée', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'it says delivered but theres nothing at my door', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'can i send back socks i already opened', expect: { article: 'items-that-cannot-be-returned' } },
  { q: "my aunt got me a jacket from you but it doesn't fit, what can i do", expect: { article: 'returning-a-gift' } },
  {
    q: 'what size hiking boot should i get if im usually a 10 and wear thick socks',
    expect: { article: 'shoe-size-guide' },
  },
  { q: "is a men's medium tee about a 40 inch chest?", expect: { article: 'apparel-size-chart' } },
  { q: 'im a uk 8 in shoes what is that in us sizes', expect: { article: 'international-size-conversions' } },
  { q: 'how do i know what size backpack fits my torso', expect: { article: 'backpack-fit-guide' } },
  { q: 'can I pay with google pay?', expect: { article: 'payment-methods-we-accept' } },
  {
    q: 'is there a buy now pay later option',
    expect: { article: ['pay-later-with-klarna', 'payment-methods-we-accept'] },
  },
  {
    q: 'will i have to pay customs when the package arrives in the uk',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },
  { q: 'my card keeps getting rejected at checkout', expect: { article: 'why-was-my-payment-declined' } },
  {
    q: 'the stitching on my trail runners is coming apart after two months of use, is that covered?',
    expect: { article: 'warranty-on-footwear' },
  },
  { q: 'zip on my rain jacket broke can u repair it', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'got a hole in my merino socks already', expect: { article: 'lifetime-sock-guarantee' } },
  {
    q: 'I put the wrong address on my order 10 minutes ago, can I fix it?',
    expect: { article: 'changing-or-cancelling-an-order' },
  },
  { q: "only got half my order, where's the rest", expect: { article: 'missing-or-wrong-items' } },
  { q: 'when will the alpine boot be back in size 11', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'how do I change the email on my account', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'can i put my gore tex shell in the dryer?', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'best way to get mud off leather boots', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  { q: 'do merino shirts shrink in the wash', expect: { article: 'washing-merino-wool' } },
  { q: 'are you open on sundays', expect: { article: 'store-locations-and-hours' } },
  { q: 'do gift cards expire?', expect: { article: 'gift-cards' } },
  { q: "I'm at college, any discount for students?", expect: { article: 'student-discount' } },
  { q: 'my promo code isnt working', expect: { article: 'promo-codes-and-sales' } },
  {
    q: 'the price dropped a week after I bought it, can I get the difference back',
    expect: { article: 'promo-codes-and-sales' },
  },
  { q: 'whats the warrenty on a tent', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'retrun polcy?', expect: { article: 'returns-and-exchanges' } },
  { q: 'how long does standrad delivery take', expect: { article: 'shipping-times-and-costs' } },
  {
    q: "hi there! I bought some running shoes from you last month and honestly they're great, but I've noticed the sole is starting to separate from the upper near the toe and I'm wondering whether this kind of thing would be covered or if I'm out of luck since I've been running in them pretty much every day",
    expect: { article: 'warranty-on-footwear' },
  },
  {
    q: 'I want to return a jacket I bought online, can I just bring it to the Portland store instead of mailing it back, and would I get my money back on my card?',
    expect: { article: ['returns-and-exchanges', 'store-locations-and-hours', 'refund-timing'] },
  },
  { q: 'do you ship to australia and how much does it cost', expect: { article: 'international-shipping' } },
  { q: 'r u guys open late today', expect: { article: 'store-locations-and-hours' } },
  { q: 'can i cancel', expect: { article: 'changing-or-cancelling-an-order' } },
  {
    q: 'Is it possible to use two gift cards and paypal together',
    expect: { article: ['payment-methods-we-accept', 'gift-cards'] },
  },
  { q: 'quanto custa o frete para o Canadá', expect: { article: 'international-shipping' } },
  { q: 'politica de devoluciones', expect: { article: 'returns-and-exchanges' } },
  { q: 'how fast can I get it, I need it by friday', expect: { article: 'shipping-times-and-costs' } },
  { q: 'do you charge sales tax', expect: { article: 'sales-tax-and-duties' } },
  { q: 'I sent my return back last week, when will I see the money', expect: { article: 'refund-timing' } },

  // ── product search ───────────────────────────────────────────────────────────────────────────
  { q: 'looking for a warm jacket for skiing', expect: { products: 'jackets' } },
  { q: 'need a tent for 4 ppl', expect: { products: 'tents' } },
  { q: 'any trail shoes under 100 bucks?', expect: { products: 'running shoes' } },
  { q: 'what do you have for kids hiking', expect: { products: 'hiking boots' } },
  { q: 'headlamp', expect: { products: 'accessories' } },
  { q: 'recommend a daypack for day hikes', expect: { products: 'backpacks' } },
  { q: 'wool socks for winter', expect: { products: 'socks' } },
  { q: 'cheapest running shoe you have?', expect: { products: 'running shoes' } },
  { q: 'thermal underwear', expect: { products: 'base layers' } },

  // ── order status ─────────────────────────────────────────────────────────────────────────────
  { q: 'wheres my stuff??', expect: 'order' },
  { q: 'has my order shipped yet', expect: 'order' },
  { q: 'tracking number for my order pls', expect: 'order' },
  { q: '¿dónde está mi pedido?', expect: 'order' },

  // ── small talk ───────────────────────────────────────────────────────────────────────────────
  { q: 'thx so much!', expect: 'smalltalk' },
  { q: 'good morning :)', expect: 'smalltalk' },
  { q: 'are you a bot', expect: 'smalltalk' },

  // ── human request ────────────────────────────────────────────────────────────────────────────
  { q: 'can i talk to someone real', expect: 'human' },
  { q: 'I need to speak with a manager now', expect: 'human' },
  { q: 'operator', expect: 'human' },

  // ── out of scope: must not be answered with an article or cards ──────────────────────────────
  { q: 'are you hiring for summer jobs?', expect: 'none' },
  { q: "what's the weather like in denver this weekend", expect: 'none' },
  { q: 'can you help me with my math homework', expect: 'none' },
  { q: "what's the best trail near boulder to hike", expect: 'none' },
  { q: 'do you price match amazon', expect: 'none' },
  { q: 'is parking free at your store', expect: 'none' },
  { q: 'tell me a joke', expect: 'none' },
  { q: 'who won the game last night', expect: 'none' },
  { q: 'do you sell bikes?', expect: 'none' },
];
