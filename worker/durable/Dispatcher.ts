// One Dispatcher per account (named by the account id): the single writer of the round-robin
// rotation, the mirror of who is Online, and the inbox's live fan-out (including who is viewing and
// typing on which ticket, kept in the sockets' attachments: see worker/dispatch/collision.ts).
//
// How it stays correct under concurrency and restarts:
// - every decision reads and writes the object's SQLite storage synchronously (no await between
//   reading the pointer and moving it), so concurrent calls can never take the same turn;
// - the D1 writes a decision implies go into an outbox in the same synchronous step, and are applied
//   in order by one flusher; an item leaves the outbox only after D1 accepted it, so a crash or a
//   D1 outage delays a write (the alarm retries) but never loses or reorders one;
// - ticketCreated stores its decision per ticket, so a retried call returns the same answer.
// - ticketCreated reads nothing from D1: the handoff passes the ticket row it wrote, the team or person
//   its route names (read beside its insert) and the settings version it decided with; the account's
//   settings are held here (worker/settings/held.ts) and re-read only when that version is newer.
// The object only talks to D1 and its own storage: no network calls.
import { DurableObject } from 'cloudflare:workers';
import { openDb, type Database } from '../db/client';
import { readVersionedSettings } from '../settings/store';
import { HeldSettings } from '../settings/held';
import type { AccountSettings } from '../settings/schema';
import type { WireMessage } from '../protocol/widget';
import type { TicketSummary } from '../protocol/inbox';
import { newId } from '../ids';
import { DispatchStore } from '../dispatch/store';
import { InboxSockets, MEMBER_HEADER, socketMember } from '../dispatch/sockets';
import { announceWatchers, type WatchChange } from '../dispatch/collision';
import { allWatchers } from '../dispatch/watchers';
import { seenWhileOpen, ticketOpened } from '../dispatch/seen';
import { activityFrame, readWhileOpen } from '../dispatch/activity';
import { OutboxFlusher, SqlOutbox } from '../platform/sql-outbox';
import { armAlarm, armSoonest, OUTBOX_BACKSTOP_MS } from '../platform/alarm';
import { statementsFor } from '../dispatch/apply';
import { runBatch } from '../db/batch';
import { decideNewTicket, GLOBAL_SCOPE, takeTurn, teamScope, type RouteTarget } from '../dispatch/decide';
import {
  activeMember,
  inRotationPool,
  latestTicketOfConversation,
  teamOf,
  ticketsOf,
  toSummary,
  type TicketRow,
} from '../dispatch/reads';
import { isOpen, nextOpening } from '../dispatch/office-hours';
import { reasons } from '../dispatch/reasons';
import {
  assignInput,
  presenceInput,
  ticketCreatedInput,
  type AssignInput,
  type AssignOutcome,
  type AssignmentWrite,
  type Decision,
  type DispatchResult,
  type OutboxItem,
  type PresenceInput,
  type TicketCreatedInput,
} from '../dispatch/types';
import { dispatchers } from './namespaces';

const BACKLOG_BATCH = 50;
/** Outbox items per D1 batch. */
const FLUSH_BATCH = 25;
/** Under a burst of handoffs, the outbox is applied at most once per this long (flushSoon). */
const FLUSH_COALESCE_MS = 20;

export interface DispatcherSnapshot {
  accountId: string | null;
  /** The whole rotation in its fixed order, with who is Online now. */
  rotation: Array<{ userId: string; name: string; online: boolean }>;
  pointer: string | null;
  pendingWrites: boolean;
  backlog: string[];
}

