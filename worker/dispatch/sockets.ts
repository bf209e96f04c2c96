// The inbox's hibernatable WebSockets inside the Dispatcher: tagged with the member's user id, with
// per-socket state (session, the ticket on screen, frame rate) in the serialized attachment, so a
// hibernated object wakes up knowing every socket without holding anything in memory.
import { z } from 'zod';
import { inboxClientFrame, type InboxServerFrame } from '../protocol/inbox';
import { MAX_FRAME_BYTES, MAX_FRAMES_PER_SECOND } from '../protocol/limits';

/** What the Worker tells the Dispatcher about a socket's member (set by the route, never by the browser). */
export const socketMember = z.object({
  accountId: z.string().min(1),
  userId: z.string().min(1),
  sessionId: z.string().min(1),
  /** The session's expiry: the socket closes after it. */
  expiresAt: z.number().int(),
});
export type SocketMember = z.infer<typeof socketMember>;

export const MEMBER_HEADER = 'x-baton-member';

interface Attachment extends SocketMember {
  viewing: string | null;
  windowStart: number;
  frames: number;
}

const SESSION_ENDED = 4401;

export class InboxSockets {
  constructor(private readonly ctx: DurableObjectState) {}

  accept(member: SocketMember): { client: WebSocket; server: WebSocket } {
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server, [member.userId]);
    const attachment: Attachment = { ...member, viewing: null, windowStart: Date.now(), frames: 0 };
    server.serializeAttachment(attachment);
    return { client, server };
  }

  /** Validates one client frame and applies it; returns the reply frame, if any. */
  receive(ws: WebSocket, raw: string | ArrayBuffer): InboxServerFrame | null {
    const a = this.attachment(ws);
    if (!a || a.expiresAt <= Date.now()) {
      ws.close(SESSION_ENDED, 'session ended');
      return null;
    }
    if (typeof raw !== 'string') return error('bad_frame', 'Frames must be JSON text');
    if (raw.length > MAX_FRAME_BYTES) return error('frame_too_large', `Frames must be under ${MAX_FRAME_BYTES} bytes`);
    if (!this.withinRate(ws, a)) return error('rate_limited', `More than ${MAX_FRAMES_PER_SECOND} frames in a second; slow down`);
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return error('bad_frame', 'Frames must be valid JSON');
    }
    const parsed = inboxClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return error('invalid_frame', `${issue?.path.join('.') || 'type'}: ${issue?.message ?? 'invalid'}`);
    }
    const frame = parsed.data;
    if (frame.type === 'ping') return { type: 'pong' };
    ws.serializeAttachment({ ...this.attachment(ws), viewing: frame.ticketId });
    return null;
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
