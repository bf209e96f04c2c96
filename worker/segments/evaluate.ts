// Runs a compiled segment: its live count, a page of members (keyset-paginated by profile id, so an
// export can walk every member without OFFSET), and the query text for EXPLAIN in the benchmark.
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { assertWithinLimits, compileSegment, type CompileContext } from './compile';
import type { SegmentDefinition } from './definition';

export interface SegmentMember {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
}

export interface MemberPage {
  members: SegmentMember[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

export const MAX_PAGE = 1000;

export function countQuery(def: SegmentDefinition, ctx: CompileContext): SQL {
  const query = sql`SELECT count(*) AS n FROM profiles p WHERE ${compileSegment(def, ctx)}`;
  assertWithinLimits(query);
  return query;
}

export function membersQuery(def: SegmentDefinition, ctx: CompileContext, after: string | null, limit: number): SQL {
  const query = sql`SELECT p.id AS id, p.external_id AS externalId, p.email AS email, p.name AS name
    FROM profiles p WHERE ${compileSegment(def, ctx)}${after ? sql` AND p.id > ${after}` : sql``}
    ORDER BY p.id LIMIT ${limit}`;
  assertWithinLimits(query);
  return query;
}

export async function segmentCount(db: Database, def: SegmentDefinition, ctx: CompileContext): Promise<number> {
  const [row] = await db.all<{ n: number }>(countQuery(def, ctx));
  return row?.n ?? 0;
}

export async function segmentMembers(
  db: Database,
  def: SegmentDefinition,
  ctx: CompileContext,
  page: { after?: string | null; limit?: number } = {},
): Promise<MemberPage> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_PAGE);
  const rows = await db.all<SegmentMember>(membersQuery(def, ctx, page.after ?? null, limit + 1));
  const members = rows.slice(0, limit);
  return { members, next: rows.length > limit ? members[members.length - 1]!.id : null };
}
