import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { openDb } from '../../worker/db/client';
import { seedDemo } from '../../worker/db/seed';
import { dispatcherOf } from '../../worker/durable/namespaces';
import { testEnv } from './test-env';

// Runs before each test file. Idempotent both ways: migrations are tracked, the seed checks first.
await applyD1Migrations(env.DB, testEnv.TEST_MIGRATIONS);
const demo = await seedDemo(openDb(env.DB));

// The demo account's Dispatcher outlives a test file, and the pool reloads the worker's modules for
// each file, which makes the first call into an object from the previous file fail with "index.ts
// changed ... Please retry". Make that first call here, so no test meets it.
await dispatcherOf(env, demo.accountId).snapshot().catch(() => undefined);
