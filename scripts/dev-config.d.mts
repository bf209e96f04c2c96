// Types for scripts/dev-config.mjs (imported by vitest.worker.config.ts and test/support/worker-server.ts).
export declare const DEV_CONFIG: string;
/** Writes wrangler.dev.json from wrangler.jsonc and returns its absolute path. */
export declare function writeDevConfig(): string;
