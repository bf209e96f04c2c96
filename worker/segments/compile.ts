// Compiles a segment definition into ONE parameterised SQL query over `profiles p`. Every value is a
// bound parameter (drizzle's `sql` template); the only raw SQL pieces are the fixed fragments below and
// the table aliases this file generates (e1, e2…).
//
// Shape:  WHERE p.account_id = ?  AND p.id IN (<candidates>)  AND <check>
//  - <check> is the whole condition tree as per-profile tests ("does p have ≥ N X in the window",
//    "p's latest Y is later than p's latest X"), each an index seek on events_profile_name_time
//    (account_id, profile_id, name, occurred_at).
//  - <candidates> narrows the profiles worth checking: the profiles that have the event of a positive
//    condition in its window, read from events_name_time (account_id, name, occurred_at, profile_id)
//    without touching the table. "At most" and "zero" match profiles with no events at all, so a tree
//    that can match those has no candidate set and the check runs over the account's profiles.
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { ApiError } from '../http/errors';
import {
  windowRange,
  type Condition,
  type CountCondition,
  type Group,
  type NotSinceCondition,
  type PropertyFilter,
  type SegmentNode,
} from './definition';

/** D1 accepts at most 100 bound parameters in one statement. */
export const MAX_BOUND_PARAMETERS = 100;

export interface CompileContext {
  accountId: string;
  /** The evaluation time: windows end here and later events are ignored (tests pass a fixed one). */
  now: number;
}

/** A candidate set of profile ids, with the length of time it spans (shorter = fewer rows, usually). */
interface Candidates {
  select: SQL;
  span: number;
}

export function compileSegment(root: Group, ctx: CompileContext): SQL {
  const aliases = aliasMaker();
  const cand = candidates(root, ctx, aliases);
  return sql.join(
    [
      // With a candidate set, "+" keeps SQLite from walking every profile of the account through an
      // account_id index and probing the set; it looks the candidates up by primary key instead.
      cand ? sql`+p.account_id = ${ctx.accountId}` : sql`p.account_id = ${ctx.accountId}`,
      ...(cand ? [sql`p.id IN (${cand.select})`] : []),
      sql`(${check(root, ctx, aliases)})`,
    ],
    sql` AND `,
  );
}

/** Throws a 400 before D1 would refuse the statement. */
export function assertWithinLimits(query: SQL): void {
  const { params } = new SQLiteSyncDialect().sqlToQuery(query);
  if (params.length > MAX_BOUND_PARAMETERS) {
    throw new ApiError(
      400,
      'segment_too_complex',
      `This segment needs ${params.length} query parameters; the limit is ${MAX_BOUND_PARAMETERS}. Remove a condition or a property filter.`,
    );
  }
}

// ── Per-profile checks ─────────────────────────────────────────────────────────────────────────

function check(node: SegmentNode, ctx: CompileContext, alias: () => SQL): SQL {
  if (node.type === 'group') {
    const parts = node.conditions.map((child) => sql`(${check(child, ctx, alias)})`);
    return sql.join(parts, node.match === 'all' ? sql` AND ` : sql` OR `);
  }
  return node.type === 'count' ? countCheck(node, ctx, alias()) : notSinceCheck(node, ctx, alias(), alias());
}

function countCheck(c: CountCondition, ctx: CompileContext, e: SQL): SQL {
  const { from, to } = windowRange(c.window, ctx.now);
  const rows = sql`FROM events ${e} WHERE ${e}.account_id = ${ctx.accountId} AND ${e}.profile_id = p.id AND ${e}.name = ${c.event}
    AND ${e}.occurred_at >= ${from} AND ${e}.occurred_at <= ${to}${filters(c.where, e)}`;
  if (c.op === 'zero' || (c.op === 'at_most' && c.count === 0)) return sql`NOT EXISTS (SELECT 1 ${rows})`;
  if (c.op === 'at_least' && c.count === 1) return sql`EXISTS (SELECT 1 ${rows})`;
  // "At least N" stops counting at N.
  if (c.op === 'at_least') return sql`(SELECT count(*) FROM (SELECT 1 ${rows} LIMIT ${c.count})) >= ${c.count}`;
  return sql`(SELECT count(*) FROM (SELECT 1 ${rows} LIMIT ${c.count + 1})) <= ${c.count}`;
}

