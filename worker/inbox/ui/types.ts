// Shapes the inbox reads from the JSON API. Wire types come from worker/protocol (types only, so
// nothing of the server's validators ends up in the bundle).
import type { TicketRow, TicketSummary, TicketWatcher } from '../../protocol/inbox';
import type { WireMessage } from '../../protocol/widget';

export type { TicketRow, TicketSummary, TicketWatcher, WireMessage };
export type { InboxServerFrame } from '../../protocol/inbox';

export type Presence = 'online' | 'offline';

export interface Me {
  user: { id: string; email: string; name: string; role: string; presence: Presence };
  accountId: string;
  permissions: string[];
}

export interface TeamUser {
  id: string;
  email: string;
  name: string;
  role: string;
  presence: Presence;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

export type View = 'all' | 'mine' | 'unassigned' | 'sla';
export type Status = 'open' | 'pending' | 'closed';
export type Channel = TicketSummary['channel'];

export interface TicketPage {
  tickets: TicketRow[];
  nextCursor: string | null;
  counts: Record<View, number>;
}

export interface AssignmentEntry {
  id: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;
  teamId: string | null;
  actorId: string | null;
  method: string;
  reason: string;
  createdAt: number;
}

export interface Note {
  id: string;
  authorId: string | null;
  body: string;
  createdAt: number;
}

export interface Task {
  id: string;
  title: string;
  dueAt: number;
  assigneeId: string | null;
  doneAt: number | null;
}

export interface TicketDetail {
  ticket: TicketSummary & {
    conversationId: string | null;
    firstResponseAt: number | null;
    closedAt: number | null;
    firstResponseDueAt: number | null;
    routingSnapshot: { because?: string; escalation?: { rule?: string; reason?: string } };
  };
  transcript: WireMessage[];
  assignmentHistory: AssignmentEntry[];
  notes: Note[];
  tasks: Task[];
  customerTicketCount: number;
  sla: TicketRow['sla'];
  /** Messages no channel sender could deliver (worker/channels/dead-letters.ts), with the reason. */
  undelivered: Undelivered[];
}

export interface Undelivered {
  seq: number;
  channel: string;
  reason: string;
  at: number;
}

/** Everything the screens share: who I am, the team, teams, and whether round robin is on. */
export interface Directory {
  me: Me;
  users: TeamUser[];
  teams: Team[];
  roundRobin: boolean;
}

export const can = (me: Me, permission: string) => me.permissions.includes(permission);
