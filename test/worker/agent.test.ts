// The Customer Agent's brain on the seeded demo store: escalation rules, each skill, the miss path,
// query safety and tenancy. Real D1 with the real migrations.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCustomerAgent, detectEscalation, type AgentInput, type AgentTurn } from '../../worker/agent';
import { parsePriceRange } from '../../worker/agent/price';
import { knowledgeArticles, orders, products, profiles } from '../../worker/db/schema';
import { newId } from '../../worker/ids';
import { accountSettings, type AccountSettings } from '../../worker/settings/schema';
import { db, demoAccount, otherAccount } from './helpers';

type Reply = Extract<AgentTurn, { kind: 'reply' }>;

let accountId: string;
beforeAll(async () => {
  accountId = (await demoAccount()).id;
});

function settingsWith(patch: (s: AccountSettings) => void = () => {}): AccountSettings {
  const s = accountSettings.parse({});
  patch(s);
  return accountSettings.parse(s);
}

async function ask(text: string, opts: Partial<AgentInput> = {}): Promise<AgentTurn> {
  return runCustomerAgent({
    db: db(),
    accountId,
    settings: settingsWith(),
    text,
    profileId: null,
    missesInARow: 0,
    llm: null,
    ...opts,
  });
}

async function reply(text: string, opts: Partial<AgentInput> = {}): Promise<Reply> {
  const turn = await ask(text, opts);
  if (turn.kind !== 'reply') throw new Error(`expected a reply to "${text}", got ${JSON.stringify(turn)}`);
  return turn;
}

describe('settings', () => {
  it('an empty document gets the default escalation rules (built-in human request) and LLM off', () => {
    const s = accountSettings.parse({});
    expect(s.escalation.rules.map((r) => [r.id, r.kind, r.enabled])).toEqual([
      ['human_request', 'human_request', true],
      ['urgent', 'urgent', true],
      ['repeated_misses', 'misses', true],
    ]);
    expect(s.escalation.rules.find((r) => r.id === 'human_request')?.builtIn).toBe(true);
    expect(s.escalation.rules.find((r) => r.kind === 'urgent')?.keywords).toEqual(
      expect.arrayContaining(['chargeback', 'lawyer', 'fraud', 'scam', 'stolen card', 'legal action']),
    );
    expect(s.llm).toEqual({
      enabled: false,
      provider: 'openai_compatible',
      baseUrl: null,
      model: 'gpt-4o-mini',
      timeoutMs: 4000,
    });
    // Defaults are fresh copies: changing one parsed document does not change the next.
    s.escalation.rules[1]!.keywords.push('mutated');
    expect(accountSettings.parse({}).escalation.rules[1]!.keywords).not.toContain('mutated');
  });

  it('rejects a bad rule kind and duplicate rule ids', () => {
    const rule = { id: 'r1', name: 'R', kind: 'keywords', keywords: ['x'], enabled: true };
    expect(accountSettings.safeParse({ escalation: { rules: [{ ...rule, kind: 'nope' }] } }).success).toBe(false);
    expect(accountSettings.safeParse({ escalation: { rules: [rule, rule] } }).success).toBe(false);
  });
});

