// The Dispatcher's state in its Durable Object's SQLite storage. Every method is synchronous, so a
// caller can read, decide and write with no await in between: that is what makes the object the
// single, race-free writer of the rotation. Nothing lives only in memory.
import type { Role } from '../db/schema';
import type { Decision } from './types';

export interface RotationMember extends Record<string, SqlStorageValue> {
  user_id: string;
  name: string;
  role: string;
  /** Fixed position in the rotation: the member's creation time (zero-padded) then user id. */
  order_key: string;
  online: number;
  /** Presence lapses at this instant (the session that set it expires); null = no limit. */
  online_until: number | null;
  eligible: number;
}

export interface MemberSpec {
  userId: string;
  name: string;
  role: Role;
  createdAt: number;
  eligible: boolean;
}

export const orderKey = (createdAt: number, userId: string) => `${String(createdAt).padStart(15, '0')}:${userId}`;

export class DispatchStore {
  constructor(private readonly sql: SqlStorage) {
    // Idempotent schema: runs on every wake-up.
    sql.exec(`CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS members (
      user_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, order_key TEXT NOT NULL,
      online INTEGER NOT NULL DEFAULT 0, online_until INTEGER, eligible INTEGER NOT NULL DEFAULT 1
    )`);
    sql.exec(`CREATE INDEX IF NOT EXISTS members_order ON members(order_key)`);
    // scope '' is the account's rotation; 'team:<id>' a team's own rotation (bulk-to-team).
    sql.exec(`CREATE TABLE IF NOT EXISTS pointers (scope TEXT PRIMARY KEY, order_key TEXT NOT NULL)`);
    // One row per ticket the handoff announced: a retried ticketCreated returns this, never re-decides.
    sql.exec(`CREATE TABLE IF NOT EXISTS decisions (ticket_id TEXT PRIMARY KEY, data TEXT NOT NULL)`);
    // D1 writes not yet applied, in decision order (see Dispatcher.flushThrough).
    // After-hours web-chat tickets waiting for office hours (handed out only if the setting is on).
    sql.exec(`CREATE TABLE IF NOT EXISTS backlog (ticket_id TEXT PRIMARY KEY, created_at INTEGER NOT NULL)`);
  }

  // ── Small key/value state: account id (and the dev entry's fixed clock) ────────────────────────────────────────────
  get(key: string): string | null {
    return this.sql.exec<{ value: string }>('SELECT value FROM state WHERE key = ?', key).toArray()[0]?.value ?? null;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.sql.exec('DELETE FROM state WHERE key = ?', key);
    else
      this.sql.exec(
        'INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        key,
        value,
      );
  }

  // ── Presence mirror and rotation ─────────────────────────────────────────────────────────────
  upsertMember(m: MemberSpec): void {
    this.sql.exec(
      `INSERT INTO members (user_id, name, role, order_key, eligible) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, role = excluded.role, order_key = excluded.order_key, eligible = excluded.eligible`,
      m.userId,
      m.name,
      m.role,
      orderKey(m.createdAt, m.userId),
      m.eligible ? 1 : 0,
    );
    if (!m.eligible) this.setOffline(m.userId);
  }

  member(userId: string): RotationMember | null {
    return this.sql.exec<RotationMember>('SELECT * FROM members WHERE user_id = ?', userId).toArray()[0] ?? null;
  }

  /** Removed from the team: out of the pool for good (the row stays so history keeps its name). */
  retire(userId: string): void {
    this.sql.exec('UPDATE members SET eligible = 0, online = 0, online_until = NULL WHERE user_id = ?', userId);
  }

  allMembers(): RotationMember[] {
    return this.sql.exec<RotationMember>('SELECT * FROM members ORDER BY order_key').toArray();
  }

  setOnline(userId: string, until: number | null): void {
    this.sql.exec('UPDATE members SET online = 1, online_until = ? WHERE user_id = ?', until, userId);
  }

  setOffline(userId: string): void {
    this.sql.exec('UPDATE members SET online = 0, online_until = NULL WHERE user_id = ?', userId);
  }

  isOnline(userId: string, now: number): boolean {
    const m = this.member(userId);
    return !!m && m.online === 1 && m.eligible === 1 && (m.online_until === null || m.online_until > now);
  }

  /** Members who can take a ticket right now, in rotation order. */
  onlineMembers(now: number): RotationMember[] {
    return this.sql
      .exec<RotationMember>(
        'SELECT * FROM members WHERE online = 1 AND eligible = 1 AND (online_until IS NULL OR online_until > ?) ORDER BY order_key',
        now,
      )
      .toArray();
  }

  /** Online members whose presence has lapsed (their session expired): the alarm turns them Offline. */
  lapsedMembers(now: number): string[] {
    return this.sql
      .exec<{ user_id: string }>(
        'SELECT user_id FROM members WHERE online = 1 AND online_until IS NOT NULL AND online_until <= ?',
        now,
      )
      .toArray()
      .map((r) => r.user_id);
  }

  nextLapse(): number | null {
    return this.sql.exec<{ t: number | null }>('SELECT MIN(online_until) AS t FROM members WHERE online = 1').one().t;
  }

  pointer(scope: string): string | null {
    return (
      this.sql.exec<{ order_key: string }>('SELECT order_key FROM pointers WHERE scope = ?', scope).toArray()[0]
        ?.order_key ?? null
    );
  }

  setPointer(scope: string, key: string): void {
    this.sql.exec(
      'INSERT INTO pointers (scope, order_key) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET order_key = excluded.order_key',
      scope,
      key,
    );
  }

  // ── Decisions (idempotency of ticketCreated) ─────────────────────────────────────────────────
  decision(ticketId: string): Decision | null {
    const row = this.sql
      .exec<{ data: string }>('SELECT data FROM decisions WHERE ticket_id = ?', ticketId)
      .toArray()[0];
    return row ? (JSON.parse(row.data) as Decision) : null;
  }

  saveDecision(ticketId: string, decision: Decision): void {
    this.sql.exec('INSERT INTO decisions (ticket_id, data) VALUES (?, ?)', ticketId, JSON.stringify(decision));
  }

  // ── After-hours backlog ──────────────────────────────────────────────────────────────────────
  addToBacklog(ticketId: string, createdAt: number): void {
    this.sql.exec('INSERT OR IGNORE INTO backlog (ticket_id, created_at) VALUES (?, ?)', ticketId, createdAt);
  }

  inBacklog(ticketId: string): boolean {
    return this.sql.exec('SELECT 1 FROM backlog WHERE ticket_id = ?', ticketId).toArray().length > 0;
  }

  removeFromBacklog(ticketId: string): void {
    this.sql.exec('DELETE FROM backlog WHERE ticket_id = ?', ticketId);
  }

  /** Oldest first. */
  backlog(limit: number): string[] {
    return this.sql
      .exec<{ ticket_id: string }>('SELECT ticket_id FROM backlog ORDER BY created_at, ticket_id LIMIT ?', limit)
      .toArray()
      .map((r) => r.ticket_id);
  }
}
