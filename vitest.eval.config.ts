// `npm run eval`: the Customer Agent's question sets (test/eval/) run through the real agent inside
// workerd, on the seeded demo store's articles and catalog in D1, with the same migrations and seed as
// the worker tests. EVAL_REPORT_ONLY=1 (set by `npm run bench`) prints the figures without failing.
import { mkdirSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

// wrangler.jsonc serves dist/public as static assets; the agent never reads them, so the eval does not
// need a build, only the folder to exist.
mkdirSync(new URL('./dist/public', import.meta.url), { recursive: true });

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.jsonc' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations('./migrations'),
          EVAL_REPORT_ONLY: process.env.EVAL_REPORT_ONLY ?? '',
          EVAL_HIDE_HELD_OUT_MISSES: process.env.EVAL_HIDE_HELD_OUT_MISSES ?? '',
        },
      },
    }),
  ],
  test: {
    include: ['test/eval/**/*.test.ts'],
    setupFiles: ['test/worker/setup.ts'],
    globalSetup: ['test/eval/global-setup.ts'],
    testTimeout: 120_000,
  },
});
