// ArmedAlarm (worker/platform/alarm.ts) on a real Durable Object's storage: arming never postpones a
// moment already armed sooner, the remembered moment is never later than the real alarm (also when
// arms race on the first read after a wake-up), and after fired() the next arm sets the alarm again.
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ArmedAlarm } from '../../worker/platform/alarm';
import { roomOf } from '../../worker/durable/namespaces';

const storageOf = <T>(work: (storage: DurableObjectStorage) => Promise<T>) =>
  runInDurableObject(roomOf(env, crypto.randomUUID(), crypto.randomUUID()), (_i, state) => work(state.storage));

describe('ArmedAlarm', () => {
  it('arms the soonest moment and never postpones one armed sooner', async () => {
    const t = Date.now() + 60_000;
    const armed = await storageOf(async (storage) => {
      const alarm = new ArmedAlarm(storage);
      await alarm.arm(t + 5_000);
      await alarm.arm(t);
      await alarm.arm(t + 10_000); // later: remembered as armed sooner, nothing changes
      await alarm.armSoonest([]);
      return storage.getAlarm();
    });
    expect(armed).toBe(t);
  });

  it('a moment armed before the wake-up is read once and respected', async () => {
    const t = Date.now() + 60_000;
    const armed = await storageOf(async (storage) => {
      await storage.setAlarm(t);
      const alarm = new ArmedAlarm(storage); // as after a restart: nothing remembered yet
      await Promise.all([alarm.arm(t + 1_000), alarm.arm(t + 2_000)]);
      await alarm.arm(t + 500);
      return storage.getAlarm();
    });
    expect(armed).toBe(t);
  });

  it('arms racing on the first read keep the soonest', async () => {
    const t = Date.now() + 60_000;
    const armed = await storageOf(async (storage) => {
      const alarm = new ArmedAlarm(storage);
      await Promise.all([alarm.arm(t + 2_000), alarm.arm(t), alarm.arm(t + 1_000)]);
      await alarm.arm(t + 500); // must not postpone t
      return storage.getAlarm();
    });
    expect(armed).toBe(t);
  });

  it('after fired() the next arm sets the alarm again, later than the one that fired', async () => {
    const t = Date.now() + 60_000;
    const armed = await storageOf(async (storage) => {
      const alarm = new ArmedAlarm(storage);
      await alarm.arm(t);
      await storage.deleteAlarm(); // what running the alarm does to it
      alarm.fired();
      await alarm.arm(t + 30_000);
      return storage.getAlarm();
    });
    expect(armed).toBe(t + 30_000);
  });
});
