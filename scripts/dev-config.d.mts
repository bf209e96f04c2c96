// Types for scripts/dev-config.mjs (imported by vitest.worker.config.ts, test/support/worker-server.ts,
// scripts/seed.ts and test/bench/segment-eval.ts).
export declare const DEV_CONFIG: string;
/** Writes wrangler.dev.json from wrangler.jsonc and returns its absolute path. */
export declare function writeDevConfig(): string;
/** Writes wrangler.proxy.json (the local D1 alone, for getPlatformProxy) and returns its absolute path. */
export declare function writeProxyConfig(): string;
