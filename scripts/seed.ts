// Seeds the demo store into the local D1 that `wrangler dev` uses (.wrangler/state), through
// wrangler's platform proxy: the same seed code the tests run inside workerd.
import { getPlatformProxy } from 'wrangler';
import { openDb } from '../worker/db/client';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../worker/db/seed';

const persistTo = process.env.BATON_PERSIST_DIR;
const proxy = await getPlatformProxy<Env>({ persist: persistTo ? { path: persistTo } : true });
try {
  const seeded = await seedDemo(openDb(proxy.env.DB));
  console.log(seeded.created ? 'Seeded the demo store.' : 'Demo store already seeded.');
  console.log(`Demo site key: ${seeded.siteKey}`);
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(20)} ${u.role}`);
} finally {
  await proxy.dispose();
}
