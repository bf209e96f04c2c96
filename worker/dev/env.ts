// Bindings only the dev/test entry has (wrangler.dev.json, written by scripts/dev-config.mjs).
import type { AppEnv } from '../http/app-env';
import type { BenchCounter } from './BenchCounter';

export interface DevEnv extends Env {
  BENCH_COUNTER: DurableObjectNamespace<BenchCounter>;
}

export interface DevAppEnv {
  Bindings: DevEnv;
  Variables: AppEnv['Variables'];
}