export class Dispatcher extends DurableObject<Env> {
  protected readonly store: DispatchStore;
  private readonly db: Database;
  private readonly sockets: InboxSockets;
  /** D1 writes decided here, applied in order by the flusher (worker/platform/sql-outbox.ts). */
  private readonly writes: SqlOutbox<OutboxItem>;
  private readonly outbox: OutboxFlusher<OutboxItem>;
  /** The account's settings, held so an assignment never waits on D1 for them. */
  private readonly settings: HeldSettings;
  /** The stored account this object is bound to, once read (it never changes once bound). */
  private boundTo: string | null = null;
  /** A coalesced flush is scheduled, and when the last one started (flushSoon). */
  private flushScheduled = false;
  private lastFlushAt = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new DispatchStore(ctx.storage.sql);
    this.db = openDb(env.DB);
    this.sockets = new InboxSockets(ctx);
    this.settings = new HeldSettings(
      ctx.storage.sql,
      (accountId) => readVersionedSettings(this.db, accountId),
      (work) => ctx.waitUntil(work),
    );
    this.writes = new SqlOutbox<OutboxItem>(ctx.storage.sql, 'outbox');
    this.outbox = new OutboxFlusher(this.writes, {
      label: 'Dispatcher',
      batch: FLUSH_BATCH,
      apply: async (items) => {
        await runBatch(
          this.db,
          items.flatMap((p) => statementsFor(this.db, p.item)),
        );
        return items.length;
      },
      retryAt: (at) => armAlarm(this.ctx.storage, at),
      onApplied: (item) => this.emit(item),
      waitUntil: (work) => ctx.waitUntil(work),
    });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  // ── RPC: the handoff announces a new Inbox ticket ────────────────────────────────────────────

  async ticketCreated(raw: TicketCreatedInput): Promise<Decision> {
    const input = ticketCreatedInput.parse(raw);
    const { ticket } = input;
    this.bind(ticket.accountId); // refuses a ticket of another account
    const known = this.store.decision(ticket.id);
    if (known) {
      this.outbox.flushInBackground(); // a retry after a failed write: make sure it lands
      return known;
    }
    const settings = await this.settings.get(ticket.accountId, { version: input.settingsVersion });
    const target = routeTarget(ticket.accountId, input);

    // ── synchronous: decide, move the pointer, queue the writes ──
    const again = this.store.decision(ticket.id);
    if (again) return again;
    const now = this.now();
    const outcome = decideNewTicket(this.store, input.route, ticket.channel, settings, target, now);
    const decision: Decision = { assigneeId: outcome.assigneeId, method: outcome.method, reason: outcome.reason };
    this.store.saveDecision(ticket.id, decision);
    if (outcome.backlog) this.store.addToBacklog(ticket.id, ticket.createdAt);
    this.enqueueAssignment(
      ticket,
      {
        assigneeId: outcome.assigneeId,
        teamId: outcome.setsTeam ? outcome.teamId : ticket.teamId,
        setsTeam: outcome.setsTeam,
        actorId: null,
        method: outcome.method,
        reason: outcome.reason,
        at: now,
      },
      true,
    );
    // ── end of synchronous part ──

    // The handoff does not wait for the D1 write: it is in the outbox, the alarm is its backstop. Only a
    // ticket put on the backlog adds another timer (office hours opening); the others are armed where set.
    if (outcome.backlog) await this.scheduleAlarm(settings, now + OUTBOX_BACKSTOP_MS);
    else await armAlarm(this.ctx.storage, Date.now() + OUTBOX_BACKSTOP_MS);
    this.flushSoon();
    return decision;
  }

  // ── RPC: the inbox (routes enforce who may call what) ────────────────────────────────────────

