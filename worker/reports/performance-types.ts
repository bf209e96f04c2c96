// The performance dashboard's response shape, on its own so the inbox UI can import it as types only.

export interface Figures {
  /** Conversations whose shopper first wrote in the group (test conversations excluded). */
  conversations: number;
  /** …of which the Customer Agent resolved (a Conversation Resolved event). */
  resolved: number;
  /** …of which reached a human (Conversation Escalated). */
  escalated: number;
  /** …of which asked for a human but the handoff setting was "don't hand off" (Handoff Declined). */
  declined: number;
  resolutionRate: number | null;
  escalationRate: number | null;
  declinedRate: number | null;
  /** Median of the Conversation Resolved events' resolutionTimeSeconds. */
  medianResolutionSeconds: number | null;
  /** Median time from the shopper's first message to the Customer Agent's first reply. */
  medianFirstReplySeconds: number | null;
  /** Tickets created (handoffs that reached a helpdesk). */
  tickets: number;
  /** Median time from a ticket's creation to a teammate's first response. */
  medianFirstResponseSeconds: number | null;
  /** Assignments to a person (round robin, manual, bulk, team, rules). */
  assignments: number;
  /** Assignments that took a ticket from one person to another. */
  reassignments: number;
  csatResponses: number;
  csatAverage: number | null;
  /** Share of ratings that are 4 or 5. */
  csatSatisfied: number | null;
}

export interface AgentLoad {
  userId: string;
  name: string;
  role: string;
  /** Distinct tickets assigned to this person in the range. */
  assigned: number;
  /** Tickets taken from this person and given to someone else. */
  reassignedAway: number;
  csatResponses: number;
  csatAverage: number | null;
}

export interface PerformanceReport {
  range: { from: string; to: string; channel: string | null };
  totals: Figures;
  byDay: Array<{ day: string } & Figures>;
  byChannel: Array<{ channel: string } & Figures>;
  agents: AgentLoad[];
}
