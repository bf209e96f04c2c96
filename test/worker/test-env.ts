// The bindings only the worker tests have (vitest.worker.config.ts sets them): the migrations the setup
// file applies, the operator token and the secrets key. Typed here rather than on the Worker's Env, so worker code
// cannot come to rely on a binding that no deployment has.
import type { D1Migration } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

export const testEnv = env as Env & { TEST_MIGRATIONS: D1Migration[]; OPERATOR_TOKEN: string; SECRETS_KEY: string };