  /** Manual, self, bulk, team and "No assignee". Never moves the account's pointer. */
  async assign(raw: AssignInput): Promise<DispatchResult<AssignOutcome[]>> {
    const input = assignInput.parse(raw);
    this.bind(input.accountId);
    const ids = [...new Set(input.ticketIds)];
    const { to } = input;
    const [rows, team, target] = await Promise.all([
      ticketsOf(this.db, input.accountId, ids),
      to.kind === 'team' ? teamOf(this.db, input.accountId, to.teamId) : null,
      to.kind === 'user' ? activeMember(this.db, to.userId) : null,
    ]);
    if (rows.length !== ids.length) return { ok: false, code: 'not_found', message: 'Ticket not found' };
    if (to.kind === 'team' && !team) return { ok: false, code: 'not_found', message: 'Team not found' };
    if (to.kind === 'user' && (!target || target.accountId !== input.accountId || !inRotationPool(target.role))) {
      return {
        ok: false,
        code: 'invalid_assignee',
        message: 'assigneeId is not a team member of this account who can answer tickets',
      };
    }

    // ── synchronous ──
    const now = this.now();
    const outcomes: AssignOutcome[] = [];
    let seq = 0;
    for (const row of [...rows].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
      let assigneeId: string | null = null;
      let method: AssignmentWrite['method'];
      let reason: string;
      if (to.kind === 'team' && team) {
        const turn = takeTurn(this.store, teamScope(team.id), team.memberIds, now);
        assigneeId = turn?.userId ?? null;
        method = 'team';
        reason =
          `${reasons.manual(input.actor.name, input.bulk)} to team ${team.name}; ` +
          (turn ? reasons.team(team.name, turn.online) : reasons.teamNobodyOnline(team.name));
      } else if (to.kind === 'user') {
        assigneeId = to.userId;
        method = to.userId === input.actor.id ? 'self' : input.bulk ? 'bulk' : 'manual';
        reason = method === 'self' ? reasons.self(input.actor.name) : reasons.manual(input.actor.name, input.bulk);
      } else {
        method = 'unassign';
        reason = reasons.unassign(input.actor.name);
      }
      const teamId = team ? team.id : row.teamId;
      this.store.removeFromBacklog(row.id); // someone chose; the after-hours hand-out must not override it
      seq = this.enqueueAssignment(
        row,
        { assigneeId, teamId, setsTeam: !!team, actorId: input.actor.id, method, reason, at: now },
        false,
      );
      outcomes.push({ ticketId: row.id, assigneeId, teamId, method, reason });
    }
    // ── end of synchronous part ──

    await this.outbox.flush(seq);
    return { ok: true, value: outcomes };
  }

  /** A member's own Online/Offline switch (the route makes sure it is their own). */
  async setPresence(raw: PresenceInput): Promise<DispatchResult<{ presence: 'online' | 'offline' }>> {
    const input = presenceInput.parse(raw);
    this.bind(input.accountId);
    const user = await activeMember(this.db, input.userId);
    if (!user || user.accountId !== input.accountId)
      return { ok: false, code: 'not_found', message: 'Team member not found' };
    const eligible = inRotationPool(user.role);
    if (input.presence === 'online' && !eligible) {
      return {
        ok: false,
        code: 'forbidden',
        message: `Your role (${user.role}) does not answer tickets, so it has no Online status`,
      };
    }
    this.store.upsertMember({ userId: user.id, name: user.name, role: user.role, createdAt: user.createdAt, eligible });
    if (input.presence === 'online') this.store.setOnline(user.id, input.until);
    else this.store.setOffline(user.id);
    const seq = this.writes.enqueue({
      kind: 'presence',
      accountId: input.accountId,
      userId: user.id,
      presence: input.presence,
    });
    await this.outbox.flush(seq);
    if (input.presence === 'online') await this.drainBacklog();
    await this.scheduleAlarm();
    return { ok: true, value: { presence: input.presence } };
  }

  /** Signing out sets Offline and closes that session's inbox sockets. */
  async signedOut(input: { accountId: string; userId: string; sessionId: string }): Promise<void> {
    this.bind(input.accountId);
    const before = this.sockets.watchStates();
    this.sockets.closeSession(input.userId, input.sessionId);
    await this.watchersChanged({ before, after: this.sockets.watchStates(), touched: null, refreshShopper: null });
    if (!this.store.member(input.userId)) return; // never went Online here
    this.store.setOffline(input.userId);
    await this.outbox.flush(
      this.writes.enqueue({ kind: 'presence', accountId: input.accountId, userId: input.userId, presence: 'offline' }),
    );
  }

  /** A member's role changed or they were removed: re-read them so the pool stays right. */
  async memberChanged(input: { accountId: string; userId: string }): Promise<void> {
    this.bind(input.accountId);
    const user = await activeMember(this.db, input.userId);
    const current = this.store.member(input.userId);
    if (!user || user.accountId !== input.accountId) {
      const before = this.sockets.watchStates();
      this.sockets.closeSession(input.userId, null);
      await this.watchersChanged({ before, after: this.sockets.watchStates(), touched: null, refreshShopper: null });
      if (current) this.store.retire(input.userId);
      return;
    }
    if (!current) return;
    const eligible = inRotationPool(user.role);
    this.store.upsertMember({ userId: user.id, name: user.name, role: user.role, createdAt: user.createdAt, eligible });
    if (!eligible)
      await this.outbox.flush(
        this.writes.enqueue({ kind: 'presence', accountId: input.accountId, userId: user.id, presence: 'offline' }),
      );
  }

