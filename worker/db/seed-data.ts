// Demo content for "Demo Store", an outdoor shoes, apparel and gear shop.
// Used to seed the help-centre articles and product catalogue that Baton
// searches (SQLite FTS5) when answering shoppers.

export interface SeedArticle {
  slug: string;
  title: string;
  topic: string;
  body: string;
}

export interface SeedProduct {
  sku: string;
  title: string;
  description: string;
  category: string;
  priceCents: number;
  imageUrl: string;
  url: string;
}

export const DEMO_ARTICLES: SeedArticle[] = [
  // shipping
  {
    slug: 'shipping-times-and-costs',
    title: 'Shipping times and costs',
    topic: 'shipping',
    body: 'Standard shipping within the United States is free on orders over $75 and costs $6.95 on smaller orders. Standard orders arrive in 3-5 business days after they leave our warehouse. Express shipping costs $14.95 and arrives in 1-2 business days, and orders placed before 1pm Eastern on a business day ship the same day.',
  },
  {
    slug: 'international-shipping',
    title: 'International shipping',
    topic: 'shipping',
    body: 'Yes, we ship to Canada, the UK, the EU and Australia. Shipping to Canada takes 5-8 business days and costs $9.95, and orders to Canada over $150 ship free; the UK and the EU take 6-10 business days for $19.95, and Australia takes 8-12 business days for $24.95. Prices are shown in USD at checkout, and import duties and taxes for Canada, the UK, the EU and Australia are calculated and collected at checkout so there are no surprise fees on delivery. We do not currently ship to other countries, but we are working on expanding beyond Canada, the UK, the EU and Australia.',
  },
  {
    slug: 'where-is-my-order-tracking-an-order',
    title: 'Where is my order / tracking an order',
    topic: 'shipping',
    body: 'As soon as your order ships we email you a tracking number and a link to follow your parcel. You can also see tracking at any time under Orders in your account, or by entering your order number and email on our Track Order page. Tracking can take up to 24 hours to update after the label is created. If your tracking has not moved for 5 business days, contact us and we will open an investigation with the carrier.',
  },
  {
    slug: 'lost-or-damaged-packages',
    title: 'Lost or damaged packages',
    topic: 'shipping',
    body: 'If your package arrives damaged, take a photo of the box and the items and contact us within 7 days of delivery. If tracking shows delivered but you cannot find your parcel, check with neighbours and your building office, then let us know within 14 days. We will send a free replacement or issue a full refund once the carrier claim is opened.',
  },

  // returns
  {
    slug: 'returns-and-exchanges',
    title: 'Returns and exchanges',
    topic: 'returns',
    body: 'You can return or exchange unworn items in their original condition within 30 days of delivery. To start a return, sign in to your account, open the order and click Start a return, or use our Returns page with your order number and email. Choose a refund or an exchange for a different size or colour, print the prepaid label and drop the parcel at any UPS location. Return shipping is free for US orders, and a $6.95 fee is deducted from refunds for international returns.',
  },
  {
    slug: 'refund-timing',
    title: 'Refund timing',
    topic: 'returns',
    body: 'Once your return reaches our warehouse we inspect it and issue your refund within 3 business days. Refunds go back to your original payment method, and your bank or card issuer may take another 5-10 business days to show the credit. PayPal and Apple Pay refunds usually appear within 2 business days, and Klarna will update your payment plan automatically. You will get an email as soon as the refund has been processed.',
  },
  {
    slug: 'items-that-cannot-be-returned',
    title: 'Items that cannot be returned',
    topic: 'returns',
    body: 'For hygiene reasons, socks, base layer underwear and other intimate apparel cannot be returned once opened. Gift cards, final sale items and products that have been used outdoors are also not eligible for return. Footwear that has been worn outside cannot be returned but may be covered by our warranty if it is defective.',
  },
  {
    slug: 'returning-a-gift',
    title: 'Returning a gift',
    topic: 'returns',
    body: 'If you received a gift from us you can exchange it or get store credit within 30 days of delivery. Use the order number from your gift receipt on the Returns page, or contact us with the name of the person who ordered it. The refund is issued as a Demo Store gift card, so the person who bought the gift will not be notified.',
  },

  // sizing
  {
    slug: 'shoe-size-guide',
    title: 'Shoe size guide',
    topic: 'sizing',
    body: 'Our running shoes and hiking boots use standard US sizing and most customers order their usual size. To measure, stand on a piece of paper, mark the tip of your longest toe and your heel, and compare the length with the size chart on each product page. If you are between sizes or plan to wear thick hiking socks, go up half a size. Wide (2E) widths are available in many of our running shoes and hiking boots.',
  },
  {
    slug: 'apparel-size-chart',
    title: 'Apparel size chart',
    topic: 'sizing',
    body: "Our apparel runs true to size with a regular, athletic fit. Men's Medium fits a 38-40 inch chest and women's Medium fits a 35-36 inch bust; the full chest, waist and hip measurements for XS to XXL are on every product page. Jackets are cut with room for a fleece underneath, while base layers are designed to fit close to the skin. If you are between sizes, size up for a relaxed fit or down for a trimmer fit.",
  },
  {
    slug: 'international-size-conversions',
    title: 'International size conversions',
    topic: 'sizing',
    body: "Product pages list shoe sizes in US, UK and EU sizing. As a rough guide, a men's US 9 is a UK 8 and an EU 42.5, and a women's US 8 is a UK 6 and an EU 39. Apparel sizes follow US conventions, so shoppers in Canada, the UK, the EU and Australia should check the measurements in centimetres on the size chart.",
  },
  {
    slug: 'backpack-fit-guide',
    title: 'Backpack fit guide',
    topic: 'sizing',
    body: 'Backpack fit depends on your torso length, not your height. Measure from the bony bump at the base of your neck down to the top of your hip bones; under 17 inches is Small, 17-19 inches is Medium and over 19 inches is Large. Our adjustable packs cover all three ranges with a sliding back panel.',
  },

  // payments
  {
    slug: 'payment-methods-we-accept',
    title: 'Payment methods we accept',
    topic: 'payments',
    body: 'We accept Visa, Mastercard, American Express and Discover credit and debit cards, as well as PayPal, Apple Pay and Google Pay. You can also pay in 4 interest-free installments with Klarna on orders between $35 and $1,000. Demo Store gift cards can be combined with any other payment method. We do not accept cash on delivery, checks or cryptocurrency.',
  },
  {
    slug: 'pay-later-with-klarna',
    title: 'Pay later with Klarna',
    topic: 'payments',
    body: 'Choose Klarna at checkout to split your purchase into 4 interest-free payments taken every two weeks. The first payment is charged when your order ships, and Klarna may run a soft credit check that does not affect your credit score. Questions about your payment schedule should go to Klarna directly through their app.',
  },
  {
    slug: 'sales-tax-and-duties',
    title: 'Sales tax and duties',
    topic: 'payments',
    body: 'US sales tax is calculated at checkout based on your shipping address. For orders to Canada, the UK, the EU and Australia, import duties and taxes are included in the total you pay at checkout, so the courier will not ask for extra fees. Tax-exempt organisations can contact us with their exemption certificate before ordering.',
  },
  {
    slug: 'why-was-my-payment-declined',
    title: 'Why was my payment declined',
    topic: 'payments',
    body: 'Payments are most often declined because the billing address does not match the one your bank has on file, or because the card has expired. Some banks also block online purchases from new merchants until you approve them in your banking app. Try again after checking these details, or use PayPal or Apple Pay instead.',
  },

  // warranty
  {
    slug: 'warranty-on-footwear',
    title: 'Warranty on footwear',
    topic: 'warranty',
    body: 'All Demo Store running shoes and hiking boots come with a 1-year warranty against defects in materials and workmanship from the date of purchase. This covers problems such as sole separation, broken eyelets and seams coming apart, but not normal wear like worn tread or compressed cushioning. To make a claim, email photos of the issue and your order number to our support team and we will repair, replace or refund the pair.',
  },
  {
    slug: 'warranty-on-apparel-and-gear',
    title: 'Warranty on apparel and gear',
    topic: 'warranty',
    body: 'Jackets, backpacks and tents are covered by a 2-year warranty against manufacturing defects, and apparel is covered for 1 year. Damage from accidents, misuse or normal wear and tear is not covered, but we offer low-cost repairs for zippers, buckles and tent poles. Start a claim from the Warranty page with your order number and photos.',
  },
  {
    slug: 'lifetime-sock-guarantee',
    title: 'Lifetime sock guarantee',
    topic: 'warranty',
    body: 'Our merino hiking and running socks are guaranteed for life. If a pair ever wears through, send us a photo and your order number and we will send a free replacement pair. The guarantee does not cover socks lost in the laundry.',
  },

  // orders
  {
    slug: 'changing-or-cancelling-an-order',
    title: 'Changing or cancelling an order',
    topic: 'orders',
    body: 'You can change or cancel an order within 1 hour of placing it from the order page in your account or by contacting us. After that the order is sent to our warehouse and can no longer be changed, but you can return it for free once it arrives. To change a shipping address after the order has shipped, contact the carrier using your tracking number.',
  },
  {
    slug: 'missing-or-wrong-items',
    title: 'Missing or wrong items',
    topic: 'orders',
    body: 'Large orders sometimes ship in more than one box, so check your confirmation email to see if a second parcel is on the way. If an item is missing or we sent the wrong size or colour, contact us within 14 days with your order number and a photo. We will ship the correct item right away at no cost and send a prepaid label for the wrong one.',
  },
  {
    slug: 'out-of-stock-and-backorders',
    title: 'Out of stock and backorders',
    topic: 'orders',
    body: 'When a size or colour is sold out, click Notify me on the product page and we will email you as soon as it is back in stock. Backordered items are charged only when they ship. Most restocks arrive within 2-4 weeks.',
  },

  // account
  {
    slug: 'creating-and-managing-your-account',
    title: 'Creating and managing your account',
    topic: 'account',
    body: 'Create an account at checkout or from the Sign in page to track orders, save addresses and start returns faster. You can update your email, password, addresses and newsletter preferences under Account settings. To delete your account and personal data, contact our support team and we will process the request within 30 days.',
  },

  // care
  {
    slug: 'caring-for-waterproof-jackets',
    title: 'Caring for waterproof jackets',
    topic: 'care',
    body: 'Wash your waterproof jacket on a gentle cold cycle with a technical wash made for waterproof fabrics, and never use fabric softener or bleach. Close all zips and Velcro before washing, then tumble dry on low heat for 20 minutes to reactivate the water repellent finish. If water stops beading on the surface, apply a spray-on DWR treatment. Washing a few times a season keeps the membrane breathable.',
  },
  {
    slug: 'cleaning-and-waterproofing-hiking-boots',
    title: 'Cleaning and waterproofing hiking boots',
    topic: 'care',
    body: 'After each hike, remove the insoles and laces and brush off dried mud with a soft brush and lukewarm water. Let boots air dry at room temperature away from heaters, stuffing them with newspaper to keep their shape. Treat leather boots with a wax or conditioner a few times a year, and use a spray-on waterproofing treatment for fabric boots.',
  },
  {
    slug: 'washing-merino-wool',
    title: 'Washing merino wool',
    topic: 'care',
    body: 'Merino socks, t-shirts and base layers can be machine washed on a gentle cycle in cold or warm water. Use a mild detergent without bleach or softener and lay flat or hang to dry. Merino naturally resists odour, so it needs washing less often than synthetic fabrics.',
  },

  // stores
  {
    slug: 'store-locations-and-hours',
    title: 'Store locations and hours',
    topic: 'stores',
    body: 'Visit us at our flagship store in Denver, Colorado and at our stores in Portland, Oregon and Burlington, Vermont. All stores are open Monday to Saturday from 10am to 8pm and Sunday from 11am to 6pm. Online orders can be returned or exchanged in any store, and staff can fit you for running shoes and hiking boots in person.',
  },

  // promotions
  {
    slug: 'gift-cards',
    title: 'Gift cards',
    topic: 'promotions',
    body: 'Demo Store gift cards are available in amounts from $25 to $500 as e-gift cards delivered by email or as physical cards shipped for free. Gift cards never expire, have no fees and can be used online or in any of our stores. Check your balance on the Gift Cards page, and note that gift cards cannot be exchanged for cash.',
  },
  {
    slug: 'student-discount',
    title: 'Student discount',
    topic: 'promotions',
    body: 'Students get 15% off full-price items all year round. Verify your student status once through our partner Student Beans to receive a unique code that you can use at checkout. The student discount cannot be combined with other promo codes or used on gift cards.',
  },
  {
    slug: 'promo-codes-and-sales',
    title: 'Promo codes and sales',
    topic: 'promotions',
    body: 'Enter a promo code in the Discount code box at checkout; only one code can be used per order. Codes cannot be applied to orders that have already been placed, but if an item you bought drops in price within 14 days we will refund the difference. Sign up for our newsletter to get 10% off your first order and early access to seasonal sales.',
  },
];

