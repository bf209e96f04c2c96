// One alarm per Durable Object serves every timer the object has (the outbox's retries and backstop,
// a handoff's retry, idle resolution, presence lapses, office hours opening): the room and the
// Dispatcher both arm it through here. Guarantees: arming never postpones a moment already armed
// sooner; of several moments the soonest is armed; nothing is armed when nothing is due. The alarm
// handler re-arms whatever is still ahead, so a timer armed later than another is never lost.

/**
 * With outbox items stored, the alarm is due within this long: the backstop that applies whatever a
 * restart left between an object's local write and its flush (worker/platform/sql-outbox.ts). One
 * value for every object with an outbox (the conversation room, the Dispatcher).
 */
export const OUTBOX_BACKSTOP_MS = 30_000;

/** Arms the alarm for `at` unless it is already due sooner. */
export async function armAlarm(storage: DurableObjectStorage, at: number): Promise<void> {
  const current = await storage.getAlarm();
  if (current === null || current > at) await storage.setAlarm(at);
}

/** Arms the soonest of `due` (nothing when it is empty), unless the alarm is already due sooner. */
export async function armSoonest(storage: DurableObjectStorage, due: readonly number[]): Promise<void> {
  if (due.length > 0) await armAlarm(storage, Math.min(...due));
}

/**
 * The same arming for an object that arms on every step (the conversation room: each message's step
 * has effects, so the backstop is asked for each time): the armed moment is remembered once read or
 * set, so arming when a moment no later is already armed makes no storage call and does not wait on
 * one — the whole reply then stays one synchronous storage step, committed once. The memory is never
 * later than the real alarm (a read that lost a race with a set does not overwrite it, and fired()
 * forgets a moment that passed), so it can never postpone one; a restart forgets it and reads again.
 */
export class ArmedAlarm {
  /** The armed moment (null: none); undefined until read after a wake-up. */
  private armed: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {}

  async arm(at: number): Promise<void> {
    if (this.armed === undefined) {
      const read = await this.storage.getAlarm();
      if (this.armed === undefined) this.armed = read;
    }
    if (this.armed !== null && this.armed <= at) return;
    this.armed = at;
    await this.storage.setAlarm(at);
  }

  async armSoonest(due: readonly number[]): Promise<void> {
    if (due.length > 0) await this.arm(Math.min(...due));
  }

  /** First thing in the alarm handler: the moment that fired is armed no more. */
  fired(): void {
    this.armed = null;
  }
}