describe('escalation rules', () => {
  const defaults = settingsWith();

  it.each([
    'Can I talk to a real agent?',
    'representative please',
    'I want to talk to a person',
    'let me talk to a human',
    'Can I speak to someone?',
    'I need a customer service agent',
    'human please',
    'Human!',
    'can you connect me with a real person',
    'talk to one of your agents',
  ])('"%s" -> shopper requested', async (text) => {
    expect(detectEscalation(text, defaults, 0)).toEqual({ reason: 'shopper requested', rule: 'human_request' });
    expect(await ask(text)).toEqual({ kind: 'escalate', reason: 'shopper requested', rule: 'human_request' });
  });

  it.each(['Are you a real person?', 'am I talking to a bot?', 'I need running shoes', 'what is your agent name'])(
    '"%s" is not a request for a human',
    (text) => {
      expect(detectEscalation(text, defaults, 0)).toBeNull();
    },
  );

  it.each([
    ['I will file a chargeback', 'urgent: chargeback'],
    ['My LAWYER will hear about this', 'urgent: lawyer'],
    ['this is fraud', 'urgent: fraud'],
    ['I got scammed', 'urgent: scam'],
    ['someone used my stolen card on your site', 'urgent: stolen card'],
    ['I am taking legal action', 'urgent: legal action'],
  ])('urgent word: "%s" -> %s', async (text, reason) => {
    expect(detectEscalation(text, defaults, 0)).toEqual({ reason, rule: 'urgent' });
    expect(await ask(text)).toEqual({ kind: 'escalate', reason, rule: 'urgent' });
  });

  it('urgent words match whole words only', () => {
    expect(detectEscalation('is this scampi?', defaults, 0)).toBeNull();
    expect(
      detectEscalation(
        'do you have suede boots',
        settingsWith((s) => s.escalation.rules[1]!.keywords.push('sue')),
        0,
      ),
    ).toBeNull();
  });

  it("a merchant keyword rule fires with the rule's name; a disabled one does not", async () => {
    const wholesale = {
      id: 'wholesale',
      name: 'Wholesale',
      kind: 'keywords' as const,
      keywords: ['wholesale', 'bulk order'],
      enabled: true,
      builtIn: false,
    };
    const on = settingsWith((s) => s.escalation.rules.push(wholesale));
    expect(detectEscalation('Do you offer wholesale pricing?', on, 0)).toEqual({
      reason: 'Wholesale',
      rule: 'wholesale',
    });
    expect(await ask('I want to place a bulk order for my team', { settings: on })).toEqual({
      kind: 'escalate',
      reason: 'Wholesale',
      rule: 'wholesale',
    });

    const off = settingsWith((s) => s.escalation.rules.push({ ...wholesale, enabled: false }));
    expect(detectEscalation('Do you offer wholesale pricing?', off, 0)).toBeNull();
    expect((await ask('I want to place a bulk order for my team', { settings: off })).kind).toBe('reply');
  });

  it("a topics rule fires on the winning answer's topic, with the rule's name; disabled or other topics do not", async () => {
    const returns = {
      id: 'returns-desk',
      name: 'Returns go to people',
      kind: 'topics' as const,
      keywords: [],
      topics: ['Returns', 'warranty'],
      enabled: true,
      builtIn: false,
    };
    // Without the rule the agent answers from a returns article.
    const answered = await reply('What is your return policy?');
    expect(answered).toMatchObject({ skill: 'answer' });
    expect(answered.tags).toContain('returns');

    const on = settingsWith((s) => s.escalation.rules.push(returns));
    expect(await ask('What is your return policy?', { settings: on })).toEqual({
      kind: 'escalate',
      reason: 'Returns go to people',
      rule: 'returns-desk',
    });
    // Only the answer's topic counts: a shipping question is still answered.
    expect(await reply('do you ship to Canada?', { settings: on })).toMatchObject({
      skill: 'answer',
      tags: ['shipping'],
    });
    // The message alone never fires it (it is not a keyword rule).
    expect(detectEscalation('What is your return policy?', on, 0)).toBeNull();

    const off = settingsWith((s) => s.escalation.rules.push({ ...returns, enabled: false }));
    expect(await reply('What is your return policy?', { settings: off })).toMatchObject({ skill: 'answer' });
    const other = settingsWith((s) => s.escalation.rules.push({ ...returns, topics: ['warranty', 'sizing'] }));
    expect(await reply('What is your return policy?', { settings: other })).toMatchObject({ skill: 'answer' });
    // Earlier rules still win: the shopper asking for a person is "shopper requested".
    expect(await ask('What is your return policy? I want to talk to a human', { settings: on })).toMatchObject({
      kind: 'escalate',
      rule: 'human_request',
    });
  });

  it('a document from before topics rules still parses; a topics rule round-trips', () => {
    const old = accountSettings.parse({
      escalation: { rules: [{ id: 'x', name: 'X', kind: 'keywords', keywords: ['a'] }] },
    });
    expect(old.escalation.rules[0]).toMatchObject({ kind: 'keywords', keywords: ['a'], enabled: true });
    const parsed = accountSettings.parse({
      escalation: { rules: [{ id: 't', name: 'T', kind: 'topics', topics: ['returns'] }] },
    });
    expect(parsed.escalation.rules[0]).toMatchObject({ kind: 'topics', topics: ['returns'], keywords: [] });
    expect(
      accountSettings.safeParse({ escalation: { rules: [{ id: 't', name: 'T', kind: 'topics', topics: [''] }] } })
        .success,
    ).toBe(false);
  });

  it('disabled default rules do not fire', () => {
    const off = settingsWith((s) => s.escalation.rules.forEach((r) => (r.enabled = false)));
    expect(detectEscalation('talk to a human', off, 0)).toBeNull();
    expect(detectEscalation('chargeback', off, 0)).toBeNull();
    expect(detectEscalation('hello', off, 5)).toBeNull();
  });

  it('the built-in human request still applies when the rule is missing from the document', () => {
    const without = settingsWith(
      (s) => (s.escalation.rules = s.escalation.rules.filter((r) => r.kind !== 'human_request')),
    );
    expect(detectEscalation('talk to a human', without, 0)).toEqual({
      reason: 'shopper requested',
      rule: 'human_request',
    });
  });

  it('repeated misses escalate at the threshold, not before', async () => {
    const s = settingsWith((x) => (x.agent.missesBeforeEscalation = 3));
    expect(detectEscalation('qwxz zzkv', s, 2)).toBeNull();
    expect(detectEscalation('qwxz zzkv', s, 3)).toEqual({ reason: 'Repeated misses', rule: 'repeated_misses' });
    expect(await ask('do you ship to Canada?', { settings: s, missesInARow: 3 })).toEqual({
      kind: 'escalate',
      reason: 'Repeated misses',
      rule: 'repeated_misses',
    });
    // Default threshold is 2.
    expect((await ask('qwxz zzkv', { missesInARow: 1 })).kind).toBe('reply');
    expect(await ask('qwxz zzkv', { missesInARow: 2 })).toMatchObject({ kind: 'escalate', rule: 'repeated_misses' });
  });

  it('the human request wins over other rules', () => {
    expect(detectEscalation('fraud! get me a human', settingsWith(), 9)).toEqual({
      reason: 'shopper requested',
      rule: 'human_request',
    });
  });
});

