import { applyD1Migrations, env } from 'cloudflare:test';
import { openDb } from '../../worker/db/client';
import { seedDemo } from '../../worker/db/seed';

// Runs before each test file. Idempotent both ways: migrations are tracked, the seed checks first.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemo(openDb(env.DB));
