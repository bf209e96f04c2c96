// Whether one agent turn is a right reply to one evaluation question, and the figures over a set.
import type { AgentTurn } from '../../worker/agent';
import { categoryOf, type Category, type EvalCase } from './cases';

/** What the harness knows about the store, to read a turn: article id → slug, product id → category. */
export interface StoreFacts {
  articleSlug: ReadonlyMap<string, string>;
  productCategory: ReadonlyMap<string, string>;
}

export interface Outcome {
  q: string;
  category: Category;
  right: boolean;
  /** For out-of-scope questions: answered with an article or product cards anyway. */
  answeredOutOfScope: boolean;
  got: string;
  wanted: string;
}

export function judge(c: EvalCase, turn: AgentTurn, facts: StoreFacts): Outcome {
  const category = categoryOf(c.expect);
  const got = describe(turn, facts);
  const wanted =
    typeof c.expect === 'string'
      ? c.expect
      : 'article' in c.expect
        ? `article ${[c.expect.article].flat().join(' | ')}`
        : `products in ${c.expect.products ?? 'any category'}`;
  const base = { q: c.q, category, got, wanted, answeredOutOfScope: false };
  if (c.expect === 'human') return { ...base, right: turn.kind === 'escalate' };
  if (turn.kind === 'escalate') return { ...base, right: c.expect === 'none' };
  const answered = !turn.missed;
  const slug = turn.source ? facts.articleSlug.get(turn.source.id) : undefined;
  if (c.expect === 'none') {
    const wrong = answered && (slug !== undefined || turn.cards.length > 0);
    return { ...base, right: !wrong, answeredOutOfScope: wrong };
  }
  if (c.expect === 'order') return { ...base, right: answered && turn.skill === 'order_status' };
  if (c.expect === 'smalltalk') return { ...base, right: answered && turn.skill === 'smalltalk' };
  if ('article' in c.expect) {
    const want = [c.expect.article].flat();
    return { ...base, right: answered && turn.skill === 'answer' && slug !== undefined && want.includes(slug) };
  }
  const cat = c.expect.products;
  const cards = turn.cards;
  return {
    ...base,
    right:
      answered &&
      turn.skill === 'recommend' &&
      cards.length > 0 &&
      (cat === null || facts.productCategory.get(cards[0]!.id) === cat),
  };
}

function describe(turn: AgentTurn, facts: StoreFacts): string {
  if (turn.kind === 'escalate') return `escalate (${turn.rule})`;
  if (turn.missed) return `not sure (${turn.skill} ${turn.confidence})`;
  const slug = turn.source ? (facts.articleSlug.get(turn.source.id) ?? turn.source.id) : null;
  const cards = turn.cards.map((k) => facts.productCategory.get(k.id) ?? '?');
  return `${turn.skill} ${turn.confidence}${slug ? ` article ${slug}` : ''}${cards.length ? ` cards [${[...new Set(cards)].join(', ')}]` : ''}`;
}

export interface Figures {
  total: number;
  right: number;
  accuracy: number;
  perCategory: Array<{ category: Category; total: number; right: number; accuracy: number }>;
  outOfScopeTotal: number;
  outOfScopeAnswered: number;
  misses: Outcome[];
}

export function figures(outcomes: readonly Outcome[]): Figures {
  const perCategory = new Map<Category, { total: number; right: number }>();
  for (const o of outcomes) {
    const f = perCategory.get(o.category) ?? { total: 0, right: 0 };
    f.total++;
    if (o.right) f.right++;
    perCategory.set(o.category, f);
  }
  const right = outcomes.filter((o) => o.right).length;
  const oos = outcomes.filter((o) => o.category === 'out of scope');
  return {
    total: outcomes.length,
    right,
    accuracy: ratio(right, outcomes.length),
    perCategory: [...perCategory].map(([category, f]) => ({ category, ...f, accuracy: ratio(f.right, f.total) })),
    outOfScopeTotal: oos.length,
    outOfScopeAnswered: oos.filter((o) => o.answeredOutOfScope).length,
    misses: outcomes.filter((o) => !o.right),
  };
}

/** `showMisses: false` prints the figures only (held-out splits while tuning: see agent-eval.test.ts). */
export function report(title: string, f: Figures, showMisses = true): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const lines = [`${title}: ${pct(f.accuracy)} (${f.right}/${f.total})`];
  for (const c of f.perCategory)
    lines.push(`  ${c.category.padEnd(15)} ${pct(c.accuracy).padStart(8)}  (${c.right}/${c.total})`);
  lines.push(
    `  out of scope answered with an article or cards: ${f.outOfScopeAnswered}/${f.outOfScopeTotal} (${pct(ratio(f.outOfScopeAnswered, f.outOfScopeTotal))})`,
  );
  if (!showMisses) {
    if (f.misses.length) lines.push(`  misses: ${f.misses.length} (not listed: EVAL_HIDE_HELD_OUT_MISSES=1)`);
    return lines.join('\n');
  }
  if (f.misses.length) lines.push('  misses:');
  for (const m of f.misses)
    lines.push(
      `    ✗ [${m.category}] "${m.q.length > 90 ? `${m.q.slice(0, 87)}…` : m.q}" → ${m.got}; wanted ${m.wanted}`,
    );
  return lines.join('\n');
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}
