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
