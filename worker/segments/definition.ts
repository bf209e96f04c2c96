// What a segment is: a tree of conditions on a profile's events, joined by AND ("all") or OR ("any").
//
//   count      has at least / at most / zero N <event> [where <property filters>] in a window:
//              the last D days, since a date, or ever
//   not_since  has not <event> since <other event>: the profile has an <other event>, and no <event>
//              at or after the latest one
//
// Windows are inclusive at both ends and never reach past `now` (the time the segment is evaluated
// at): "in the last 14 days" is now − 14 × 24 h ≤ occurred_at ≤ now. An <event> at the same
// millisecond as the <other event> counts as "since" it.
import { z } from 'zod';

export const MAX_CONDITIONS = 10;
export const MAX_DEPTH = 3;
export const MAX_FILTERS = 5;
export const DAY_MS = 24 * 60 * 60 * 1000;

const eventName = z.string().trim().min(1).max(100);

export const FILTER_OPS = ['equals', 'not_equals', 'contains', 'gt', 'gte', 'lt', 'lte'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/**
 * A filter on an event's properties. `contains` matches an array that holds the value (productIds,
 * tags) or a scalar equal to it; gt…lte compare numbers. `channel` reads the event's channel.
 */
export const propertyFilter = z
  .object({
    property: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'Property names are letters, digits and _'),
    op: z.enum(FILTER_OPS),
    value: z.union([z.string().max(200), z.number().finite(), z.boolean()]),
  })
  .refine((f) => !['gt', 'gte', 'lt', 'lte'].includes(f.op) || typeof f.value === 'number', {
    message: 'Comparisons need a number',
    path: ['value'],
  });
export type PropertyFilter = z.infer<typeof propertyFilter>;

export const timeWindow = z.discriminatedUnion('type', [
  z.object({ type: z.literal('last_days'), days: z.number().int().min(1).max(3650) }),
  z.object({ type: z.literal('since'), date: z.iso.datetime({ offset: true }).or(z.iso.date()) }),
  z.object({ type: z.literal('ever') }),
]);
export type TimeWindow = z.infer<typeof timeWindow>;

export const countCondition = z
  .object({
    type: z.literal('count'),
    event: eventName,
    op: z.enum(['at_least', 'at_most', 'zero']),
    /** Ignored for `zero`; at_least needs at least 1. */
    count: z.number().int().min(0).max(10_000).default(1),
    window: timeWindow,
    where: z.array(propertyFilter).max(MAX_FILTERS).default([]),
  })
  .refine((c) => c.op !== 'at_least' || c.count >= 1, {
    message: '"at least" needs a count of 1 or more',
    path: ['count'],
  });
export type CountCondition = z.infer<typeof countCondition>;

export const notSinceCondition = z.object({
  type: z.literal('not_since'),
  /** The event that must not have happened… */
  event: eventName,
  /** …since the latest one of these. */
  since: eventName,
  where: z.array(propertyFilter).max(MAX_FILTERS).default([]),
  sinceWhere: z.array(propertyFilter).max(MAX_FILTERS).default([]),
});
export type NotSinceCondition = z.infer<typeof notSinceCondition>;

export type Condition = CountCondition | NotSinceCondition;
export interface Group {
  type: 'group';
  match: 'all' | 'any';
  conditions: Array<Condition | Group>;
}
export type SegmentNode = Condition | Group;

const node: z.ZodType<SegmentNode> = z.lazy(() => z.union([countCondition, notSinceCondition, group]));
const group: z.ZodType<Group> = z.object({
  type: z.literal('group'),
  match: z.enum(['all', 'any']),
  conditions: z.array(node).min(1).max(MAX_CONDITIONS),
});

/** The root is always a group; limits keep the compiled query within D1's bound-parameter cap. */
export const segmentDefinition = group.superRefine((root, ctx) => {
  let leaves = 0;
  const walk = (n: SegmentNode, depth: number) => {
    if (n.type !== 'group') return void (leaves += 1);
    if (depth > MAX_DEPTH)
      ctx.addIssue({ code: 'custom', message: `Groups nest at most ${MAX_DEPTH} deep`, path: ['conditions'] });
    for (const child of n.conditions) walk(child, depth + 1);
  };
  walk(root, 1);
  if (leaves > MAX_CONDITIONS)
    ctx.addIssue({
      code: 'custom',
      message: `A segment has at most ${MAX_CONDITIONS} conditions`,
      path: ['conditions'],
    });
});
export type SegmentDefinition = Group;

/** The [from, to] range (unix ms, inclusive) a window covers when evaluated at `now`. */
export function windowRange(window: TimeWindow, now: number): { from: number; to: number } {
  if (window.type === 'last_days') return { from: now - window.days * DAY_MS, to: now };
  if (window.type === 'since') return { from: Date.parse(window.date), to: now };
  return { from: 0, to: now };
}
