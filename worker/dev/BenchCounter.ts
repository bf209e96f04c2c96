// A bare Durable Object: one SQLite counter (and an echo log) and nothing else. The assignment
// benchmark measures the counter in the same run as the Dispatcher, and the message benchmark the echo
// (one object per conversation, one RPC that appends a row and returns it) beside the conversation
// room, so both read against the platform's own floor on this machine. Exported and bound only by the dev/test entry (worker/dev/index.ts, wrangler.dev.json).
import { DurableObject } from 'cloudflare:workers';

export class BenchCounter extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      'CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)',
    );
    ctx.storage.sql.exec(
      'CREATE TABLE IF NOT EXISTS echo (seq INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL, at INTEGER NOT NULL)',
    );
  }

  /** Appends the text to this object's SQLite log and returns the stored row. */
  async echo(text: string): Promise<{ seq: number; text: string; at: number }> {
    return this.ctx.storage.sql
      .exec<{ seq: number; text: string; at: number }>(
        'INSERT INTO echo (text, at) VALUES (?, ?) RETURNING seq, text, at',
        text,
        Date.now(),
      )
      .one();
  }

  async increment(): Promise<number> {
    return this.ctx.storage.sql
      .exec<{ n: number }>(
        'INSERT INTO counter (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1 RETURNING n',
      )
      .one().n;
  }
}
