// axe-core (a dev dependency) run inside a real page: the serious and critical violations under a
// selector, each as "rule (impact): [targets]". It fails loudly when axe checked almost nothing, so an
// empty list always means the page was really looked at.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page, include = 'body'): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    type Result = { id: string; impact: string | null; nodes: Array<{ target: unknown }> };
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Result[]; passes: Result[] }> };
      }
    ).axe;
    const result = await axe.run({ include: [[selector]] }, { resultTypes: ['violations'] });
    if (result.passes.length < 5) return [`axe checked almost nothing (${result.passes.length} rules passed)`];
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, include);
}
