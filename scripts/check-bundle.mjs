// The deployed bundle carries no test, bench or demo code: bundles the Worker exactly as `wrangler
// deploy` would (`wrangler deploy --dry-run --outdir`, wrangler.jsonc, entry worker/index.ts) and
// searches the output for markers of the dev/test entry (worker/dev/), the demo seed and the demo
// tickets. Also checks the bundle is the real one (it has the production routes), so an empty or
// wrong bundle cannot pass. Run by `npm test`; needs `npm run build` first (the assets directory).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const FORBIDDEN = [
  ['fixClock', 'the Dispatcher test clock (worker/dev/index.ts)'],
  ['BenchCounter', 'the benchmark counter object (worker/dev/BenchCounter.ts)'],
  ['/__bench', 'benchmark routes (worker/dev/bench-routes.ts)'],
  ['/__demo', 'demo ticket routes (worker/dev/demo-routes.ts)'],
  ['demo-customer-1', 'the demo storefront (worker/dev/storefront.ts)'],
  ['demo-password', 'the demo seed (worker/db/seed.ts)'],
  ['owner@demo.test', 'the demo seed users (worker/db/seed.ts)'],
  ['Shipping times and costs', 'the demo knowledge articles (worker/db/seed-data.ts)'],
  ['seedDemoTickets', 'the demo tickets (worker/demo/tickets.ts)'],
];
const REQUIRED = ['/openapi.json', 'ConversationRoom', 'Dispatcher', '/accept-invite'];

const out = mkdtempSync(join(tmpdir(), 'baton-bundle-'));
try {
  const r = spawnSync(
    join(root, 'node_modules/.bin/wrangler'),
    ['deploy', '--dry-run', '--outdir', out, '--config', join(root, 'wrangler.jsonc')],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
    },
  );
  if (r.status !== 0) {
    console.error(`wrangler deploy --dry-run failed:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  const files = readdirSync(out, { recursive: true })
    .map(String)
    .filter((f) => /\.(m?js|map)$/.test(f) && !f.endsWith('.map'));
  const bundle = files.map((f) => readFileSync(join(out, f), 'utf8')).join('\n');
  const found = FORBIDDEN.filter(([marker]) => bundle.includes(marker));
  const missing = REQUIRED.filter((marker) => !bundle.includes(marker));
  console.log(`Deployed bundle: ${files.join(', ')} (${(bundle.length / 1024).toFixed(0)} KB)`);
  for (const [marker, what] of found) console.error(`  contains "${marker}": ${what}`);
  for (const marker of missing) console.error(`  lacks "${marker}": not the production Worker?`);
  if (found.length || missing.length) process.exit(1);
  console.log(
    `  none of ${FORBIDDEN.length} test/bench/demo markers; all ${REQUIRED.length} production markers present`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
