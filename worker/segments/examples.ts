// The three example segments of customer-agent-events.txt, as definitions: offered as templates in
// the builder, and the tests' reference cases.
import type { SegmentDefinition } from './definition';

const REC = 'Received Product Recommendation';

export const REFERENCE_SEGMENTS = {
  reengage: {
    name: 'Re-engage: recommended, no order since',
    definition: {
      type: 'group',
      match: 'all',
      conditions: [
        { type: 'count', op: 'at_least', count: 1, event: REC, window: { type: 'last_days', days: 14 }, where: [] },
        { type: 'not_since', event: 'Placed Order', since: REC, where: [], sinceWhere: [] },
      ],
    },
  },
  recentlyEscalated: {
    name: 'Recently escalated (exclude from outreach)',
    definition: {
      type: 'group',
      match: 'all',
      conditions: [
        {
          type: 'count',
          op: 'at_least',
          count: 1,
          event: 'Conversation Escalated',
          window: { type: 'last_days', days: 7 },
          where: [],
        },
      ],
    },
  },
  resolvedAndOrdered: {
    name: 'Resolved and ordered in the last 30 days',
    definition: {
      type: 'group',
      match: 'all',
      conditions: [
        {
          type: 'count',
          op: 'at_least',
          count: 1,
          event: 'Conversation Resolved',
          window: { type: 'last_days', days: 30 },
          where: [],
        },
        {
          type: 'count',
          op: 'at_least',
          count: 1,
          event: 'Placed Order',
          window: { type: 'last_days', days: 30 },
          where: [],
        },
      ],
    },
  },
} as const satisfies Record<string, { name: string; definition: SegmentDefinition }>;
