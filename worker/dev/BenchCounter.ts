// A bare Durable Object: one SQLite counter and nothing else. The assignment benchmark measures it
// in the same run as the Dispatcher, so the Dispatcher's figures can be read against the platform's
// own floor on this machine. Exported and bound only by the dev/test entry (worker/dev/index.ts, wrangler.dev.json).
import { DurableObject } from 'cloudflare:workers';

export class BenchCounter extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)');
  }

  async increment(): Promise<number> {
    return this.ctx.storage.sql
      .exec<{ n: number }>('INSERT INTO counter (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1 RETURNING n')
      .one().n;
  }
}
