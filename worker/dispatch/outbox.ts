// Applies the Dispatcher's queued D1 writes in decision order. An item leaves the queue only after
// D1 accepted it; a failure leaves it queued for the alarm to retry. One flush runs at a time (the
// promise below only de-duplicates work: losing it on a restart loses nothing), and concurrent
// decisions share its batches.
import { runBatch } from '../db/batch';
import type { Database } from '../db/client';
import { statementsFor } from './apply';
import type { DispatchStore } from './store';
import type { OutboxItem } from './types';

/** Outbox items per D1 batch. */
const FLUSH_BATCH = 25;
export const RETRY_MS = 5_000;

export class Outbox {
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly store: DispatchStore,
    private readonly db: Database,
    private readonly storage: DurableObjectStorage,
    /** Live events for an item, sent once its write has landed (so a refetch agrees with them). */
    private readonly onApplied: (item: OutboxItem) => void,
  ) {}

  /** Applies everything queued up to `seq` (all of it by default); failures are logged and retried by the alarm. */
  async flush(seq = Number.MAX_SAFE_INTEGER): Promise<void> {
    try {
      await this.flushThrough(seq);
    } catch (err) {
      console.error('Dispatcher: D1 write failed; it stays queued and the alarm retries it', err);
      await this.storage.setAlarm(Date.now() + RETRY_MS);
    }
  }

  private async flushThrough(seq: number): Promise<void> {
    while (this.store.pendingThrough(seq)) {
      this.flushing ??= this.flushOnce().finally(() => {
        this.flushing = null;
      });
      await this.flushing;
    }
  }

  private async flushOnce(): Promise<void> {
    const batch = this.store.pending(FLUSH_BATCH);
    const last = batch.at(-1);
    if (!last) return;
    await runBatch(this.db, batch.flatMap((b) => statementsFor(this.db, b.item)));
    this.store.removeThrough(last.seq);
    for (const b of batch) this.onApplied(b.item);
  }
}
