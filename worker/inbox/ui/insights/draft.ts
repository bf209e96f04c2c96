// The segment builder's editable form of a definition (strings as typed, a key per row for Preact) and
// the conversions both ways. The builder edits a flat list joined by AND or OR; definitions with
// nested groups (made through the API) are shown, not edited.
import type { Condition, CountCondition, FilterOp, SegmentDefinition } from '../../../segments/definition';

export type { SegmentDefinition };

export interface DraftFilter {
  key: number;
  property: string;
  op: FilterOp;
  value: string;
}

export type DraftCondition =
  | {
      key: number;
      type: 'count';
      op: CountCondition['op'];
      count: string;
      event: string;
      window: 'last_days' | 'since' | 'ever';
      days: string;
      date: string;
      where: DraftFilter[];
    }
  | { key: number; type: 'not_since'; event: string; since: string; where: DraftFilter[] };

export interface Draft {
  match: 'all' | 'any';
  conditions: DraftCondition[];
}

let nextKey = 1;
export const newKey = () => nextKey++;

export const blankCount = (): DraftCondition => ({
  key: newKey(),
  type: 'count',
  op: 'at_least',
  count: '1',
  event: '',
  window: 'last_days',
  days: '30',
  date: '',
  where: [],
});
export const blankNotSince = (): DraftCondition => ({
  key: newKey(),
  type: 'not_since',
  event: '',
  since: '',
  where: [],
});
export const blankDraft = (): Draft => ({ match: 'all', conditions: [blankCount()] });

/** A typed value: numbers and true/false as such, anything else as text. */
function typed(value: string): string | number | boolean {
  const v = value.trim();
  if (v === 'true' || v === 'false') return v === 'true';
  if (v !== '' && Number.isFinite(Number(v))) return Number(v);
  return value;
}

export function toDefinition(d: Draft): SegmentDefinition {
  const where = (list: DraftFilter[]) =>
    list.map((f) => ({ property: f.property.trim(), op: f.op, value: typed(f.value) }));
  return {
    type: 'group',
    match: d.match,
    conditions: d.conditions.map((c): Condition => {
      if (c.type === 'not_since')
        return {
          type: 'not_since',
          event: c.event.trim(),
          since: c.since.trim(),
          where: where(c.where),
          sinceWhere: [],
        };
      const window =
        c.window === 'last_days'
          ? { type: 'last_days' as const, days: Number(c.days) }
          : c.window === 'since'
            ? { type: 'since' as const, date: c.date }
            : { type: 'ever' as const };
      return {
        type: 'count',
        op: c.op,
        count: c.op === 'zero' ? 0 : Number(c.count),
        event: c.event.trim(),
        window,
        where: where(c.where),
      };
    }),
  };
}

/** Null when the definition has nested groups (or filters on the "since" event) the builder cannot show. */
export function fromDefinition(def: SegmentDefinition): Draft | null {
  const conditions: DraftCondition[] = [];
  for (const node of def.conditions) {
    if (node.type === 'group') return null;
    const where = node.where.map((f) => ({ key: newKey(), property: f.property, op: f.op, value: String(f.value) }));
    if (node.type === 'not_since') {
      if (node.sinceWhere.length) return null;
      conditions.push({ key: newKey(), type: 'not_since', event: node.event, since: node.since, where });
      continue;
    }
    const w = node.window;
    conditions.push({
      key: newKey(),
      type: 'count',
      op: node.op,
      count: String(node.count),
      event: node.event,
      where,
      window: w.type,
      days: w.type === 'last_days' ? String(w.days) : '30',
      date: w.type === 'since' ? w.date.slice(0, 10) : '',
    });
  }
  return { match: def.match, conditions };
}
