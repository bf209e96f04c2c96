// What the Insights API answers and the inbox's Insights pages read: one type per shape, used by both
// the server (worker/reports/) and the pages (worker/inbox/ui/insights/), so the two cannot drift.

/** One event of a list (GET /api/metrics/events, a profile's activity), its properties as stored. */
export interface EventListItem {
  id: string;
  name: string;
  occurredAt: number;
  channel: string | null;
  conversationId: string | null;
  properties: Record<string, unknown>;
  profile: { id: string; email: string | null; name: string | null; externalId: string | null } | null;
}
