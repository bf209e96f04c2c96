// TUNING_ARTICLES_2: a second tuning batch of article questions (session 6), written after the first
// batch's fixes and committed before it was run, to check that those fixes generalise: all 30 demo
// articles, the way shoppers type (typos, chat spelling, paraphrases, stories, several clauses, other
// languages). Part of TUNING (tuning.ts).
import type { EvalCase } from './cases';

export const TUNING_ARTICLES_2: EvalCase[] = [
  // ── shipping times and costs ─────────────────────────────────────────────────────────────────
  { q: 'whats standard delivery cost for a $40 order', expect: { article: 'shipping-times-and-costs' } },
  { q: 'how many business days for regular shipping to florida', expect: { article: 'shipping-times-and-costs' } },
  { q: 'is 2 day shipping an option', expect: { article: 'shipping-times-and-costs' } },
  { q: 'when do you guys stop shipping same day', expect: { article: 'shipping-times-and-costs' } },

  // ── international shipping ───────────────────────────────────────────────────────────────────
  { q: 'can i order from scotland', expect: { article: 'international-shipping' } },
  { q: 'shipping to brazil possible?', expect: { article: 'international-shipping' } },
  { q: 'Livrez-vous en Belgique et combien ça coûte ?', expect: { article: 'international-shipping' } },
  { q: 'is shipping free to canada if i spend enough', expect: { article: 'international-shipping' } },

  // ── tracking ─────────────────────────────────────────────────────────────────────────────────
  { q: 'where do i find my tracking number', expect: { article: 'where-is-my-order-tracking-an-order' } },
  {
    q: 'my tracking number doesnt work on the carrier site yet',
    expect: { article: 'where-is-my-order-tracking-an-order' },
  },
  {
    q: 'tracking hasnt moved in a week, can you look into it with the courier',
    expect: { article: 'where-is-my-order-tracking-an-order' },
  },

  // ── lost or damaged packages ─────────────────────────────────────────────────────────────────
  { q: 'parcel marked as delivered but its not here', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'the boots arrived with a big dent in the box and scuffs', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'i think my package got stolen', expect: { article: 'lost-or-damaged-packages' } },
  { q: 'mein Paket ist beschädigt angekommen', expect: { article: 'lost-or-damaged-packages' } },

  // ── returns and exchanges ────────────────────────────────────────────────────────────────────
  { q: 'hw do i start a return', expect: { article: 'returns-and-exchanges' } },
  { q: 'can i exchange my jacket for a smaller one', expect: { article: 'returns-and-exchanges' } },
  { q: 'is there a time limit on returns', expect: { article: 'returns-and-exchanges' } },
  {
    q: 'these trail shoes are too narrow for me, i want to swap them for the wide version',
    expect: { article: 'returns-and-exchanges' },
  },
  { q: 'if i send something back from australia do i pay for it', expect: { article: 'returns-and-exchanges' } },
  { q: 'posso restituire un ordine?', expect: { article: 'returns-and-exchanges' } },

  // ── refund timing ────────────────────────────────────────────────────────────────────────────
  { q: 'how many days until my refund shows up', expect: { article: 'refund-timing' } },
  { q: 'you got my return 5 days ago, wheres my refund', expect: { article: 'refund-timing' } },
  { q: 'will my refund go back to paypal', expect: { article: 'refund-timing' } },
  { q: 'Wie lange dauert die Rückerstattung?', expect: { article: 'refund-timing' } },

  // ── items that cannot be returned ────────────────────────────────────────────────────────────
  { q: 'can i return base layers', expect: { article: 'items-that-cannot-be-returned' } },
  { q: 'are final sale items returnable', expect: { article: 'items-that-cannot-be-returned' } },
  {
    q: 'wore my running shoes on a couple of runs and they give me blisters, can i return them',
    expect: { article: ['items-that-cannot-be-returned', 'returns-and-exchanges'] },
  },
  { q: 'what items are not eligible for return', expect: { article: 'items-that-cannot-be-returned' } },

  // ── returning a gift ─────────────────────────────────────────────────────────────────────────
  {
    q: 'my partner got me a fleece for christmas but its the wrong colour, can i change it',
    expect: { article: 'returning-a-gift' },
  },
  { q: 'how do i return something that was a gift', expect: { article: 'returning-a-gift' } },
  {
    q: 'i was given these boots as a present and they dont fit, no receipt though',
    expect: { article: 'returning-a-gift' },
  },
  { q: 'will the person who sent me the gift find out if i return it', expect: { article: 'returning-a-gift' } },
  { q: 'regalo equivocado de talla, puedo cambiarlo?', expect: { article: 'returning-a-gift' } },

  // ── shoe size guide ──────────────────────────────────────────────────────────────────────────
  { q: 'do your trail runners come in wide', expect: { article: 'shoe-size-guide' } },
  { q: 'should i order my normal shoe size', expect: { article: 'shoe-size-guide' } },
  { q: 'hiking boots half size up or true size?', expect: { article: 'shoe-size-guide' } },
  { q: 'how to measure feet for boots', expect: { article: 'shoe-size-guide' } },

  // ── apparel size chart ───────────────────────────────────────────────────────────────────────
  { q: 'what chest size is a mens large', expect: { article: 'apparel-size-chart' } },
  { q: 'do your t-shirts run small', expect: { article: 'apparel-size-chart' } },
  { q: 'is the softshell a slim fit or relaxed', expect: { article: 'apparel-size-chart' } },
  { q: 'between a small and medium in the base layer, which one', expect: { article: 'apparel-size-chart' } },

  // ── international size conversions ───────────────────────────────────────────────────────────
  { q: 'convert EU 44 to US', expect: { article: 'international-size-conversions' } },
  { q: 'im a size 6 in the UK, what US size is that for shoes', expect: { article: 'international-size-conversions' } },
  {
    q: 'are your sizes american or european',
    expect: { article: ['international-size-conversions', 'shoe-size-guide'] },
  },

  // ── backpack fit ─────────────────────────────────────────────────────────────────────────────
  { q: 'which pack size for a 18 inch torso', expect: { article: 'backpack-fit-guide' } },
  { q: 'how should a hiking backpack fit', expect: { article: 'backpack-fit-guide' } },
  { q: 'is the back panel adjustable on your packs', expect: { article: 'backpack-fit-guide' } },

  // ── payment methods ──────────────────────────────────────────────────────────────────────────
  { q: 'can i checkout with apple pay on my phone', expect: { article: 'payment-methods-we-accept' } },
  { q: 'do you accept discover cards', expect: { article: 'payment-methods-we-accept' } },
  { q: 'what cards do you take', expect: { article: 'payment-methods-we-accept' } },
  { q: 'can i use a gift card plus my credit card', expect: { article: 'payment-methods-we-accept' } },
  { q: 'aceitam cartão de crédito?', expect: { article: 'payment-methods-we-accept' } },

  // ── klarna ───────────────────────────────────────────────────────────────────────────────────
  { q: 'does paying with klarna cost extra', expect: { article: 'pay-later-with-klarna' } },
  { q: 'can i pay for my boots in installments', expect: { article: 'pay-later-with-klarna' } },
  { q: 'who do i talk to about my klarna payment schedule', expect: { article: 'pay-later-with-klarna' } },

  // ── sales tax and duties ─────────────────────────────────────────────────────────────────────
  { q: 'is sales tax included in the price', expect: { article: 'sales-tax-and-duties' } },
  {
    q: 'will the courier charge me import fees when it arrives in the UK',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },
  { q: 'how do i get tax exemption for my charity', expect: { article: 'sales-tax-and-duties' } },

  // ── payment declined ─────────────────────────────────────────────────────────────────────────
  { q: 'why does my card keep failing', expect: { article: 'why-was-my-payment-declined' } },
  { q: 'transaction declined but i have money in the account', expect: { article: 'why-was-my-payment-declined' } },
  { q: 'bank app says the purchase was blocked, why', expect: { article: 'why-was-my-payment-declined' } },
  { q: 'pago rechazado, que hago', expect: { article: 'why-was-my-payment-declined' } },

  // ── warranty on footwear ─────────────────────────────────────────────────────────────────────
  { q: 'the toe of my hiking boot is coming unglued', expect: { article: 'warranty-on-footwear' } },
  { q: 'are running shoes covered if the cushioning goes flat', expect: { article: 'warranty-on-footwear' } },
  { q: 'stitches came loose on my boots after a month', expect: { article: 'warranty-on-footwear' } },
  {
    q: 'bought trail runners in march and the upper already ripped near the laces, what can you do',
    expect: { article: 'warranty-on-footwear' },
  },
  { q: 'ma semelle se décolle, c est sous garantie ?', expect: { article: 'warranty-on-footwear' } },

  // ── warranty on apparel and gear ─────────────────────────────────────────────────────────────
  { q: 'my tent pole cracked, do you repair those', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'the stitching on my backpack strap is unravelling', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'how long is the warranty on a backpack', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'the zipper pull came off my fleece', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'seam tape is peeling inside my rain jacket', expect: { article: 'warranty-on-apparel-and-gear' } },

  // ── sock guarantee ───────────────────────────────────────────────────────────────────────────
  { q: 'wore a hole through my hiking socks', expect: { article: 'lifetime-sock-guarantee' } },
  { q: 'do the sock guarantee cover lost socks', expect: { article: 'lifetime-sock-guarantee' } },
  { q: 'how do i claim a replacement pair of socks', expect: { article: 'lifetime-sock-guarantee' } },

  // ── changing or cancelling an order ──────────────────────────────────────────────────────────
  { q: 'how long do i have to cancel after ordering', expect: { article: 'changing-or-cancelling-an-order' } },
  {
    q: 'can i switch the colour on an order i placed this morning',
    expect: { article: 'changing-or-cancelling-an-order' },
  },
  {
    q: 'my order already shipped but the address is wrong',
    expect: { article: 'changing-or-cancelling-an-order' },
  },
  { q: 'annuler ma commande svp', expect: { article: 'changing-or-cancelling-an-order' } },

  // ── missing or wrong items ───────────────────────────────────────────────────────────────────
  { q: 'i got the right shoes but the wrong size', expect: { article: 'missing-or-wrong-items' } },
  { q: 'ordered two jackets, only one in the box', expect: { article: 'missing-or-wrong-items' } },
  { q: 'you sent black socks instead of grey', expect: { article: 'missing-or-wrong-items' } },
  { q: 'Artikel fehlt in meiner Bestellung', expect: { article: 'missing-or-wrong-items' } },

  // ── out of stock and backorders ──────────────────────────────────────────────────────────────
  { q: 'can i get an email when my size is back', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'do you restock sold out colours', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'will i be charged now for a backordered item', expect: { article: 'out-of-stock-and-backorders' } },

  // ── account ──────────────────────────────────────────────────────────────────────────────────
  { q: 'how do i make an account', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'i want to save my address for next time', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'can you close my account please', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'how to reset password', expect: { article: 'creating-and-managing-your-account' } },

  // ── care: jackets, boots, merino ─────────────────────────────────────────────────────────────
  { q: 'what detergent for a waterproof shell', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'how do i reproof my rain jacket', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'my raincoat feels less breathable, should i wash it', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'how do i get mud off my boots', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  { q: 'can i dry my wet boots by the fire', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  { q: 'my sneakers stink, how do i clean them', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  { q: 'is it ok to use fabric softener on merino', expect: { article: 'washing-merino-wool' } },
  { q: 'hot or cold wash for wool t-shirts', expect: { article: 'washing-merino-wool' } },
  { q: 'come lavare la lana merino?', expect: { article: 'washing-merino-wool' } },

  // ── stores ───────────────────────────────────────────────────────────────────────────────────
  { q: 'where is your shop in denver', expect: { article: 'store-locations-and-hours' } },
  { q: 'what time do you open tomorrow', expect: { article: 'store-locations-and-hours' } },
  { q: 'can i get fitted for running shoes in store', expect: { article: 'store-locations-and-hours' } },
  { q: 'any stores on the east coast', expect: { article: 'store-locations-and-hours' } },

  // ── gift cards ───────────────────────────────────────────────────────────────────────────────
  { q: 'can i email a gift card to my friend', expect: { article: 'gift-cards' } },
  { q: 'whats the max value of a gift card', expect: { article: 'gift-cards' } },
  { q: 'can i use a gift card in your stores', expect: { article: 'gift-cards' } },

  // ── student discount ─────────────────────────────────────────────────────────────────────────
  { q: 'where do i get the student code from', expect: { article: 'student-discount' } },
  { q: 'is the student discount valid on sale items', expect: { article: 'student-discount' } },
  { q: 'do grad students get a discount', expect: { article: 'student-discount' } },

  // ── promo codes and sales ────────────────────────────────────────────────────────────────────
  { q: 'my promo code isnt working', expect: { article: 'promo-codes-and-sales' } },
  { q: 'the thing i ordered went on sale two days later', expect: { article: 'promo-codes-and-sales' } },
  { q: 'how do i get the 10% off for signing up', expect: { article: 'promo-codes-and-sales' } },
  { q: 'can i add a discount code after i placed my order', expect: { article: 'promo-codes-and-sales' } },
];