  /** Round robin or office hours changed: hand out a backlog that is now due, re-arm the timer, tell the inboxes. */
  async settingsChanged(input: { accountId: string }): Promise<void> {
    this.bind(input.accountId);
    const settings = await this.settings.get(input.accountId, { fresh: true });
    this.sockets.broadcast({ type: 'settings', roundRobin: settings.roundRobin.enabled });
    await this.drainBacklog();
    await this.scheduleAlarm(settings);
  }

  /** A ticket changed outside assignment (status, tags): tell every open inbox. */
  async ticketUpdated(input: { accountId: string; ticket: TicketSummary }): Promise<void> {
    this.bind(input.accountId);
    if (input.ticket.status === 'closed') this.store.removeFromBacklog(input.ticket.id);
    this.sockets.broadcast({ type: 'ticket.updated', ticket: input.ticket, assignment: null });
  }

  /** A message in an escalated conversation: to every inbox socket that has its ticket open, and its preview to every list. */
  async conversationMessage(input: {
    conversationId: string;
    ticketId: string | null;
    message: WireMessage;
  }): Promise<void> {
    const account = this.store.get('account');
    const ticketId =
      input.ticketId ?? (account ? await latestTicketOfConversation(this.db, account, input.conversationId) : null);
    if (!ticketId) return;
    this.sockets.broadcast(
      { type: 'message', ticketId, conversationId: input.conversationId, message: input.message },
      (a) => a.viewing === ticketId,
    );
    // Every list: the row's preview and unread marker (worker/dispatch/activity.ts).
    const activity = activityFrame(ticketId, input.message);
    if (activity) this.sockets.broadcast(activity);
    const viewers = this.sockets
      .watchStates()
      .filter((w) => w.viewing === ticketId)
      .map((w) => w.userId);
    if (account && input.message.role === 'shopper' && viewers.length > 0) {
      await Promise.all([
        seenWhileOpen(this.env, account, input.conversationId, input.message.seq),
        readWhileOpen(this.db, account, ticketId, viewers, input.message.at),
      ]);
    }
  }

  /** Read-only view of the rotation, for tests and operators. */
  async snapshot(): Promise<DispatcherSnapshot> {
    const now = this.now();
    const online = new Set(this.store.onlineMembers(now).map((m) => m.user_id));
    return {
      accountId: this.store.get('account'),
      rotation: this.store
        .allMembers()
        .map((m) => ({ userId: m.user_id, name: m.name, online: online.has(m.user_id) })),
      pointer: this.store.pointer(GLOBAL_SCOPE)?.split(':')[1] ?? null,
      pendingWrites: this.writes.count() > 0,
      backlog: this.store.backlog(1000),
    };
  }

