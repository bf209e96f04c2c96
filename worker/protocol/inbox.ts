// The inbox wire protocol: frames between the agents' inbox and the per-account Dispatcher over
// /api/inbox/socket. The server validates every client frame; the inbox imports only types from here.
import { z } from 'zod';
import { wireMessage } from './widget';
import { CHANNELS, TICKET_STATUSES } from '../db/schema';

// ── Client → server ─────────────────────────────────────────────────────────────────────────────
export const inboxClientFrame = z.discriminatedUnion('type', [
  /** The ticket page the agent has open (null: none); shopper messages go to sockets viewing that ticket. */
  z.object({ type: z.literal('view'), ticketId: z.uuid().nullable() }),
  /**
   * The agent is (on) or stopped (off) writing a reply on the ticket they view. Sent again every few
   * seconds while they type: a typing mark older than TYPING_FRESH_MS counts as stopped.
   */
  z.object({ type: z.literal('typing'), ticketId: z.uuid(), on: z.boolean() }),
  z.object({ type: z.literal('ping') }),
]);
export type InboxClientFrame = z.infer<typeof inboxClientFrame>;

// ── What the inbox shows of a ticket in lists and events ────────────────────────────────────────
export const ticketSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  channel: z.enum(CHANNELS),
  status: z.enum(TICKET_STATUSES),
  subject: z.string(),
  requesterEmail: z.string().nullable(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

/** A row of a view page: the summary plus what the list shows of the requester, conversation and SLA. */
export interface TicketRow extends TicketSummary {
  requesterName: string | null;
  lastMessage: { role: string; text: string; at: number } | null;
  /** The shopper wrote since this member last opened the ticket. */
  unread: boolean;
  urgent: boolean;
  /** The escalation rule that fired ('human_request', 'urgent', …) and why the handoff routed it where it did. */
  rule: { id: string | null; reason: string | null; routedBecause: string | null };
  firstResponseDueAt: number | null;
  sla: 'met' | 'breached' | 'due_soon' | 'on_track' | 'none';
}

export const assignmentNote = z.object({
  method: z.string(),
  reason: z.string(),
  actorId: z.string().nullable(),
  previousAssigneeId: z.string().nullable(),
});

/** A teammate with the ticket open: viewing it, and writing a reply if `typing`. */
export const ticketWatcher = z.object({ userId: z.string(), name: z.string(), typing: z.boolean() });
export type TicketWatcher = z.infer<typeof ticketWatcher>;

// ── Server → client ─────────────────────────────────────────────────────────────────────────────
export const inboxServerFrame = z.discriminatedUnion('type', [
  /** First frame on a new socket: who the server thinks you are and your presence. */
  z.object({ type: z.literal('hello'), userId: z.string(), presence: z.enum(['online', 'offline']) }),
  /** A new ticket reached the Inbox (with its first assignment already applied). */
  z.object({ type: z.literal('ticket.created'), ticket: ticketSummary, assignment: assignmentNote }),
  /** Sent only to the new assignee's sockets: the inbox shows a toast. */
  z.object({ type: z.literal('ticket.assigned'), ticket: ticketSummary, assignment: assignmentNote }),
  /** Anything about a ticket changed (assignee, team, status); lists move it between views. */
  z.object({ type: z.literal('ticket.updated'), ticket: ticketSummary, assignment: assignmentNote.nullable() }),
  /** A conversation message on a ticket (shopper, Customer Agent or teammate). */
  z.object({
    type: z.literal('message'),
    ticketId: z.string().nullable(),
    conversationId: z.string(),
    message: wireMessage,
  }),
  /**
   * The same message for every inbox's list (text cut to the preview's length; system notices and
   * empty messages are not sent): the row's last-message preview and unread marker follow it live.
   */
  z.object({
    type: z.literal('ticket.activity'),
    ticketId: z.string(),
    lastMessage: z.object({ role: z.string(), text: z.string(), at: z.number().int() }),
  }),
  /** Who has this ticket open now (every socket of the account gets it when that changes). */
  z.object({ type: z.literal('watchers'), ticketId: z.string(), watchers: z.array(ticketWatcher) }),
  /** Right after hello: every ticket someone has open now (tickets nobody watches are left out). */
  z.object({ type: z.literal('watchers.all'), tickets: z.record(z.string(), z.array(ticketWatcher)) }),
  z.object({ type: z.literal('presence'), userId: z.string(), presence: z.enum(['online', 'offline']) }),
  /** Round robin was switched: the inbox shows or hides the Online/Offline switch. */
  z.object({ type: z.literal('settings'), roundRobin: z.boolean() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type InboxServerFrame = z.infer<typeof inboxServerFrame>;
export type InboxEvent = Exclude<InboxServerFrame, { type: 'error' | 'pong' | 'hello' }>;