describe('answer skill', () => {
  it('"do you ship to Canada?" is answered from the International shipping article', async () => {
    const r = await reply('do you ship to Canada?');
    expect(r).toMatchObject({ skill: 'answer', missed: false, prompt: 'confirm_resolution', cards: [] });
    expect(r.text).toContain('Canada');
    expect(r.text).toContain('More: /help/international-shipping');
    expect(r.tags).toContain('shipping');
    expect(r.confidence).toBeGreaterThanOrEqual(0.35);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('"What is your return policy?" is answered from Returns and exchanges', async () => {
    const r = await reply('What is your return policy?');
    expect(r).toMatchObject({ skill: 'answer', missed: false, prompt: 'confirm_resolution' });
    expect(r.text).toContain('30 days');
    expect(r.text).toContain('More: /help/returns-and-exchanges');
    expect(r.tags).toContain('returns');
  });

  it('replies with the best-matching sentences, not the whole article', async () => {
    const r = await reply('Why was my payment declined?');
    expect(r.text).toContain('declined');
    expect(r.text).toContain('More: /help/why-was-my-payment-declined');
    expect(r.text).not.toContain('PayPal or Apple Pay instead'); // a later sentence without the query's words
  });

  it('service questions about a product category go to the answer skill, not product picks', async () => {
    expect(await reply('How do I clean hiking boots?')).toMatchObject({ skill: 'answer', tags: ['care'] });
    expect(await reply('can I cancel my order')).toMatchObject({ skill: 'answer', tags: ['orders'] });
  });
});

describe('recommend skill', () => {
  it('"I need running shoes under $100" returns 1-3 in-stock running shoes under $100 as cards', async () => {
    const r = await reply('I need running shoes under $100');
    expect(r).toMatchObject({ skill: 'recommend', missed: false });
    expect(r.tags).toEqual(['product_recommendation', 'running shoes']);
    expect(r.cards.length).toBeGreaterThanOrEqual(1);
    expect(r.cards.length).toBeLessThanOrEqual(3);
    const rows = await db().select().from(products);
    for (const card of r.cards) {
      const row = rows.find((p) => p.id === card.id)!;
      expect(row.accountId).toBe(accountId);
      expect(row.category).toBe('running shoes');
      expect(row.inStock).toBe(true);
      expect(card.priceCents).toBeLessThan(10000);
      expect(card).toEqual({
        id: row.id,
        sku: row.sku,
        title: row.title,
        priceCents: row.priceCents,
        currency: row.currency,
        imageUrl: row.imageUrl,
        url: row.url,
      });
      // The cards show the products; the text does not repeat them.
      expect(r.text).not.toContain(card.title);
    }
  });

  it('respects "between" ranges and the category', async () => {
    const r = await reply('can you recommend a backpack between $80 and $100?');
    expect(r.skill).toBe('recommend');
    expect(r.cards.length).toBeGreaterThan(0);
    for (const c of r.cards) expect(c.priceCents).toBeGreaterThanOrEqual(8000);
    for (const c of r.cards) expect(c.priceCents).toBeLessThanOrEqual(10000);
    expect(r.tags).toEqual(['product_recommendation', 'backpacks']);
  });

  it('never shows out-of-stock products', async () => {
    const [swift] = await db().select().from(products).where(sqlSku('RUN-001'));
    expect(swift).toBeDefined();
    await db().update(products).set({ inStock: false }).where(sqlSku('RUN-001'));
    try {
      const r = await reply('cheap running shoes under $60');
      expect(r.cards.map((c) => c.sku)).not.toContain('RUN-001');
      expect(r.cards).toEqual([]);
      expect(r.text).toMatch(/couldn't find any running shoes under \$60/);
    } finally {
      await db().update(products).set({ inStock: true }).where(sqlSku('RUN-001'));
    }
  });

  it('parses price constraints', () => {
    expect(parsePriceRange('under $100')).toMatchObject({ maxCents: 10000, maxInclusive: false, minCents: null });
    expect(parsePriceRange('less than 80')).toMatchObject({ maxCents: 8000, maxInclusive: false });
    expect(parsePriceRange('below $120')).toMatchObject({ maxCents: 12000 });
    expect(parsePriceRange('up to $1,000')).toMatchObject({ maxCents: 100000, maxInclusive: true });
    expect(parsePriceRange('between $50 and $100')).toEqual({
      minCents: 5000,
      maxCents: 10000,
      minInclusive: true,
      maxInclusive: true,
    });
    expect(parsePriceRange('$50-$100')).toMatchObject({ minCents: 5000, maxCents: 10000 });
    expect(parsePriceRange('over $49.50')).toMatchObject({ minCents: 4950, minInclusive: false });
    expect(parsePriceRange('takes 3-5 business days')).toBeNull();
  });
});

describe('order status skill', () => {
  it('asks an anonymous shopper to sign in', async () => {
    const r = await reply('where is my order');
    expect(r).toMatchObject({ skill: 'order_status', tags: ['orders'], prompt: null, missed: false, cards: [] });
    expect(r.text).toMatch(/sign in/i);
    expect(r.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('links the merchant sign-in page when one is configured', async () => {
    const settings = settingsWith((s) => (s.general.signInUrl = 'https://shop.example.com/account/login'));
    expect((await reply('Where is my package?', { settings })).text).toContain(
      'https://shop.example.com/account/login',
    );
  });

  it("reports the authenticated shopper's latest order, and only theirs", async () => {
    const now = Date.now();
    const me = newId();
    const someoneElse = newId();
    await db()
      .insert(profiles)
      .values([
        {
          id: me,
          accountId,
          externalId: `cust-${me}`,
          email: 'me@example.com',
          name: 'Me',
          createdAt: now,
          updatedAt: now,
        },
        {
          id: someoneElse,
          accountId,
          externalId: `cust-${someoneElse}`,
          email: 'else@example.com',
          name: 'Else',
          createdAt: now,
          updatedAt: now,
        },
      ]);
    const placed = Date.UTC(2025, 2, 3, 15, 0, 0);
    await db()
      .insert(orders)
      .values([
        {
          id: newId(),
          accountId,
          profileId: me,
          externalId: 'A-1001',
          status: 'delivered',
          totalCents: 5900,
          items: [{ title: 'Swift Road Running Shoe' }],
          placedAt: placed - 30 * 86_400_000,
        },
        {
          id: newId(),
          accountId,
          profileId: me,
          externalId: 'A-1002',
          status: 'shipped',
          totalCents: 12900,
          items: [{ title: 'Trailhead Lightweight Hiking Boot' }],
          placedAt: placed,
        },
        {
          id: newId(),
          accountId,
          profileId: someoneElse,
          externalId: 'B-9999',
          status: 'processing',
          totalCents: 100,
          items: [],
          placedAt: placed + 1000,
        },
      ]);

    const r = await reply('Where is my order?', { profileId: me });
    expect(r).toMatchObject({ skill: 'order_status', tags: ['orders'], missed: false, prompt: 'confirm_resolution' });
    expect(r.text).toContain('#A-1002');
    expect(r.text).toContain('March 3, 2025');
    expect(r.text).toContain('has shipped');
    expect(r.text).toContain('$129.00');
    expect(r.text).toContain('Trailhead Lightweight Hiking Boot');
    expect(r.text).toContain('#A-1001');
    expect(r.text).not.toContain('B-9999');
  });

  it('says so when the shopper has no orders', async () => {
    const r = await reply('order status', { profileId: newId() });
    expect(r).toMatchObject({ skill: 'order_status', prompt: 'offer_human' });
    expect(r.text).toMatch(/couldn't find any orders/);
  });
});

describe('smalltalk skill', () => {
  it('"hello" is small talk, in the agent name', async () => {
    const settings = settingsWith((s) => (s.general.agentName = 'Maya'));
    const r = await reply('hello', { settings });
    expect(r).toMatchObject({ skill: 'smalltalk', tags: ['smalltalk'], missed: false, prompt: null });
    expect(r.text).toContain('Maya');
  });

  it('"who are you", thanks and goodbye', async () => {
    const settings = settingsWith((s) => (s.general.agentName = 'Hammerhead Help'));
    expect((await reply('Who are you?', { settings })).text).toContain("I'm Hammerhead Help");
    expect((await reply('thanks!')).text).toMatch(/welcome/);
    expect((await reply('ok bye')).text).toMatch(/great day/);
  });

  it('a greeting with a question answers the question', async () => {
    expect(await reply('hi, do you ship to Australia?')).toMatchObject({ skill: 'answer' });
  });
});

describe('misses', () => {
  it('gibberish is a miss that offers a person, in the agent name', async () => {
    const settings = settingsWith((s) => (s.general.agentName = 'Maya'));
    const r = await reply('qwxz zzkv', { settings });
    expect(r).toMatchObject({ missed: true, prompt: 'offer_human', cards: [], tags: [] });
    expect(r.text).toContain("I'm not sure I have the answer to that");
    expect(r.text).toContain('Maya');
    expect(r.confidence).toBeLessThan(settings.agent.confidenceThreshold);
  });

  it('the threshold comes from settings', async () => {
    const strict = settingsWith((s) => (s.agent.confidenceThreshold = 1));
    expect((await reply('do you ship to Canada?', { settings: strict })).missed).toBe(true);
  });

  it('empty or punctuation-only text is a miss, not an error', async () => {
    expect((await reply('?!?')).missed).toBe(true);
  });
});

describe('query safety', () => {
  const nasty = [
    '"shoes" OR * NEAR(',
    "'; DROP TABLE products; --",
    'title:shoes AND NOT body:*',
    '"unbalanced',
    'NEAR(a b, 2) ^ {title body} : - + *',
    ')))(((',
    '\u0000\u0002\u0003 shoes',
    'shoes '.repeat(500),
  ];

  it.each(nasty.map((text) => [text.length > 60 ? `${text.slice(0, 20)}… (${text.length} chars)` : text, text]))(
    '%j does not throw and gives a sane reply',
    async (_label, text) => {
      const errors: unknown[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void errors.push(args);
      let turn: Reply;
      try {
        turn = await reply(text);
      } finally {
        console.error = original;
      }
      // The agent swallows a failure as a miss; none may have happened.
      expect(errors).toEqual([]);
      expect(turn.confidence).toBeGreaterThanOrEqual(0);
      expect(typeof turn.text).toBe('string');
      expect(turn.cards.length).toBeLessThanOrEqual(3);
    },
  );

  it('the tables are still there afterwards', async () => {
    expect((await db().select().from(products)).length).toBeGreaterThanOrEqual(50);
  });
});

describe('tenancy', () => {
  it("another account's articles and products are never used for the demo account", async () => {
    const other = await otherAccount('agent');
    const now = Date.now();
    await db().insert(knowledgeArticles).values({
      id: newId(),
      accountId: other.accountId,
      title: 'Shipping to Mars',
      topic: 'shipping',
      url: '/help/mars',
      body: 'Zorblax rockets deliver to Mars colonies in 3 weeks for a flat fee.',
      updatedAt: now,
    });
    await db().insert(products).values({
      id: newId(),
      accountId: other.accountId,
      sku: 'ZORB-1',
      title: 'Zorblax Moon Boot',
      description: 'Zorblax boots for low gravity running.',
      category: 'running shoes',
      priceCents: 1000,
      updatedAt: now,
    });

    // The other account does see its own content (so the negative checks below mean something).
    const theirs = await reply('Do you ship to Mars with Zorblax?', { accountId: other.accountId });
    expect(theirs.text).toContain('More: /help/mars');
    const theirPicks = await reply('I need Zorblax running shoes under $100', { accountId: other.accountId });
    expect(theirPicks.cards.map((c) => c.sku)).toContain('ZORB-1');

    for (const text of ['Do you ship to Mars with Zorblax?', 'zorblax', 'Zorblax rockets Mars colonies']) {
      const r = await reply(text);
      expect(r.text).not.toMatch(/zorblax|mars/i);
    }
    const picks = await reply('I need Zorblax running shoes under $100');
    expect(picks.cards.map((c) => c.sku)).not.toContain('ZORB-1');
    const demoIds = new Set(
      (await db().select().from(products)).filter((p) => p.accountId === accountId).map((p) => p.id),
    );
    for (const c of picks.cards) expect(demoIds.has(c.id)).toBe(true);
  });
});

function sqlSku(sku: string) {
  return and(eq(products.accountId, accountId), eq(products.sku, sku));
}
