import type { Database } from '../db/client';
import { events } from '../db/schema';
import { newId } from '../ids';

/** The conversation events of customer-agent-events.txt, with exactly these names. */
export const EVENT = {
  started: 'Started Conversation',
  resolved: 'Conversation Resolved',
  escalated: 'Conversation Escalated',
  recommendation: 'Received Product Recommendation',
  handoffDeclined: 'Handoff Declined',
} as const;

export interface EventInput {
  accountId: string;
  name: string;
  profileId: string | null;
  conversationId: string | null;
  channel: string | null;
  properties: Record<string, unknown>;
  occurredAt: number;
  /** Same key, same event: a retried write is stored once. */
  idempotencyKey: string;
}

export function insertEvent(db: Database, e: EventInput) {
  return db
    .insert(events)
    .values({ id: newId(), ...e })
    .onConflictDoNothing({ target: [events.accountId, events.idempotencyKey] });
}
