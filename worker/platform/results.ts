// One mapping from the refusals of Durable Objects (the conversation room, the Dispatcher) to what a
// caller sees: an HTTP error or a WebSocket error frame. Guarantees:
// - a refusal has exactly one public code, the same over HTTP and over the socket;
// - every refusal is a 4xx (never a 5xx): it is the caller's input or the conversation's state that
//   says no, never a fault on our side;
// - refusals travel as values across RPC (custom error classes do not survive the boundary), and
//   nothing in an object throws to refuse, so a refusal never resets an object or closes a socket.
import { ApiError } from '../http/errors';
import type { ServerFrame } from '../protocol/widget';

/** Every refusal an object may return, and its HTTP status. */
export const REFUSAL_STATUS = {
  /** The resume token does not match the conversation. */
  unauthorized: 401,
  /** The conversation (or ticket, team, member) does not exist for this account. */
  not_found: 404,
  not_started: 404,
  forbidden: 403,
  invalid_assignee: 400,
  rate_limited: 429,
  /** The conversation is closed (it moved to email, or a helpdesk took it): start a new one. */
  conversation_closed: 409,
  /** `handoff-email` when no handoff is waiting for an email address. */
  no_pending_handoff: 409,
  /** `handoff-email` when the store does not continue chats by email (its Email channel is off). */
  email_channel_off: 409,
  /** A teammate reply to a conversation that continues by email. */
  email_continuation: 409,
  /** A teammate's reply refused because another teammate replied since the draft began (the inbox asks first). */
  replied_meanwhile: 409,
} as const;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

export interface Refusal<C extends RefusalCode = RefusalCode> {
  ok: false;
  code: C;
  message: string;
}

export type Result<T, C extends RefusalCode = RefusalCode> = { ok: true; value: T } | Refusal<C>;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function refuse<C extends RefusalCode>(code: C, message: string): Refusal<C> {
  return { ok: false, code, message };
}

/** The value of a result, or the refusal as the HTTP error the route answers with. */
export function valueOrHttpError<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw httpErrorOf(result);
}

export function httpErrorOf(refusal: Refusal): ApiError {
  return new ApiError(REFUSAL_STATUS[refusal.code], refusal.code, refusal.message);
}

/** The refusal as the error frame a shopper's socket receives (the socket stays open). */
export function errorFrameOf(refusal: Refusal, clientId: string | null): ServerFrame {
  return { type: 'error', code: refusal.code, message: refusal.message, clientId };
}
