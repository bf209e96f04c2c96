// The Customer Agent's evaluation: every question of both splits through the real agent on the seeded
// demo store, judged by test/eval/judge.ts, figures and every miss printed. A second pass runs with
// grounded LLM phrasing (the OpenAI-compatible stand-in) to check the phrased answers still cite their
// article and that the model is never asked when retrieval is not sure. Fails below the acceptance
// bars (≥ 90 % overall and on the held-out batches together, out of scope answered ≤ 10 %) unless
// EVAL_REPORT_ONLY=1.
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { runCustomerAgent, type AgentTurn, type LlmProvider } from '../../worker/agent';
import { OpenAiCompatibleProvider } from '../../worker/agent/llm';
import { knowledgeArticles, products } from '../../worker/db/schema';
import { accountSettings, type AccountSettings } from '../../worker/settings/schema';
import { db, demoAccount } from '../worker/helpers';
import type { EvalCase } from './cases';
import { HELD_OUT } from './held-out';
import { HELD_OUT_FOURTH } from './held-out-fourth';
import { HELD_OUT_FRESH } from './held-out-fresh';
import { HELD_OUT_THIRD } from './held-out-third';
import { figures, judge, report, type Outcome, type StoreFacts } from './judge';
import { TUNING } from './tuning';

const evalEnv = env as Env & { EVAL_REPORT_ONLY?: string; EVAL_HIDE_HELD_OUT_MISSES?: string };
const reportOnly = evalEnv.EVAL_REPORT_ONLY === '1';
// Whoever tunes the agent runs with this set: the held-out figures print, their questions never do, so
// tuning cannot drift towards them.
const hideHeldOutMisses = evalEnv.EVAL_HIDE_HELD_OUT_MISSES === '1';