/**
 * The latest <since> is later than the latest <event> (or there is no <event>). With no <since> at all
 * the right side is NULL and the comparison is false: the condition needs an anchor.
 */
function notSinceCheck(c: NotSinceCondition, ctx: CompileContext, x: SQL, y: SQL): SQL {
  const latest = (a: SQL, name: string, where: PropertyFilter[]) =>
    sql`(SELECT max(${a}.occurred_at) FROM events ${a} WHERE ${a}.account_id = ${ctx.accountId} AND ${a}.profile_id = p.id
      AND ${a}.name = ${name} AND ${a}.occurred_at <= ${ctx.now}${filters(where, a)})`;
  return sql`coalesce(${latest(x, c.event, c.where)}, -1) < ${latest(y, c.since, c.sinceWhere)}`;
}

// ── Candidate sets ─────────────────────────────────────────────────────────────────────────────

function candidates(node: SegmentNode, ctx: CompileContext, alias: () => SQL): Candidates | null {
  if (node.type === 'group') {
    const children = node.conditions.map((child) => candidates(child, ctx, alias));
    if (node.match === 'all') {
      // Any one child's set bounds an AND; take the narrowest.
      const known = children.filter((c): c is Candidates => c !== null);
      return known.reduce<Candidates | null>((best, c) => (!best || c.span < best.span ? c : best), null);
    }
    // An OR is bounded only if every branch is.
    if (children.some((c) => c === null)) return null;
    const known = children as Candidates[];
    return {
      select: sql.join(
        known.map((c) => c.select),
        sql` UNION `,
      ),
      span: known.reduce((s, c) => s + c.span, 0),
    };
  }
  return leafCandidates(node, ctx, alias());
}

function leafCandidates(c: Condition, ctx: CompileContext, e: SQL): Candidates | null {
  if (c.type === 'not_since') {
    return {
      select: sql`SELECT ${e}.profile_id FROM events ${e} WHERE ${e}.account_id = ${ctx.accountId} AND ${e}.name = ${c.since}
        AND ${e}.occurred_at <= ${ctx.now}${filters(c.sinceWhere, e)}`,
      span: ctx.now,
    };
  }
  if (c.op !== 'at_least') return null;
  const { from, to } = windowRange(c.window, ctx.now);
  return {
    select: sql`SELECT ${e}.profile_id FROM events ${e} WHERE ${e}.account_id = ${ctx.accountId} AND ${e}.name = ${c.event}
      AND ${e}.occurred_at >= ${from} AND ${e}.occurred_at <= ${to}${filters(c.where, e)}`,
    span: to - from,
  };
}

// ── Property filters ───────────────────────────────────────────────────────────────────────────

function filters(list: PropertyFilter[], e: SQL): SQL {
  return sql.join(list.map((f) => sql` AND ${filter(f, e)}`));
}

function filter(f: PropertyFilter, e: SQL): SQL {
  // JSON booleans read back from json_extract as 1 and 0.
  const value = typeof f.value === 'boolean' ? (f.value ? 1 : 0) : f.value;
  const path = `$.${f.property}`;
  const prop = f.property === 'channel' ? sql`${e}.channel` : sql`json_extract(${e}.properties, ${path})`;
  switch (f.op) {
    case 'equals':
      return sql`${prop} = ${value}`;
    case 'not_equals':
      return sql`${prop} IS NOT ${value}`; // a missing property is "not equal" too
    case 'contains':
      return f.property === 'channel'
        ? sql`${prop} = ${value}`
        : sql`EXISTS (SELECT 1 FROM json_each(${e}.properties, ${path}) WHERE value = ${value})`;
    case 'gt':
      return sql`${prop} > ${value}`;
    case 'gte':
      return sql`${prop} >= ${value}`;
    case 'lt':
      return sql`${prop} < ${value}`;
    case 'lte':
      return sql`${prop} <= ${value}`;
  }
}

function aliasMaker(): () => SQL {
  let n = 0;
  // Generated aliases (e1, e2, …) as quoted identifiers: nothing from the segment definition reaches them.
  return () => sql`${sql.identifier(`e${++n}`)}`;
}
