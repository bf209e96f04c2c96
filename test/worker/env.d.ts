import type { D1Migration } from 'cloudflare:test';

declare module 'cloudflare:test' {
  interface ProvidedEnv extends Env {
    TEST_MIGRATIONS: D1Migration[];
    /** A secret in production (not in wrangler's generated Env); a binding in vitest.worker.config.ts. */
    SECRETS_KEY: string;
    OPERATOR_TOKEN: string;
  }
}
