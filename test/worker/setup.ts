import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { openDb } from '../../worker/db/client';
import { seedDemo } from '../../worker/db/seed';
import { testEnv } from './test-env';

// Runs before each test file. Each file has storage of its own (the Workers Vitest plugin isolates storage
// per test file), so every file starts from the real migrations/ and the seeded demo store.
await applyD1Migrations(env.DB, testEnv.TEST_MIGRATIONS);
await seedDemo(openDb(env.DB));
