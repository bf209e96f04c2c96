// "What changed" for the audit log page: the leaf paths where `before` and `after` differ, so a
// settings save that touched one field of a section reads as that one field.

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

const MAX_CHANGES = 50;

export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, path, out);
  return out.slice(0, MAX_CHANGES);
}

function walk(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (out.length >= MAX_CHANGES) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after))
    out.push({ path: path || 'value', before: before ?? null, after: after ?? null });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The changes of one audit entry: its context (ids, names) first, then a field diff of before/after. */
export function describeChanges(changes: Record<string, unknown>): FieldChange[] {
  const { before, after, ...context } = changes;
  const described: FieldChange[] = Object.entries(context).map(([path, value]) => ({
    path,
    before: null,
    after: value,
  }));
  if ('before' in changes || 'after' in changes) described.push(...diffValues(before, after));
  return described.slice(0, MAX_CHANGES);
}
