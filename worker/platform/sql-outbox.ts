// One outbox mechanism for every Durable Object that owes the outside world writes (the conversation
// room's effects, the Dispatcher's assignment and presence writes). Guarantees:
// - an item is written to the object's own SQLite in the same synchronous step as the state change it
//   belongs to (enqueue is synchronous), so a crash can never keep one without the other;
// - items are applied in the order they were decided, by one flusher at a time per object;
// - an item leaves the outbox only after it was applied; a failure keeps it (and everything after it)
//   for the next attempt, delayed by an exponential backoff: an outage delays effects, never loses or
//   reorders them. Items must therefore be idempotent (ids and keys fixed when decided), because an
//   attempt that failed half-way is repeated whole.
// The table name is one of a fixed set (never caller text), so no SQL is built from input.

/** The outbox tables that exist: the Dispatcher's (named before this module) and the room's. */
export type OutboxTable = 'outbox' | 'effects';

/** Items per INSERT in enqueueAll. */
const ENQUEUE_CHUNK = 50;

export interface Pending<T> {
  seq: number;
  item: T;
}

export class SqlOutbox<T> {
  constructor(
    private readonly sql: SqlStorage,
    private readonly table: OutboxTable,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS ${table} (seq INTEGER PRIMARY KEY AUTOINCREMENT, data TEXT NOT NULL)`);
  }

  /** Synchronous, so it joins the caller's state change in one storage transaction. */
  enqueue(item: T): number {
    return this.sql
      .exec<{ seq: number }>(`INSERT INTO ${this.table} (data) VALUES (?) RETURNING seq`, JSON.stringify(item))
      .one().seq;
  }

  /** Several items, in order, a statement per 50 (under SQLite's bound-parameter limit); synchronous like enqueue(). */
  enqueueAll(items: readonly T[]): void {
    for (let i = 0; i < items.length; i += ENQUEUE_CHUNK) {
      const chunk = items.slice(i, i + ENQUEUE_CHUNK);
      this.sql.exec(
        `INSERT INTO ${this.table} (data) VALUES ${chunk.map(() => '(?)').join(', ')}`,
        ...chunk.map((item) => JSON.stringify(item)),
      );
    }
  }

  pending(limit: number): Array<Pending<T>> {
    return this.sql
      .exec<{ seq: number; data: string }>(`SELECT seq, data FROM ${this.table} ORDER BY seq LIMIT ?`, limit)
      .toArray()
      .map((r) => ({ seq: r.seq, item: JSON.parse(r.data) as T }));
  }

  pendingThrough(seq: number): boolean {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${this.table} WHERE seq <= ?`, seq).one().n > 0;
  }

  count(): number {
    return this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${this.table}`).one().n;
  }

  removeThrough(seq: number): void {
    this.sql.exec(`DELETE FROM ${this.table} WHERE seq <= ?`, seq);
  }
}

/** First retry delay and its ceiling: 1 s, 2 s, 4 s … 5 min. */
export const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 5 * 60_000;

export interface FlusherOptions<T> {
  /** Items read per attempt. */
  batch: number;
  /**
   * Applies the first items of `items` in order and returns how many it applied (at least one), or
   * throws: nothing of a failed attempt is counted as applied.
   */
  apply: (items: Array<Pending<T>>) => Promise<number>;
  /** Arms the object's alarm for the next attempt (the object's alarm handler calls flush()). */
  retryAt: (at: number) => Promise<void>;
  /** Called once per item after it was applied (live events that must not run ahead of the write). */
  onApplied?: (item: T) => void;
  /** Keeps the object alive for work that outlives the call that started it (`ctx.waitUntil`). */
  waitUntil: (work: Promise<unknown>) => void;
  label: string;
}

export class OutboxFlusher<T> {
  private flushing: Promise<void> | null = null;
  /** Consecutive failed attempts; in memory only, so a restarted object retries at once (harmless). */
  private failures = 0;

  constructor(
    private readonly outbox: SqlOutbox<T>,
    private readonly options: FlusherOptions<T>,
  ) {}

  /**
   * Applies everything queued up to `seq` (all of it by default). Never throws: a failure is logged,
   * stays queued and is retried by the alarm after the backoff. Returns whether `seq` was applied.
   */
  async flush(seq = Number.MAX_SAFE_INTEGER): Promise<boolean> {
    try {
      while (this.outbox.pendingThrough(seq)) {
        // One attempt at a time; concurrent callers share it (losing the promise on a restart loses nothing).
        this.flushing ??= this.attempt().finally(() => {
          this.flushing = null;
        });
        await this.flushing;
      }
      this.failures = 0;
      return true;
    } catch (err) {
      this.failures += 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (this.failures - 1));
      console.error(
        `${this.options.label}: applying the outbox failed; it stays queued and is retried in ${delay} ms`,
        err instanceof Error ? err.message : String(err),
      );
      await this.options.retryAt(Date.now() + delay);
      return false;
    }
  }

  /**
   * flush() after the caller has its answer, so the answer never waits on D1. Never lost: the items are
   * already in storage, the caller's alarm is their backstop, and a failed attempt arms the retry.
   */
  flushInBackground(): void {
    this.options.waitUntil(this.flush());
  }

  /** The earliest moment a retry is due, or null when nothing waits. */
  retryDue(now: number): number | null {
    if (this.outbox.count() === 0) return null;
    return now + Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, this.failures - 1));
  }

  private async attempt(): Promise<void> {
    const items = this.outbox.pending(this.options.batch);
    if (items.length === 0) return;
    const applied = await this.options.apply(items);
    const done = items.slice(0, Math.max(1, Math.min(applied, items.length)));
    this.outbox.removeThrough(done.at(-1)!.seq);
    for (const d of done) this.options.onApplied?.(d.item);
  }
}