  // ── WebSockets (Hibernation API) ─────────────────────────────────────────────────────────────

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket')
      return new Response('Expected a WebSocket upgrade', { status: 426 });
    const member = socketMember.safeParse(safeJson(request.headers.get(MEMBER_HEADER)));
    if (!member.success) return new Response('Missing member', { status: 400 });
    this.bind(member.data.accountId);
    const { client, server } = this.sockets.accept(member.data);
    const presence = this.store.isOnline(member.data.userId, this.now()) ? 'online' : 'offline';
    server.send(JSON.stringify({ type: 'hello', userId: member.data.userId, presence }));
    server.send(JSON.stringify({ type: 'watchers.all', tickets: allWatchers(this.sockets.watchStates(), Date.now()) }));
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const before = this.sockets.watchStates();
    const viewedBefore = this.sockets.stateOf(ws)?.viewing ?? null;
    const { reply, touched, refreshShopper } = this.sockets.receive(ws, raw);
    if (reply) ws.send(JSON.stringify(reply));
    if (touched.length === 0) return;
    const after = this.sockets.watchStates();
    await this.watchersChanged({
      before,
      after,
      touched,
      refreshShopper: refreshShopper ? (this.sockets.stateOf(ws)?.viewing ?? null) : null,
    });
    // A teammate opened a ticket: its conversation's messages so far are seen (worker/dispatch/seen.ts).
    // Not awaited here: the socket's next frame need not wait for the conversation's room.
    const opened = this.sockets.stateOf(ws)?.viewing ?? null;
    const account = this.store.get('account');
    if (opened && opened !== viewedBefore && account)
      this.ctx.waitUntil(ticketOpened(this.env, this.db, account, opened));
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    const leaving = this.sockets.stateOf(ws);
    const after = this.sockets.watchStates(ws);
    ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closing');
    if (leaving?.viewing)
      await this.watchersChanged({
        before: [...after, leaving],
        after,
        touched: [leaving.viewing],
        refreshShopper: null,
      });
  }

  // ── Alarm: retry writes, lapse presence of expired sessions, hand out the after-hours backlog ─

  override async alarm(): Promise<void> {
    const account = this.store.get('account');
    if (!account) return;
    await this.outbox.flush();
    const now = this.now();
    let seq = 0;
    for (const userId of this.store.lapsedMembers(now)) {
      this.store.setOffline(userId);
      seq = this.writes.enqueue({ kind: 'presence', accountId: account, userId, presence: 'offline' });
    }
    if (seq) await this.outbox.flush(seq);
    await this.drainBacklog();
    await this.scheduleAlarm();
  }

  // ── Internals ────────────────────────────────────────────────────────────────────────────────

  /** The clock decisions use (office hours, presence lapses); the dev/test entry's subclass can fix it. */
  protected now(): number {
    return Date.now();
  }

  /**
   * Ties this object to its account on first use. The name is checked, not trusted: only the
   * account whose id hashes to this object's id can bind it.
   */
  private bind(accountId: string): void {
    if (this.boundTo === accountId) return;
    const known = this.store.get('account');
    if (known === accountId) {
      this.boundTo = known;
      return;
    }
    if (known !== null || !dispatchers(this.env).idFromName(accountId).equals(this.ctx.id)) {
      throw new Error('Dispatcher: this object belongs to another account');
    }
    this.store.set('account', accountId);
    this.boundTo = accountId;
  }

  private enqueueAssignment(
    row: TicketRow,
    w: Omit<AssignmentWrite, 'logId' | 'accountId' | 'ticketId' | 'previousAssigneeId'>,
    created: boolean,
  ): number {
    const write: AssignmentWrite = {
      ...w,
      logId: newId(),
      accountId: row.accountId,
      ticketId: row.id,
      previousAssigneeId: row.assigneeId,
    };
    const ticket: TicketSummary = { ...toSummary(row), assigneeId: w.assigneeId, teamId: w.teamId, updatedAt: w.at };
    return this.writes.enqueue({ kind: 'assign', write, ticket, created });
  }

  /**
   * Applies the outbox now, unless a flush started less than FLUSH_COALESCE_MS ago: then once that long
   * after it, so under a burst of handoffs the writes reach D1 as one batch per interval instead of one
   * batch each, while a lone ticket's write goes at once. Memory only: a wake-up that lost the schedule
   * loses nothing (the items are in storage and the alarm is armed for them).
   */
  private flushSoon(): void {
    if (this.flushScheduled) return;
    const wait = this.lastFlushAt + FLUSH_COALESCE_MS - Date.now();
    if (wait <= 0) {
      this.lastFlushAt = Date.now();
      this.outbox.flushInBackground();
      return;
    }
    this.flushScheduled = true;
    this.ctx.waitUntil(
      scheduler.wait(wait).then(() => {
        this.flushScheduled = false;
        this.lastFlushAt = Date.now();
        return this.outbox.flush();
      }),
    );
  }

  /** After-hours web chat, oldest first, once hours are open (only when the account opted in). */
  private async drainBacklog(): Promise<void> {
    const account = this.store.get('account');
    const ids = account ? this.store.backlog(BACKLOG_BATCH) : [];
    if (!account || ids.length === 0) return;
    const settings = await this.settings.get(account);
    if (
      !settings.roundRobin.enabled ||
      !settings.roundRobin.afterHoursBacklog ||
      !isOpen(settings.officeHours, this.now())
    )
      return;
    const rows = new Map((await ticketsOf(this.db, account, ids)).map((r) => [r.id, r]));

    // ── synchronous ──
    const now = this.now();
    let seq = 0;
    for (const id of ids) {
      if (!this.store.inBacklog(id)) continue; // someone assigned it meanwhile
      const row = rows.get(id);
      if (!row || row.assigneeId !== null || row.status === 'closed') {
        this.store.removeFromBacklog(id);
        continue;
      }
      const turn = takeTurn(this.store, GLOBAL_SCOPE, null, now);
      if (!turn) break; // nobody Online: the next one to come Online picks these up
      this.store.removeFromBacklog(id);
      seq = this.enqueueAssignment(
        row,
        {
          assigneeId: turn.userId,
          teamId: row.teamId,
          setsTeam: false,
          actorId: null,
          method: 'round_robin',
          reason: reasons.backlog(turn.online),
          at: now,
        },
        false,
      );
    }
    // ── end of synchronous part ──
    if (seq) await this.outbox.flush(seq);
  }

  /** One alarm covers every timer: write retries, presence lapses, office hours opening (and `also`). */
  private async scheduleAlarm(known?: AccountSettings, also?: number): Promise<void> {
    const account = this.store.get('account');
    if (!account) return;
    const now = this.now();
    const due: number[] = also === undefined ? [] : [also];
    const retry = this.outbox.retryDue(now);
    if (retry !== null) due.push(retry);
    const lapse = this.store.nextLapse();
    if (lapse !== null) due.push(lapse);
    if (this.store.backlog(1).length > 0) {
      const settings = known ?? (await this.settings.get(account));
      // While hours are open, whoever comes Online picks the backlog up; only a closed period needs a timer.
      if (settings.roundRobin.afterHoursBacklog && !isOpen(settings.officeHours, now)) {
        const opens = nextOpening(settings.officeHours, now);
        if (opens !== null) due.push(opens);
      }
    }
    // Delays are measured on this object's clock (fixed in tests), then applied to real time.
    await armSoonest(
      this.ctx.storage,
      due.map((at) => Date.now() + Math.max(1000, at - now)),
    );
  }

  /** Tells the inboxes (and a web-chat shopper) what changed about who views and types where. */
  private async watchersChanged(change: WatchChange): Promise<void> {
    const account = this.store.get('account');
    if (account) await announceWatchers(this.env, this.db, account, this.sockets, change);
  }

  /** Live events once a write has landed, so an inbox that refetches sees what the event says. */
  private emit(item: OutboxItem): void {
    if (item.kind === 'presence') {
      this.sockets.broadcast({ type: 'presence', userId: item.userId, presence: item.presence });
      return;
    }
    const w = item.write;
    const assignment = {
      method: w.method,
      reason: w.reason,
      actorId: w.actorId,
      previousAssigneeId: w.previousAssigneeId,
    };
    this.sockets.broadcast(
      item.created
        ? { type: 'ticket.created', ticket: item.ticket, assignment }
        : { type: 'ticket.updated', ticket: item.ticket, assignment },
    );
    if (w.assigneeId && w.assigneeId !== w.actorId && w.assigneeId !== w.previousAssigneeId) {
      this.sockets.toUser(w.assigneeId, { type: 'ticket.assigned', ticket: item.ticket, assignment });
    }
  }
}

/** The caller's reading of the route's team or person, trusted only for this account (and a role that answers). */
function routeTarget(accountId: string, input: TicketCreatedInput): RouteTarget {
  const { team, member } = input.target;
  return {
    team: team && team.accountId === accountId ? { ...team, memberIds: new Set(team.memberIds) } : null,
    member: member && member.accountId === accountId && inRotationPool(member.role) ? member : null,
  };
}

function safeJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
