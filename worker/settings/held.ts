// A copy of the account's settings held by a Durable Object (a conversation room, the Dispatcher) in
// its own SQLite, so its hot path (a reply, an assignment) never waits on D1 for them and still
// answers while D1 is down. How a held copy learns it is stale — the choice, and why:
// - Every save bumps `settings.version` in D1 (worker/settings/store.ts).
// - A caller that already made a D1 round trip for the request (the widget's HTTP routes look the
//   conversation up; the Worker starting a conversation read the settings) carries the version it saw,
//   at no extra round trip. A held copy older than that version is refreshed before it is used, so a
//   save takes effect for the next message sent that way.
// - A caller that carries no version (socket frames, which reach the object without a Worker hop;
//   alarms) uses the held copy as it is, and when it was last checked more than HELD_SETTINGS_TTL_MS
//   ago a refresh runs in the background for the next turn: a save reaches such a conversation within
//   that time, never by making a shopper wait.
// A push from the settings save to every live room (a settings Durable Object, a broadcast) would make
// the socket path exact too, at the cost of knowing every live room; the version + short TTL is enough.
// Only when nothing is held yet is D1 read inline; a failed read falls back to the held copy.
import { z } from 'zod';
import { accountSettings, type AccountSettings } from './schema';
import type { VersionedSettings } from './store';

/** How long a held copy is used without a check when no caller says which version is current. */
export const HELD_SETTINGS_TTL_MS = 15_000;

/** Settings handed to a Durable Object over RPC (zod at the boundary; parsing also fills new defaults). */
export const versionedSettings = z.object({ settings: accountSettings, version: z.number().int().min(0) });

/** What the caller knows about the current version. */
export interface SettingsFreshness {
  /** The version the caller saw in D1 with this request: a held copy older than it is refreshed first. */
  version?: number;
  /** Read D1 now (a handoff, which writes D1 anyway); the held copy only if that read fails. */
  fresh?: boolean;
}

interface Held extends VersionedSettings {
  checkedAt: number;
}

export class HeldSettings {
  /** Undefined until read from storage once per wake-up; null when nothing is held. */
  private held: Held | null | undefined;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly sql: SqlStorage,
    private readonly read: (accountId: string) => Promise<VersionedSettings>,
    /** Keeps a background refresh alive after the request that started it has answered. */
    private readonly background: (work: Promise<void>) => void,
  ) {
    sql.exec(`CREATE TABLE IF NOT EXISTS held_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, data TEXT NOT NULL, checked_at INTEGER NOT NULL
    )`);
  }

  /** Adopts a copy a caller already read from D1, unless a newer one is held. */
  offer(copy: unknown, now = Date.now()): void {
    const parsed = versionedSettings.parse(copy);
    const held = this.load();
    if (held && held.version > parsed.version) return;
    this.keep({ ...parsed, checkedAt: now });
  }

  /** The held copy as it is (no D1 read, no refresh), or null when nothing is held. */
  peek(): AccountSettings | null {
    return this.load()?.settings ?? null;
  }

  /** The settings for this turn (see the header for when D1 is read). Throws only when nothing is held and D1 fails. */
  async get(accountId: string, freshness: SettingsFreshness = {}, now = Date.now()): Promise<AccountSettings> {
    return (await this.getVersioned(accountId, freshness, now)).settings;
  }

  /** As get(), with the version of the copy returned (callers that pass it on, like the handoff). */
  async getVersioned(
    accountId: string,
    freshness: SettingsFreshness = {},
    now = Date.now(),
  ): Promise<VersionedSettings> {
    const held = this.load();
    if (!held) return this.refresh(accountId, now);
    const behind = freshness.version !== undefined && held.version < freshness.version;
    if (freshness.fresh || behind) {
      try {
        return await this.refresh(accountId, now);
      } catch (err) {
        console.error(
          'Held settings: D1 read failed; using the held copy',
          err instanceof Error ? err.message : String(err),
        );
        return held;
      }
    }
    if (freshness.version !== undefined)
      held.checkedAt = now; // the caller just saw this version in D1
    else if (now - held.checkedAt >= HELD_SETTINGS_TTL_MS && !this.refreshing) {
      this.refreshing = this.refresh(accountId, now)
        .then(
          () => undefined,
          (err: unknown) =>
            console.error('Held settings: background refresh failed', err instanceof Error ? err.message : String(err)),
        )
        .finally(() => {
          this.refreshing = null;
        });
      this.background(this.refreshing);
    }
    return held;
  }

  private async refresh(accountId: string, now: number): Promise<VersionedSettings> {
    const copy = await this.read(accountId);
    const held = this.load();
    // A slower read must not replace a newer copy offered meanwhile.
    if (held && held.version > copy.version) return held;
    this.keep({ ...copy, checkedAt: now });
    return copy;
  }

  private keep(held: Held): void {
    this.held = held;
    this.sql.exec(
      `INSERT INTO held_settings (id, version, data, checked_at) VALUES (1, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data, checked_at = excluded.checked_at`,
      held.version,
      JSON.stringify(held.settings),
      held.checkedAt,
    );
  }

  private load(): Held | null {
    if (this.held !== undefined) return this.held;
    const row = this.sql
      .exec<{ version: number; data: string; checked_at: number }>(
        'SELECT version, data, checked_at FROM held_settings WHERE id = 1',
      )
      .toArray()[0];
    // Parsed again on wake-up: a copy held from before a new setting existed gets its default.
    this.held = row
      ? { settings: accountSettings.parse(JSON.parse(row.data)), version: row.version, checkedAt: row.checked_at }
      : null;
    return this.held;
  }
}
