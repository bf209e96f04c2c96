// wrangler.dev.json: the configuration `npm run dev`, the worker tests, the browser tests and the
// benchmarks run, generated from wrangler.jsonc (the deployed configuration) so the two never drift.
// It differs in exactly three ways: its entry is worker/dev/index.ts (the production Worker plus the
// demo storefront, the /__demo and /__bench routes, and a Dispatcher whose clock tests can fix), it
// binds BenchCounter, and it keeps that class (production's migrations delete it). Git ignores it;
// every user writes it fresh. Run directly (`node scripts/dev-config.mjs`) it prints its path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_readRawConfig } from 'wrangler';

const root = new URL('..', import.meta.url).pathname;
export const DEV_CONFIG = join(root, 'wrangler.dev.json');
const DEV_ONLY_CLASS = 'BenchCounter';

export function writeDevConfig() {
  const { rawConfig } = experimental_readRawConfig({ config: join(root, 'wrangler.jsonc') });
  const bindings = rawConfig.durable_objects?.bindings ?? [];
  const dev = {
    ...rawConfig,
    main: 'worker/dev/index.ts',
    durable_objects: { bindings: [...bindings, { name: 'BENCH_COUNTER', class_name: DEV_ONLY_CLASS }] },
    migrations: (rawConfig.migrations ?? []).filter((m) => !(m.deleted_classes ?? []).includes(DEV_ONLY_CLASS)),
  };
  writeFileSync(DEV_CONFIG, `${JSON.stringify(dev, null, 2)}\n`);
  return DEV_CONFIG;
}

export const PROXY_CONFIG = join(root, 'wrangler.proxy.json');

/**
 * wrangler.proxy.json: the configuration for wrangler's platform proxy (`getPlatformProxy`), which the
 * demo seed (scripts/seed.ts) and the segment benchmark use for the local D1 alone. It keeps only the
 * D1 database (same id, so the same local file) and the compatibility settings: given the Durable
 * Object bindings as well, the proxy — which runs no Worker code — warns that their classes are not
 * exported, a warning that says nothing about `npm run dev` itself. Git ignores it.
 */
export function writeProxyConfig() {
  const { rawConfig } = experimental_readRawConfig({ config: join(root, 'wrangler.jsonc') });
  const { name, compatibility_date, compatibility_flags, d1_databases } = rawConfig;
  writeFileSync(
    PROXY_CONFIG,
    `${JSON.stringify({ name, compatibility_date, compatibility_flags, d1_databases }, null, 2)}\n`,
  );
  return PROXY_CONFIG;
}

if (process.argv[1] === new URL(import.meta.url).pathname) console.log(writeDevConfig());
