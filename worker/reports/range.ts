// The date range of a report: whole UTC days, `from` and `to` inclusive (YYYY-MM-DD), 30 days up to
// today by default, at most a year. Days are UTC so a report reads the same wherever it is opened.
import { z } from 'zod';
import { CHANNELS } from '../db/schema';

export const DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_DAYS = 366;

const isoDay = z.iso.date();

export const rangeQuery = z
  .object({ from: isoDay.optional(), to: isoDay.optional(), channel: z.enum(CHANNELS).optional() })
  .transform((q, ctx) => {
    const to = q.to ? Date.parse(q.to) : startOfDay(Date.now());
    const from = q.from ? Date.parse(q.from) : to - 29 * DAY_MS;
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` is after `to`' });
    if ((to - from) / DAY_MS + 1 > MAX_DAYS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `At most ${MAX_DAYS} days at once` });
    return { from, to, channel: q.channel ?? null };
  });

export interface DayRange {
  /** Start of the first day, unix ms. */
  from: number;
  /** Start of the last day, unix ms (the range ends at the end of that day). */
  to: number;
  channel: string | null;
}

export const startOfDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
export const endExclusive = (range: DayRange) => range.to + DAY_MS;
export const dayKey = (ms: number) => new Date(startOfDay(ms)).toISOString().slice(0, 10);

/** Every day of the range as YYYY-MM-DD, oldest first. */
export function daysOf(range: DayRange): string[] {
  const out: string[] = [];
  for (let t = range.from; t <= range.to; t += DAY_MS) out.push(dayKey(t));
  return out;
}

/** Median of a list (the mean of the middle two for an even count); null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
