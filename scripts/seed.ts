// Seeds the demo store into the local D1 that `wrangler dev` uses (.wrangler/state), through
// wrangler's platform proxy: the same seed code the tests run inside workerd.
import { getPlatformProxy } from 'wrangler';
import { openDb } from '../worker/db/client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../worker/db/seed';
import { writeProxyConfig } from './dev-config.mjs';

const persistTo = process.env.BATON_PERSIST_DIR;
// Only D1 is needed: the proxy's config has no Durable Object bindings (scripts/dev-config.mjs says why).
const proxy = await getPlatformProxy<Env>({
  configPath: writeProxyConfig(),
  persist: persistTo ? { path: persistTo } : true,
});
try {
  const seeded = await seedDemo(openDb(proxy.env.DB));
  console.log(seeded.created ? 'Seeded the demo store.' : 'Demo store already seeded.');
  console.log(`Demo site key: ${seeded.siteKey}`);
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(20)} ${u.role}`);
} finally {
  await proxy.dispose();
}