async function storeFacts(accountId: string): Promise<StoreFacts> {
  const articles = await db().select().from(knowledgeArticles).where(eq(knowledgeArticles.accountId, accountId));
  const catalog = await db().select().from(products).where(eq(products.accountId, accountId));
  return {
    articleSlug: new Map(articles.map((a) => [a.id, (a.url ?? a.id).replace(/^\/help\//, '')])),
    productCategory: new Map(catalog.map((p) => [p.id, p.category])),
  };
}

async function runSet(set: readonly EvalCase[], accountId: string, settings: AccountSettings, llm: LlmProvider | null) {
  const turns: AgentTurn[] = [];
  for (const c of set) {
    turns.push(
      await runCustomerAgent({ db: db(), accountId, settings, text: c.q, profileId: null, missesInARow: 0, llm }),
    );
  }
  return turns;
}

describe('Customer Agent evaluation (demo store)', () => {
  it('answers both splits; prints accuracy per category and every miss', async () => {
    const { id: accountId } = await demoAccount();
    const facts = await storeFacts(accountId);
    const settings = accountSettings.parse({});
    const splits: Array<[string, readonly EvalCase[]]> = [
      ['tuning split', TUNING],
      ['held-out split', HELD_OUT],
      ['fresh held-out split', HELD_OUT_FRESH],
      ['third held-out split', HELD_OUT_THIRD],
      ['fourth held-out split', HELD_OUT_FOURTH],
    ];
    const all: Outcome[] = [];
    const heldOut: Outcome[] = [];
    const out: string[] = [];
    const byName = new Map<string, ReturnType<typeof figures>>();
    for (const [name, set] of splits) {
      const turns = await runSet(set, accountId, settings, null);
      const outcomes = set.map((c, i) => judge(c, turns[i]!, facts));
      all.push(...outcomes);
      if (name !== 'tuning split') heldOut.push(...outcomes);
      const f = figures(outcomes);
      byName.set(name, f);
      out.push(report(name, f, name === 'tuning split' || !hideHeldOutMisses));
    }
    const overall = figures(all);
    const held = figures(heldOut);
    const pct = (f: ReturnType<typeof figures> | undefined) => `${((f?.accuracy ?? 0) * 100).toFixed(1)} %`;
    out.unshift(
      `Customer Agent eval — overall ${pct(overall)} (${overall.right}/${overall.total}); ` +
        `held-out ${pct(held)} (${held.right}/${held.total}: first batch ${pct(byName.get('held-out split'))}, fresh batch ${pct(byName.get('fresh held-out split'))}, third batch ${pct(byName.get('third held-out split'))}, fourth batch ${pct(byName.get('fourth held-out split'))}); ` +
        `out of scope answered ${overall.outOfScopeAnswered}/${overall.outOfScopeTotal}`,
    );
    console.log(`\n${out.join('\n\n')}\n`);

    if (reportOnly) return;
    expect(overall.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(overall.outOfScopeAnswered / overall.outOfScopeTotal).toBeLessThanOrEqual(0.1);
  });

  it('with grounded LLM phrasing: same decisions, phrased answers cite their article, unsure turns never reach the model', async () => {
    const { id: accountId } = await demoAccount();
    const facts = await storeFacts(accountId);
    const model = `eval-${crypto.randomUUID()}`;
    const settings = accountSettings.parse({ llm: { enabled: true, baseUrl: `${inject('llmStandinUrl')}/v1`, model } });
    const llm = new OpenAiCompatibleProvider({
      baseUrl: `${inject('llmStandinUrl')}/v1`,
      apiKey: inject('llmStandinKey'),
      model,
      timeoutMs: 4000,
      outbound: { ALLOW_LOCAL_OUTBOUND: 'true' },
    });
    const set = [...TUNING, ...HELD_OUT, ...HELD_OUT_FRESH, ...HELD_OUT_THIRD, ...HELD_OUT_FOURTH];
    const plain = await runSet(set, accountId, accountSettings.parse({}), null);
    const phrased = await runSet(set, accountId, settings, llm);

    const asked = await questionsSentToModel(model);
    let phrasedAnswers = 0;
    const problems: string[] = [];
    set.forEach((c, i) => {
      const [a, b] = [plain[i]!, phrased[i]!];
      const same = judge(c, a, facts).right === judge(c, b, facts).right;
      const label = hideHeldOutMisses && i >= TUNING.length ? `held-out question #${i - TUNING.length + 1}` : c.q;
      if (!same) problems.push(`decision changed with the LLM on: ${label}`);
      if (b.kind !== 'reply') return;
      const sure = !b.missed && b.skill === 'answer' && b.source !== null;
      if (!sure && asked.has(c.q)) problems.push(`the model was asked although retrieval was not sure: ${label}`);
      if (sure && b.text.startsWith('Phrased:')) {
        phrasedAnswers++;
        if (!b.source?.url || !b.text.includes(b.source.title))
          problems.push(`phrased answer does not cite its article: ${label}`);
      }
    });
    console.log(
      `\nWith grounded LLM phrasing: ${phrasedAnswers} answers phrased, ${asked.size} questions sent to the model, ${problems.length} problems` +
        (problems.length ? `\n  ${problems.join('\n  ')}` : '') +
        '\n',
    );
    if (reportOnly) return;
    expect(problems).toEqual([]);
    expect(phrasedAnswers).toBeGreaterThan(0);
  });
});

/** The shopper questions the stand-in received for this model (each run uses its own model name). */
async function questionsSentToModel(model: string): Promise<Set<string>> {
  const res = await fetch(`${inject('llmStandinUrl')}/__requests`);
  const json = (await res.json()) as {
    requests: Array<{ body: { model?: string; messages?: Array<{ role: string; content: string }> } }>;
  };
  const asked = new Set<string>();
  for (const r of json.requests) {
    if (r.body.model !== model) continue;
    const user = r.body.messages?.find((m) => m.role === 'user')?.content ?? '';
    const q = /Question: ([\s\S]*)$/.exec(user)?.[1];
    if (q) asked.add(q.trim());
  }
  return asked;
}
