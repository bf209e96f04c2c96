// The inbox's hibernatable WebSockets inside the Dispatcher: tagged with the member's user id, with
// per-socket state (session, the ticket on screen, whether its member is typing a reply there, frame
// rate) in the serialized attachment, so a hibernated object wakes up knowing every socket — and so
// who is viewing and typing on which ticket — without holding anything in memory.
import { z } from 'zod';
import { inboxClientFrame, type InboxServerFrame } from '../protocol/inbox';
import { MAX_FRAME_BYTES, MAX_FRAMES_PER_SECOND } from '../protocol/limits';
import type { WatchState } from './watchers';

/** What the Worker tells the Dispatcher about a socket's member (set by the route, never by the browser). */
export const socketMember = z.object({
  accountId: z.string().min(1),
  userId: z.string().min(1),
  /** The member's name, as teammates see it beside a ticket they have open. */
  name: z.string().max(200),
  sessionId: z.string().min(1),
  /** The session's expiry: the socket closes after it. */
  expiresAt: z.number().int(),
});
export type SocketMember = z.infer<typeof socketMember>;

export const MEMBER_HEADER = 'x-baton-member';

interface Attachment extends SocketMember {
  viewing: string | null;
  /** When the member last said they were typing a reply on `viewing` (null: not typing). */
  typingAt: number | null;
  /** When the shopper's chat was last told this socket's member is typing (the widget forgets after 30 s). */
  shopperToldAt: number | null;
  windowStart: number;
  frames: number;
}

const SESSION_ENDED = 4401;
/** A typist's "typing" is repeated to the shopper's chat this often, before the widget's own 30 s expiry. */
const SHOPPER_TYPING_REFRESH_MS = 20_000;

/** What a client frame changed: the reply to send back, and whether the watchers of a ticket may have. */
export interface Received {
  reply: InboxServerFrame | null;
  /** Tickets whose watchers may have changed (the one left, the one opened). */
  touched: string[];
  /** This typist's shopper chat should hear "typing" (they just started, or the widget's mark is about to lapse). */
  refreshShopper: boolean;
}

export class InboxSockets {
  constructor(private readonly ctx: DurableObjectState) {}

  accept(member: SocketMember): { client: WebSocket; server: WebSocket } {
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [member.userId]);
    const attachment: Attachment = {
      ...member,
      viewing: null,
      typingAt: null,
      shopperToldAt: null,
      windowStart: Date.now(),
      frames: 0,
    };
    server.serializeAttachment(attachment);
    return { client, server };
  }

  /** Validates one client frame and applies it to the socket's attachment. */
  receive(ws: WebSocket, raw: string | ArrayBuffer): Received {
    const nothing = (reply: InboxServerFrame | null): Received => ({ reply, touched: [], refreshShopper: false });
    const a = this.attachment(ws);
    if (!a || a.expiresAt <= Date.now()) {
      ws.close(SESSION_ENDED, 'session ended');
      return nothing(null);
    }
    if (typeof raw !== 'string') return nothing(error('bad_frame', 'Frames must be JSON text'));
    if (raw.length > MAX_FRAME_BYTES)
      return nothing(error('frame_too_large', `Frames must be under ${MAX_FRAME_BYTES} bytes`));
    if (!this.withinRate(ws, a))
      return nothing(error('rate_limited', `More than ${MAX_FRAMES_PER_SECOND} frames in a second; slow down`));
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return nothing(error('bad_frame', 'Frames must be valid JSON'));
    }
    const parsed = inboxClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return nothing(error('invalid_frame', `${issue?.path.join('.') || 'type'}: ${issue?.message ?? 'invalid'}`));
    }
    const frame = parsed.data;
    if (frame.type === 'ping') return nothing({ type: 'pong' });
    const current = this.attachment(ws) ?? a;
    const touched = [...new Set([current.viewing, frame.ticketId])].filter((t): t is string => t !== null);
    if (frame.type === 'view') {
      // Opening or leaving a ticket ends typing there.
      ws.serializeAttachment({ ...current, viewing: frame.ticketId, typingAt: null, shopperToldAt: null });
      return { reply: null, touched, refreshShopper: false };
    }
    // Stopping on a ticket already left changes nothing (the page may say so after leaving it).
    if (!frame.on && current.viewing !== frame.ticketId) return nothing(null);
    // Typing also means viewing: a typing frame for another ticket moves the socket there.
    const now = Date.now();
    const told = current.viewing === frame.ticketId ? current.shopperToldAt : null;
    const refreshShopper = frame.on && (told === null || now - told >= SHOPPER_TYPING_REFRESH_MS);
    ws.serializeAttachment({
      ...current,
      viewing: frame.ticketId,
      typingAt: frame.on ? now : null,
      shopperToldAt: frame.on ? (refreshShopper ? now : told) : null,
    });
    return { reply: null, touched, refreshShopper };
  }

  /** What every open socket (but `closing`) views and types, for the watcher lists. */
  watchStates(closing: WebSocket | null = null): WatchState[] {
    const now = Date.now();
    const out: WatchState[] = [];
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === closing || ws.readyState !== WebSocket.OPEN) continue;
      const state = this.stateOf(ws, now);
      if (state) out.push(state);
    }
    return out;
  }

  /** One socket's view and typing (null once its session ended). */
  stateOf(ws: WebSocket, now = Date.now()): WatchState | null {
    const a = this.attachment(ws);
    if (!a || a.expiresAt <= now) return null;
    return { userId: a.userId, name: a.name ?? '', viewing: a.viewing, typingAt: a.typingAt ?? null };
  }

  /** To every live socket of the account, or only those `filter` accepts. */
  broadcast(frame: InboxServerFrame, filter: (a: Attachment) => boolean = () => true): void {
    this.sendTo(this.ctx.getWebSockets(), frame, filter);
  }

  toUser(userId: string, frame: InboxServerFrame): void {
    this.sendTo(this.ctx.getWebSockets(userId), frame, () => true);
  }

  /** Closes the sockets of one session (sign-out) or of every session of a member (removal). */
  closeSession(userId: string, sessionId: string | null): void {
    for (const ws of this.ctx.getWebSockets(userId)) {
      const a = this.attachment(ws);
      if (sessionId === null || a?.sessionId === sessionId) safeClose(ws);
    }
  }

  private sendTo(sockets: WebSocket[], frame: InboxServerFrame, filter: (a: Attachment) => boolean): void {
    const data = JSON.stringify(frame);
    const now = Date.now();
    for (const ws of sockets) {
      const a = this.attachment(ws);
      if (!a || a.expiresAt <= now) {
        safeClose(ws);
        continue;
      }
      if (!filter(a)) continue;
      try {
        ws.send(data);
      } catch {
        // Closing already; the inbox refetches its lists when it reconnects.
      }
    }
  }

  private attachment(ws: WebSocket): Attachment | null {
    return (ws.deserializeAttachment() as Attachment | null) ?? null;
  }

  private withinRate(ws: WebSocket, a: Attachment): boolean {
    const now = Date.now();
    const next = now - a.windowStart >= 1000 ? { ...a, windowStart: now, frames: 1 } : { ...a, frames: a.frames + 1 };
    ws.serializeAttachment(next);
    return next.frames <= MAX_FRAMES_PER_SECOND;
  }
}

function error(code: string, message: string): InboxServerFrame {
  return { type: 'error', code, message };
}

function safeClose(ws: WebSocket): void {
  try {
    ws.close(SESSION_ENDED, 'session ended');
  } catch {
    // already closed
  }
}
