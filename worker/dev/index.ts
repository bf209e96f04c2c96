// The dev/test entry: the production Worker (worker/index.ts) plus what only local development, the
// tests and the benchmarks use. `npm run dev`, the browser tests, the benchmarks and the worker tests
// run this (wrangler.dev.json, generated from wrangler.jsonc by scripts/dev-config.mjs); `wrangler
// deploy` uses wrangler.jsonc, whose entry is worker/index.ts, so nothing here is in the deployed
// bundle (scripts/check-bundle.mjs checks the dry-run bundle). Added here:
//   /            the demo storefront with the embed snippet     /__demo   the demo's tickets
//   /__bench     the assignment benchmark's endpoints             BenchCounter, its bare Durable Object
//   Dispatcher.fixClock: the tests pin the clock the Dispatcher decides office hours with.
import { Hono } from 'hono';
import production from '../index';
import { Dispatcher as ProductionDispatcher } from '../durable/Dispatcher';
import { openDb } from '../db/client';
import { onError } from '../http/errors';
import type { DevAppEnv, DevEnv } from './env';
import { benchRoutes } from './bench-routes';
import { demoRoutes } from './demo-routes';
import { storefrontPages } from './storefront';

export { ConversationRoom } from '../index';
export { BenchCounter } from './BenchCounter';

const CLOCK_KEY = 'clock';

/** The production Dispatcher with a clock the tests can fix (stored, so it survives eviction). */
export class Dispatcher extends ProductionDispatcher {
  /** The stored clock, read once per wake-up (undefined until then), so now() costs the bench no query. */
  private clock: number | null | undefined;

  protected override now(): number {
    if (this.clock === undefined) {
      const fixed = this.store.get(CLOCK_KEY);
      this.clock = fixed === null ? null : Number(fixed);
    }
    return this.clock ?? Date.now();
  }

  /** Fixes the clock this object decides with; null returns to real time. */
  async fixClock(at: number | null): Promise<void> {
    this.store.set(CLOCK_KEY, at === null ? null : String(at));
    this.clock = at;
  }
}

const dev = new Hono<DevAppEnv>()
  .use('*', async (c, next) => {
    c.set('db', openDb(c.env.DB));
    await next();
  })
  .route('/__bench', benchRoutes)
  .route('/__demo', demoRoutes)
  .route('/', storefrontPages)
  // Everything else is the production Worker, unchanged.
  .all('*', (c) => production.fetch(c.req.raw, c.env, c.executionCtx));
dev.onError(onError);

export default {
  ...production,
  fetch: dev.fetch,
} satisfies ExportedHandler<DevEnv>;
