// TUNING_ARTICLES: a tuning batch of article questions for all 30 demo articles, written (session 6)
// before any of them was run, the way shoppers type: typos and chat spelling, paraphrases sharing no
// word with the article, long rambling and angry messages, questions whose second clause carries the
// topic, and other languages. Part of TUNING (tuning.ts): the lexicon and weights may be adjusted
// against it; the held-out batches say whether that generalises.
import type { EvalCase } from './cases';

export const TUNING_ARTICLES: EvalCase[] = [
  // ── shipping times and costs ─────────────────────────────────────────────────────────────────
  { q: 'how much is postage if my order is under 75 bucks', expect: { article: 'shipping-times-and-costs' } },
  { q: 'if i order before lunch will it go out today?', expect: { article: 'shipping-times-and-costs' } },
  { q: 'wat does express cost n how fast is it', expect: { article: 'shipping-times-and-costs' } },
  { q: 'im in ohio, roughly when would my stuff get here', expect: { article: 'shipping-times-and-costs' } },
  { q: 'is there a minimum spend to get free delivery', expect: { article: 'shipping-times-and-costs' } },
  {
    q: 'need new trail shoes before a race on saturday, if I order today can they make it in time?',
    expect: { article: 'shipping-times-and-costs' },
  },

  // ── international shipping ───────────────────────────────────────────────────────────────────
  { q: 'any chance you guys send stuff over to ireland?', expect: { article: 'international-shipping' } },
  {
    q: 'i live in vancouver, how many days would a parcel take and what does it cost',
    expect: { article: 'international-shipping' },
  },
  { q: 'do you post to new zealand', expect: { article: 'international-shipping' } },
  { q: 'versendet ihr auch nach Österreich?', expect: { article: 'international-shipping' } },
  { q: 'enviáis a España?', expect: { article: 'international-shipping' } },
  { q: 'whats the shipping fee to sydney', expect: { article: 'international-shipping' } },

  // ── tracking ─────────────────────────────────────────────────────────────────────────────────
  { q: 'i never got an email with a tracking number', expect: { article: 'where-is-my-order-tracking-an-order' } },
  {
    q: 'tracking link just says label created and nothing since yesterday',
    expect: { article: 'where-is-my-order-tracking-an-order' },
  },
  {
    q: 'is there a way to follow my parcel if i checked out as a guest',
    expect: { article: 'where-is-my-order-tracking-an-order' },
  },
  {
    q: 'the tracking info has shown the same status for 6 days now, is something wrong',
    expect: { article: 'where-is-my-order-tracking-an-order' },
  },

  // ── lost or damaged packages ─────────────────────────────────────────────────────────────────
  {
    q: 'the courier says it was delivered but theres nothing here',
    expect: { article: 'lost-or-damaged-packages' },
  },
  {
    q: 'box turned up soaking wet and the jacket inside is ruined',
    expect: { article: 'lost-or-damaged-packages' },
  },
  {
    q: 'the delivery driver threw my parcel over the fence and the shoe box got smashed',
    expect: { article: 'lost-or-damaged-packages' },
  },
  { q: 'mi paquete llegó dañado', expect: { article: 'lost-or-damaged-packages' } },
  {
    q: 'app says delivered on tuesday, asked the neighbours, nobody has it',
    expect: { article: 'lost-or-damaged-packages' },
  },

  // ── returns and exchanges ────────────────────────────────────────────────────────────────────
  { q: 'how many days do i have to send stuff back', expect: { article: 'returns-and-exchanges' } },
  { q: 'do i have to pay for the return label', expect: { article: 'returns-and-exchanges' } },
  {
    q: 'can I swap my trail runners for half a size bigger',
    expect: { article: 'returns-and-exchanges' },
  },
  {
    q: 'i live in canada, can i still return my order and is that free too',
    expect: { article: 'returns-and-exchanges' },
  },
  { q: 'Hallo, wie kann ich eine Bestellung zurückschicken?', expect: { article: 'returns-and-exchanges' } },
  {
    q: 'the jacket is fine but i just dont like the colour on me. what are my options',
    expect: { article: 'returns-and-exchanges' },
  },
  { q: 'where do i drop off a return parcel', expect: { article: 'returns-and-exchanges' } },

  // ── refund timing ────────────────────────────────────────────────────────────────────────────
  {
    q: 'sent my return back two weeks ago and still no money',
    expect: { article: 'refund-timing' },
  },
  { q: 'when will the refund hit my bank account', expect: { article: 'refund-timing' } },
  { q: 'how long does a refund to apple pay take', expect: { article: 'refund-timing' } },
  {
    q: 'i paid with klarna and returned the boots, what happens to my remaining payments',
    expect: { article: ['refund-timing', 'pay-later-with-klarna'] },
  },
  { q: 'quand vais-je recevoir mon remboursement ?', expect: { article: 'refund-timing' } },
  {
    q: 'THIS IS RIDICULOUS my refund STILL hasnt come through',
    expect: { article: 'refund-timing' },
  },

  // ── items that cannot be returned ────────────────────────────────────────────────────────────
  { q: 'can i return socks if i opened the pack', expect: { article: 'items-that-cannot-be-returned' } },
  { q: 'is underwear returnable', expect: { article: 'items-that-cannot-be-returned' } },
  {
    q: 'bought something marked final sale, can i still send it back',
    expect: { article: 'items-that-cannot-be-returned' },
  },
  {
    q: 'took my new boots on a muddy trail once and they hurt, can i return them',
    expect: { article: ['items-that-cannot-be-returned', 'returns-and-exchanges'] },
  },
  { q: 'is there anything you dont take back?', expect: { article: 'items-that-cannot-be-returned' } },

  // ── returning a gift ─────────────────────────────────────────────────────────────────────────
  { q: 'got a gift in the wrong size, how do i swap it', expect: { article: 'returning-a-gift' } },
  {
    q: 'my aunt bought me a jacket from you but it doesnt fit and i have no receipt',
    expect: { article: 'returning-a-gift' },
  },
  {
    q: 'can i return a present without the person who bought it finding out',
    expect: { article: 'returning-a-gift' },
  },
  {
    q: 'someone gave me hiking boots for my birthday but theyre half a size too small',
    expect: { article: 'returning-a-gift' },
  },
  { q: 'Ich habe ein Geschenk bekommen, kann ich es umtauschen?', expect: { article: 'returning-a-gift' } },
  {
    q: 'buying running shoes as a present, if they dont fit can my brother exchange them',
    expect: { article: 'returning-a-gift' },
  },

  // ── shoe size guide ──────────────────────────────────────────────────────────────────────────
  {
    q: 'im normally a 10 in other brands, what should i get in your trail shoes',
    expect: { article: 'shoe-size-guide' },
  },
  { q: 'between two sizes for the hiking boots, go up or down?', expect: { article: 'shoe-size-guide' } },
  { q: 'i have really wide feet, will your shoes work for me', expect: { article: 'shoe-size-guide' } },
  { q: 'how do i figure out my shoe size at home', expect: { article: 'shoe-size-guide' } },
  { q: 'do the boots fit big or small', expect: { article: 'shoe-size-guide' } },
  {
    q: 'ordered shoes, they came fast thanks, but they pinch my toes a bit, should i have gone half a size up?',
    expect: { article: ['shoe-size-guide', 'returns-and-exchanges'] },
  },

  // ── apparel size chart ───────────────────────────────────────────────────────────────────────
  {
    q: 'im 6ft and 190lbs, would a large jacket fit me',
    expect: { article: 'apparel-size-chart' },
  },
  { q: 'does the fleece run big', expect: { article: 'apparel-size-chart' } },
  { q: 'womens medium is what bust measurement', expect: { article: 'apparel-size-chart' } },
  { q: 'will a base layer be tight or loose on me', expect: { article: 'apparel-size-chart' } },
  { q: 'can i fit a fleece under the rain jacket', expect: { article: 'apparel-size-chart' } },
  {
    q: 'what size tshirt should i buy for my dad as a gift, he is usually a large',
    expect: { article: 'apparel-size-chart' },
  },

  // ── international size conversions ───────────────────────────────────────────────────────────
  { q: 'im a UK 7, whats that in US shoe sizes', expect: { article: 'international-size-conversions' } },
  { q: 'do you list sizes in EU numbers', expect: { article: 'international-size-conversions' } },
  { q: 'what is a womens 39 in american sizing', expect: { article: 'international-size-conversions' } },
  {
    q: 'taglia 43 europea corrisponde a quale misura americana?',
    expect: { article: 'international-size-conversions' },
  },

  // ── backpack fit ─────────────────────────────────────────────────────────────────────────────
  {
    q: 'how do i know which size pack to get, im 5 foot 4',
    expect: { article: 'backpack-fit-guide' },
  },
  { q: 'how do i measure my torso', expect: { article: 'backpack-fit-guide' } },
  {
    q: 'the backpack doesnt sit right on my hips, how is it supposed to fit',
    expect: { article: 'backpack-fit-guide' },
  },
  { q: 'S, M or L for the 45 litre rucksack?', expect: { article: 'backpack-fit-guide' } },

  // ── payment methods ──────────────────────────────────────────────────────────────────────────
  { q: 'do u take mastercard', expect: { article: 'payment-methods-we-accept' } },
  { q: 'is paypal an option at checkout', expect: { article: 'payment-methods-we-accept' } },
  { q: 'can i pay cash when the parcel arrives', expect: { article: 'payment-methods-we-accept' } },
  { q: 'puedo pagar con paypal?', expect: { article: 'payment-methods-we-accept' } },
  { q: 'can I pay by cheque', expect: { article: 'payment-methods-we-accept' } },

  // ── klarna ───────────────────────────────────────────────────────────────────────────────────
  { q: 'can I spread the cost over a few months', expect: { article: 'pay-later-with-klarna' } },
  { q: 'buy now pay later available?', expect: { article: 'pay-later-with-klarna' } },
  { q: 'will klarna hurt my credit score', expect: { article: 'pay-later-with-klarna' } },
  { q: 'how often are the klarna payments taken', expect: { article: 'pay-later-with-klarna' } },

  // ── sales tax and duties ─────────────────────────────────────────────────────────────────────
  { q: 'do you charge sales tax', expect: { article: 'sales-tax-and-duties' } },
  {
    q: 'will i have to pay customs when the parcel gets to australia',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },
  { q: 'we are a school, can we buy without paying tax', expect: { article: 'sales-tax-and-duties' } },
  {
    q: 'is VAT included for orders to france',
    expect: { article: ['sales-tax-and-duties', 'international-shipping'] },
  },

  // ── payment declined ─────────────────────────────────────────────────────────────────────────
  {
    q: 'it says payment failed but my card works everywhere else',
    expect: { article: 'why-was-my-payment-declined' },
  },
  { q: 'checkout wont accept my card', expect: { article: 'why-was-my-payment-declined' } },
  { q: 'Ma carte a été refusée, pourquoi ?', expect: { article: 'why-was-my-payment-declined' } },
  { q: 'tried to pay 3 times and it keeps bouncing', expect: { article: 'why-was-my-payment-declined' } },

  // ── warranty on footwear ─────────────────────────────────────────────────────────────────────
  {
    q: 'the sole of my running shoes is peeling away after 2 months',
    expect: { article: 'warranty-on-footwear' },
  },
  { q: 'stitching on my trail runners is coming apart', expect: { article: 'warranty-on-footwear' } },
  { q: 'how long is the guarantee on shoes', expect: { article: 'warranty-on-footwear' } },
  {
    q: 'meine Wanderschuhe sind nach 4 Monaten kaputt, gibt es Garantie?',
    expect: { article: 'warranty-on-footwear' },
  },
  { q: 'the seam on my hiking boots split open', expect: { article: 'warranty-on-footwear' } },
  { q: 'what if my kicks fall apart', expect: { article: 'warranty-on-footwear' } },

  // ── warranty on apparel and gear ─────────────────────────────────────────────────────────────
  { q: 'the zip on my rain jacket broke', expect: { article: 'warranty-on-apparel-and-gear' } },
  { q: 'a strap on my daypack ripped off', expect: { article: 'warranty-on-apparel-and-gear' } },
  {
    q: 'my puffer has a tear along the stitching after a month',
    expect: { article: 'warranty-on-apparel-and-gear' },
  },
  { q: 'the tent zipper is stuck and wont close', expect: { article: 'warranty-on-apparel-and-gear' } },
  {
    q: 'caught my fleece on a branch and it tore, is that covered',
    expect: { article: 'warranty-on-apparel-and-gear' },
  },
  {
    q: 'hi love your stuff, bought boots and a jacket for a trip, boots are great but the jacket zipper already broke',
    expect: { article: 'warranty-on-apparel-and-gear' },
  },

  // ── sock guarantee ───────────────────────────────────────────────────────────────────────────
  { q: 'got a hole in my socks already', expect: { article: 'lifetime-sock-guarantee' } },
  { q: 'are your socks really guaranteed forever', expect: { article: 'lifetime-sock-guarantee' } },
  {
    q: 'my merino running socks wore thin at the heel, can i get new ones',
    expect: { article: 'lifetime-sock-guarantee' },
  },
  { q: 'calcetines con un agujero, tienen garantía?', expect: { article: 'lifetime-sock-guarantee' } },

  // ── changing or cancelling an order ──────────────────────────────────────────────────────────
  {
    q: 'i just placed an order 10 minutes ago and want to cancel it',
    expect: { article: 'changing-or-cancelling-an-order' },
  },
  { q: 'i typed the wrong address on my order', expect: { article: 'changing-or-cancelling-an-order' } },
  {
    q: 'is it too late to change my order? i placed it 3 hours ago',
    expect: { article: 'changing-or-cancelling-an-order' },
  },
  { q: 'Kann ich meine Bestellung stornieren?', expect: { article: 'changing-or-cancelling-an-order' } },
  { q: 'pls cancel my order i changed my mind', expect: { article: 'changing-or-cancelling-an-order' } },

  // ── missing or wrong items ───────────────────────────────────────────────────────────────────
  {
    q: 'got my box but one of the things i ordered isnt in it',
    expect: { article: 'missing-or-wrong-items' },
  },
  { q: 'you sent me a medium instead of a large', expect: { article: 'missing-or-wrong-items' } },
  {
    q: 'worst experience ever. ordered 2 things, 1 came. where is the other one??',
    expect: { article: 'missing-or-wrong-items' },
  },
  { q: 'the shoes in the box are not the ones i ordered', expect: { article: 'missing-or-wrong-items' } },

  // ── out of stock and backorders ──────────────────────────────────────────────────────────────
  { q: 'when will size 11 be available again', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'the blue one is sold out, are you getting more', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'if i backorder when do i get charged', expect: { article: 'out-of-stock-and-backorders' } },
  { q: 'how long do restocks usually take', expect: { article: 'out-of-stock-and-backorders' } },

  // ── account ──────────────────────────────────────────────────────────────────────────────────
  { q: 'how do i change the email on my account', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'forgot my password', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'please erase all the data you have on me', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'how do i stop getting your newsletter', expect: { article: 'creating-and-managing-your-account' } },
  { q: 'wie kann ich mein Passwort ändern?', expect: { article: 'creating-and-managing-your-account' } },

  // ── care: waterproof jackets ─────────────────────────────────────────────────────────────────
  {
    q: 'can i put my rain jacket in the washing machine',
    expect: { article: 'caring-for-waterproof-jackets' },
  },
  { q: 'my jacket isnt repelling water anymore', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'how do I wash a gore-tex coat', expect: { article: 'caring-for-waterproof-jackets' } },
  {
    q: 'water soaks into my shell jacket now instead of rolling off, how do i fix it',
    expect: { article: 'caring-for-waterproof-jackets' },
  },
  { q: 'can i tumble dry my waterproof', expect: { article: 'caring-for-waterproof-jackets' } },

  // ── care: hiking boots and shoes ─────────────────────────────────────────────────────────────
  { q: 'how do i clean my running shoes', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  {
    q: 'boots are covered in mud, whats the best way to clean them',
    expect: { article: 'cleaning-and-waterproofing-hiking-boots' },
  },
  { q: 'best way to dry wet hiking boots', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  { q: 'should i wax my leather boots', expect: { article: 'cleaning-and-waterproofing-hiking-boots' } },
  {
    q: 'can i put my trail shoes in the washing machine',
    expect: { article: 'cleaning-and-waterproofing-hiking-boots' },
  },
  {
    q: 'meine Wanderschuhe sind sehr schmutzig, wie reinige ich sie?',
    expect: { article: 'cleaning-and-waterproofing-hiking-boots' },
  },

  // ── care: merino ─────────────────────────────────────────────────────────────────────────────
  { q: 'can wool socks go in the dryer', expect: { article: 'washing-merino-wool' } },
  { q: 'what detergent should i use for merino', expect: { article: 'washing-merino-wool' } },
  { q: 'my merino shirt smells, how often should i wash it', expect: { article: 'washing-merino-wool' } },
  { q: 'how to wash a wool base layer without ruining it', expect: { article: 'washing-merino-wool' } },

  // ── stores ───────────────────────────────────────────────────────────────────────────────────
  { q: 'are you open on sundays', expect: { article: 'store-locations-and-hours' } },
  { q: 'is there a shop in portland', expect: { article: 'store-locations-and-hours' } },
  { q: 'can i try boots on in person somewhere', expect: { article: 'store-locations-and-hours' } },
  { q: 'do you have a store in colorado?', expect: { article: 'store-locations-and-hours' } },
  { q: 'wann habt ihr sonntags geöffnet?', expect: { article: 'store-locations-and-hours' } },

  // ── gift cards ───────────────────────────────────────────────────────────────────────────────
  { q: 'can i get a gift card as an actual card, not email', expect: { article: 'gift-cards' } },
  { q: 'what amounts do gift cards come in', expect: { article: 'gift-cards' } },
  { q: 'how do I see how much is left on my gift card', expect: { article: 'gift-cards' } },
  { q: 'do you sell vouchers', expect: { article: 'gift-cards' } },
  { q: 'vendéis tarjetas regalo?', expect: { article: 'gift-cards' } },

  // ── student discount ─────────────────────────────────────────────────────────────────────────
  { q: 'im at uni, any discount?', expect: { article: 'student-discount' } },
  { q: 'how do i prove im a student', expect: { article: 'student-discount' } },
  { q: 'how much off do students get', expect: { article: 'student-discount' } },
  { q: "c'è uno sconto per studenti universitari?", expect: { article: 'student-discount' } },

  // ── promo codes and sales ────────────────────────────────────────────────────────────────────
  { q: 'where do i put my discount code', expect: { article: 'promo-codes-and-sales' } },
  {
    q: 'bought a jacket last week and now its cheaper, can i get the difference back',
    expect: { article: 'promo-codes-and-sales' },
  },
  {
    q: 'forgot to enter my code when ordering, can you apply it now',
    expect: { article: 'promo-codes-and-sales' },
  },
  { q: 'do you have a first order discount', expect: { article: 'promo-codes-and-sales' } },
  {
    q: 'are there any seasonal sales coming up i could get early access to',
    expect: { article: 'promo-codes-and-sales' },
  },
];