export const DEMO_PRODUCTS: SeedProduct[] = [
  // running shoes
  {
    sku: 'RUN-001',
    title: 'Swift Road Running Shoe',
    description:
      'A lightweight, everyday road running shoe with a breathable mesh upper and responsive foam. Great value for new runners building up their weekly miles.',
    category: 'running shoes',
    priceCents: 5900,
    imageUrl: '/demo-products/run-001.svg',
    url: '/products/run-001',
  },
  {
    sku: 'RUN-002',
    title: 'Pacer Daily Running Shoe',
    description:
      'A cushioned road running shoe for easy runs and gym sessions. The durable rubber outsole and padded collar keep you comfortable mile after mile.',
    category: 'running shoes',
    priceCents: 7900,
    imageUrl: '/demo-products/run-002.svg',
    url: '/products/run-002',
  },
  {
    sku: 'RUN-003',
    title: 'Dirt Path Trail Running Shoe',
    description:
      'An affordable trail running shoe with 4mm lugs for grip on dirt and gravel paths. A protective toe bumper guards against roots and rocks.',
    category: 'running shoes',
    priceCents: 8900,
    imageUrl: '/demo-products/run-003.svg',
    url: '/products/run-003',
  },
  {
    sku: 'RUN-004',
    title: 'Tempo Lite Running Shoe',
    description:
      'A light, flexible road running shoe built for tempo runs and intervals. Its low-profile cushioned midsole gives a fast, connected feel.',
    category: 'running shoes',
    priceCents: 9500,
    imageUrl: '/demo-products/run-004.svg',
    url: '/products/run-004',
  },
  {
    sku: 'RUN-005',
    title: 'Cloudstep Cushioned Running Shoe',
    description:
      'A plush, max-cushioned road running shoe for long runs and recovery days. Soft foam and a rocker sole make every stride smooth.',
    category: 'running shoes',
    priceCents: 11000,
    imageUrl: '/demo-products/run-005.svg',
    url: '/products/run-005',
  },
  {
    sku: 'RUN-006',
    title: 'Summit Trail Running Shoe',
    description:
      'A versatile trail running shoe with a cushioned midsole, rock plate and sticky 5mm lugs for technical mountain trails.',
    category: 'running shoes',
    priceCents: 12500,
    imageUrl: '/demo-products/run-006.svg',
    url: '/products/run-006',
  },
  {
    sku: 'RUN-007',
    title: 'Stormproof Trail Running Shoe',
    description:
      'A waterproof trail running shoe with a breathable membrane that keeps feet dry in rain, mud and stream crossings.',
    category: 'running shoes',
    priceCents: 13500,
    imageUrl: '/demo-products/run-007.svg',
    url: '/products/run-007',
  },
  {
    sku: 'RUN-008',
    title: 'Steady Stability Running Shoe',
    description:
      'A supportive road running shoe with a stable, cushioned platform for runners who overpronate. Available in regular and wide widths.',
    category: 'running shoes',
    priceCents: 15000,
    imageUrl: '/demo-products/run-008.svg',
    url: '/products/run-008',
  },
  {
    sku: 'RUN-009',
    title: 'Ultra Distance Trail Running Shoe',
    description:
      'A highly cushioned trail running shoe built for ultramarathons and all-day adventures, with a roomy toe box and durable grippy outsole.',
    category: 'running shoes',
    priceCents: 16500,
    imageUrl: '/demo-products/run-009.svg',
    url: '/products/run-009',
  },
  {
    sku: 'RUN-010',
    title: 'Velocity Carbon Racing Running Shoe',
    description:
      'Our fastest road running shoe, with a carbon fiber plate and springy cushioned foam for race day. Built for 10Ks through marathons.',
    category: 'running shoes',
    priceCents: 18000,
    imageUrl: '/demo-products/run-010.svg',
    url: '/products/run-010',
  },

  // hiking boots
  {
    sku: 'HIK-001',
    title: 'Ridge Waterproof Hiking Boot',
    description:
      'A waterproof mid-height hiking boot with a leather and mesh upper and a grippy lugged outsole. Comfortable out of the box for day hikes and weekend trips.',
    category: 'hiking boots',
    priceCents: 16500,
    imageUrl: '/demo-products/hik-001.svg',
    url: '/products/hik-001',
  },
  {
    sku: 'HIK-002',
    title: 'Trailhead Lightweight Hiking Boot',
    description:
      'A light, breathable hiking boot for warm-weather day hikes. A cushioned midsole and flexible upper need almost no break-in.',
    category: 'hiking boots',
    priceCents: 12900,
    imageUrl: '/demo-products/hik-002.svg',
    url: '/products/hik-002',
  },
  {
    sku: 'HIK-003',
    title: 'Alpine Leather Hiking Boot',
    description:
      'A full-grain leather backpacking boot with a waterproof lining and stiff sole for heavy loads on rugged terrain. Resoleable for years of use.',
    category: 'hiking boots',
    priceCents: 24900,
    imageUrl: '/demo-products/hik-003.svg',
    url: '/products/hik-003',
  },
  {
    sku: 'HIK-004',
    title: 'Canyon Low Hiking Boot',
    description:
      'A low-cut hiking boot with the grip of a boot and the feel of a trail shoe. Ideal for fast hikes on dry, rocky trails.',
    category: 'hiking boots',
    priceCents: 11500,
    imageUrl: '/demo-products/hik-004.svg',
    url: '/products/hik-004',
  },
  {
    sku: 'HIK-005',
    title: 'Glacier Insulated Winter Hiking Boot',
    description:
      'A waterproof, insulated hiking boot rated to -20F with a winter rubber outsole for snow and ice. Compatible with microspikes.',
    category: 'hiking boots',
    priceCents: 21900,
    imageUrl: '/demo-products/hik-005.svg',
    url: '/products/hik-005',
  },
  {
    sku: 'HIK-006',
    title: 'Pathfinder Kids Hiking Boot',
    description:
      'A durable, waterproof hiking boot for kids with easy hook-and-loop closures and a grippy outsole for family adventures.',
    category: 'hiking boots',
    priceCents: 6900,
    imageUrl: '/demo-products/hik-006.svg',
    url: '/products/hik-006',
  },
  {
    sku: 'HIK-007',
    title: 'Backcountry Mid Hiking Boot',
    description:
      'A supportive mid-height hiking boot with a waterproof membrane, ankle support and a cushioned midsole for multi-day backpacking trips.',
    category: 'hiking boots',
    priceCents: 18900,
    imageUrl: '/demo-products/hik-007.svg',
    url: '/products/hik-007',
  },

  // jackets
  {
    sku: 'JKT-001',
    title: 'Storm Shell Waterproof Jacket',
    description:
      'A fully waterproof and breathable rain jacket with taped seams, pit zips and an adjustable hood. Packs into its own pocket.',
    category: 'jackets',
    priceCents: 19900,
    imageUrl: '/demo-products/jkt-001.svg',
    url: '/products/jkt-001',
  },
  {
    sku: 'JKT-002',
    title: 'Drizzle Packable Rain Jacket',
    description: 'A lightweight, packable rain jacket for showers on the trail or around town. Weighs just 7 ounces.',
    category: 'jackets',
    priceCents: 8900,
    imageUrl: '/demo-products/jkt-002.svg',
    url: '/products/jkt-002',
  },
  {
    sku: 'JKT-003',
    title: 'Summit Down Puffer Jacket',
    description:
      'A warm 800-fill down puffer jacket with a water-resistant shell for cold, dry days and winter camping.',
    category: 'jackets',
    priceCents: 22900,
    imageUrl: '/demo-products/jkt-003.svg',
    url: '/products/jkt-003',
  },
  {
    sku: 'JKT-004',
    title: 'Basecamp Fleece Jacket',
    description:
      'A cozy, full-zip fleece jacket made from recycled polyester. Wear it alone on cool evenings or layer it under a shell.',
    category: 'jackets',
    priceCents: 7900,
    imageUrl: '/demo-products/jkt-004.svg',
    url: '/products/jkt-004',
  },
  {
    sku: 'JKT-005',
    title: 'Windbreak Running Jacket',
    description:
      'A light, wind-resistant running jacket with reflective details and a zip chest pocket for your phone.',
    category: 'jackets',
    priceCents: 9900,
    imageUrl: '/demo-products/jkt-005.svg',
    url: '/products/jkt-005',
  },
  {
    sku: 'JKT-006',
    title: 'Ridgeline Synthetic Insulated Jacket',
    description:
      'A synthetic insulated jacket that stays warm even when damp. Ideal as a midlayer for ski touring and wet climates.',
    category: 'jackets',
    priceCents: 15900,
    imageUrl: '/demo-products/jkt-006.svg',
    url: '/products/jkt-006',
  },
  {
    sku: 'JKT-007',
    title: 'Expedition 3-in-1 Jacket',
    description:
      'A versatile 3-in-1 jacket with a waterproof shell and a zip-out fleece liner that can be worn together or separately.',
    category: 'jackets',
    priceCents: 27900,
    imageUrl: '/demo-products/jkt-007.svg',
    url: '/products/jkt-007',
  },
  {
    sku: 'JKT-008',
    title: 'Trail Softshell Jacket',
    description:
      'A stretchy, breathable softshell jacket that blocks wind and light rain for active days in the mountains.',
    category: 'jackets',
    priceCents: 13900,
    imageUrl: '/demo-products/jkt-008.svg',
    url: '/products/jkt-008',
  },

  // backpacks
  {
    sku: 'BPK-001',
    title: 'Daytripper 22L Hiking Backpack',
    description:
      'A comfortable 22-liter hiking backpack with a ventilated back panel, hydration sleeve and hip belt pockets.',
    category: 'backpacks',
    priceCents: 8900,
    imageUrl: '/demo-products/bpk-001.svg',
    url: '/products/bpk-001',
  },
  {
    sku: 'BPK-002',
    title: 'Trailblazer 45L Backpacking Backpack',
    description:
      'A 45-liter backpacking backpack with an adjustable torso, padded hip belt and rain cover for overnight and weekend trips.',
    category: 'backpacks',
    priceCents: 17900,
    imageUrl: '/demo-products/bpk-002.svg',
    url: '/products/bpk-002',
  },
  {
    sku: 'BPK-003',
    title: 'Expedition 65L Backpack',
    description:
      'A 65-liter backpack built for multi-day treks, with a load-lifting suspension, sleeping bag compartment and removable lid.',
    category: 'backpacks',
    priceCents: 26900,
    imageUrl: '/demo-products/bpk-003.svg',
    url: '/products/bpk-003',
  },
  {
    sku: 'BPK-004',
    title: 'Commuter 28L Laptop Backpack',
    description:
      'A water-resistant 28-liter everyday backpack with a padded 16-inch laptop sleeve and organizer pockets.',
    category: 'backpacks',
    priceCents: 9900,
    imageUrl: '/demo-products/bpk-004.svg',
    url: '/products/bpk-004',
  },
  {
    sku: 'BPK-005',
    title: 'Race Vest 10L Running Backpack',
    description:
      'A snug 10-liter running backpack vest with two soft flasks included, built for trail running and ultras.',
    category: 'backpacks',
    priceCents: 11900,
    imageUrl: '/demo-products/bpk-005.svg',
    url: '/products/bpk-005',
  },
  {
    sku: 'BPK-006',
    title: 'Ultralight 18L Packable Backpack',
    description:
      'A featherweight 18-liter backpack that stuffs into its own pocket. Perfect for travel and summit pushes.',
    category: 'backpacks',
    priceCents: 4500,
    imageUrl: '/demo-products/bpk-006.svg',
    url: '/products/bpk-006',
  },

  // socks
  {
    sku: 'SCK-001',
    title: 'Merino Hiking Socks',
    description:
      'Midweight merino wool hiking socks with cushioning under the heel and forefoot. Covered by our lifetime guarantee.',
    category: 'socks',
    priceCents: 2400,
    imageUrl: '/demo-products/sck-001.svg',
    url: '/products/sck-001',
  },
  {
    sku: 'SCK-002',
    title: 'Lightweight Running Socks 3-Pack',
    description: 'Breathable, no-show running socks with a seamless toe and arch support. Pack of three pairs.',
    category: 'socks',
    priceCents: 2800,
    imageUrl: '/demo-products/sck-002.svg',
    url: '/products/sck-002',
  },
  {
    sku: 'SCK-003',
    title: 'Trail Running Quarter Socks',
    description: 'Quarter-height merino blend socks that keep trail debris out and feet dry on long runs.',
    category: 'socks',
    priceCents: 1800,
    imageUrl: '/demo-products/sck-003.svg',
    url: '/products/sck-003',
  },
  {
    sku: 'SCK-004',
    title: 'Expedition Heavyweight Socks',
    description: 'Thick, warm merino wool socks for winter hiking, mountaineering and cold-weather camping.',
    category: 'socks',
    priceCents: 2900,
    imageUrl: '/demo-products/sck-004.svg',
    url: '/products/sck-004',
  },
  {
    sku: 'SCK-005',
    title: 'Compression Recovery Socks',
    description: 'Graduated compression socks that support circulation during travel and recovery after long runs.',
    category: 'socks',
    priceCents: 3400,
    imageUrl: '/demo-products/sck-005.svg',
    url: '/products/sck-005',
  },

  // t-shirts
  {
    sku: 'TEE-001',
    title: 'Trail Logo Organic Cotton T-Shirt',
    description: 'A soft organic cotton t-shirt with our mountain logo. Relaxed fit for everyday wear.',
    category: 't-shirts',
    priceCents: 3200,
    imageUrl: '/demo-products/tee-001.svg',
    url: '/products/tee-001',
  },
  {
    sku: 'TEE-002',
    title: 'Merino Blend Hiking T-Shirt',
    description:
      'A lightweight merino blend t-shirt that wicks sweat, dries fast and resists odour on multi-day trips.',
    category: 't-shirts',
    priceCents: 5900,
    imageUrl: '/demo-products/tee-002.svg',
    url: '/products/tee-002',
  },
  {
    sku: 'TEE-003',
    title: 'Quick-Dry Running T-Shirt',
    description:
      'A breathable, quick-drying running t-shirt with flatlock seams to prevent chafing and reflective trim.',
    category: 't-shirts',
    priceCents: 3500,
    imageUrl: '/demo-products/tee-003.svg',
    url: '/products/tee-003',
  },
  {
    sku: 'TEE-004',
    title: 'Sun Protection Long Sleeve T-Shirt',
    description:
      'A long sleeve t-shirt with UPF 50+ sun protection and thumb loops for hot, exposed trails and paddling.',
    category: 't-shirts',
    priceCents: 4500,
    imageUrl: '/demo-products/tee-004.svg',
    url: '/products/tee-004',
  },

  // base layers
  {
    sku: 'BSL-001',
    title: 'Merino 200 Base Layer Top',
    description: 'A midweight merino wool base layer top that keeps you warm and dry on cold hikes and ski days.',
    category: 'base layers',
    priceCents: 8900,
    imageUrl: '/demo-products/bsl-001.svg',
    url: '/products/bsl-001',
  },
  {
    sku: 'BSL-002',
    title: 'Merino 200 Base Layer Bottoms',
    description:
      'Midweight merino wool base layer leggings with a comfortable flat waistband. Pairs with our base layer top.',
    category: 'base layers',
    priceCents: 7900,
    imageUrl: '/demo-products/bsl-002.svg',
    url: '/products/bsl-002',
  },
  {
    sku: 'BSL-003',
    title: 'Thermal Synthetic Base Layer Top',
    description: 'A budget-friendly synthetic base layer with a brushed interior for warmth and fast moisture wicking.',
    category: 'base layers',
    priceCents: 4900,
    imageUrl: '/demo-products/bsl-003.svg',
    url: '/products/bsl-003',
  },

  // tents
  {
    sku: 'TNT-001',
    title: 'Trailhead 2-Person Backpacking Tent',
    description:
      'A freestanding 2-person backpacking tent that weighs under 4 pounds, with two doors, two vestibules and a full rainfly.',
    category: 'tents',
    priceCents: 29900,
    imageUrl: '/demo-products/tnt-001.svg',
    url: '/products/tnt-001',
  },
  {
    sku: 'TNT-002',
    title: 'Basecamp 4-Person Family Tent',
    description:
      'A spacious 4-person camping tent with near-vertical walls, a large vestibule and easy color-coded setup.',
    category: 'tents',
    priceCents: 34900,
    imageUrl: '/demo-products/tnt-002.svg',
    url: '/products/tnt-002',
  },
  {
    sku: 'TNT-003',
    title: 'Ultralight 1-Person Tent',
    description:
      'A minimalist 1-person tent weighing just 2 pounds that pitches with trekking poles for fast and light trips.',
    category: 'tents',
    priceCents: 37900,
    imageUrl: '/demo-products/tnt-003.svg',
    url: '/products/tnt-003',
  },

  // accessories
  {
    sku: 'ACC-001',
    title: 'Trailbeam 400 Headlamp',
    description:
      'A rechargeable 400-lumen headlamp with red light mode and a waterproof housing for night hikes and early-morning runs.',
    category: 'accessories',
    priceCents: 4500,
    imageUrl: '/demo-products/acc-001.svg',
    url: '/products/acc-001',
  },
  {
    sku: 'ACC-002',
    title: 'Carbon Trekking Poles',
    description: 'Lightweight, collapsible carbon fiber trekking poles with cork grips and quick-lock adjustment.',
    category: 'accessories',
    priceCents: 12900,
    imageUrl: '/demo-products/acc-002.svg',
    url: '/products/acc-002',
  },
  {
    sku: 'ACC-003',
    title: 'Insulated Steel Water Bottle',
    description: 'A 24-ounce vacuum-insulated water bottle that keeps drinks cold for 24 hours and hot for 12.',
    category: 'accessories',
    priceCents: 3200,
    imageUrl: '/demo-products/acc-003.svg',
    url: '/products/acc-003',
  },
  {
    sku: 'ACC-004',
    title: 'Merino Beanie',
    description: 'A warm, itch-free merino wool beanie for cold mornings on the trail and winter runs.',
    category: 'accessories',
    priceCents: 3000,
    imageUrl: '/demo-products/acc-004.svg',
    url: '/products/acc-004',
  },
];
