// Office hours as pure functions of (settings, instant): is web chat staffed now, and when does it
// open next. Local time comes from Intl in the account's IANA time zone, so DST is handled by the
// runtime's tz data rather than by offsets we would have to keep up to date. nextOpening is computed
// directly (a handful of Intl calls, well under 1 ms; test/bench/office-hours.ts), never by scanning.
import { WEEKDAYS, type OfficeHoursSettings, type Weekday } from '../settings/schema';

interface LocalTime {
  weekday: Weekday;
  /** YYYY-MM-DD in the account's time zone, for holidays. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall clock at `at`, plus the local date and time as minutes since the Unix epoch (for offsets). */
function wallClock(at: number, timeZone: string): LocalTime & { epochMinutes: number } {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as Weekday;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const midnight = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  return {
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'mon',
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes,
    epochMinutes: midnight / MINUTE + minutes,
  };
}

export function localTime(at: number, timeZone: string): LocalTime {
  const { weekday, date, minutes } = wallClock(at, timeZone);
  return { weekday, date, minutes };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when web chat is inside office hours at `at` (always true when no hours are set). */
export function isOpen(hours: OfficeHoursSettings, at: number): boolean {
  if (!hours.enabled) return true;
  const local = localTime(at, hours.timezone);
  if (hours.holidays.includes(local.date)) return false;
  return hours.weekly[local.weekday].some(
    (i) => toMinutes(i.start) <= local.minutes && local.minutes < toMinutes(i.end),
  );
}

const HORIZON_DAYS = 15; // two weeks and a bit: covers a week closed by holidays

/**
 * On the local calendar alone (no time zone): minutes from local (`date`, `minutes`) to the next
 * local minute inside an interval, or null when none within the horizon.
 */
function localMinutesUntilOpen(hours: OfficeHoursSettings, local: LocalTime): number | null {
  const day0 = Date.parse(`${local.date}T00:00:00Z`);
  const weekday0 = WEEKDAYS.indexOf(local.weekday);
  for (let k = 0; k <= HORIZON_DAYS; k++) {
    const date = new Date(day0 + k * DAY_MINUTES * MINUTE).toISOString().slice(0, 10);
    if (hours.holidays.includes(date)) continue;
    const from = k === 0 ? local.minutes : 0;
    let best: number | null = null;
    for (const i of hours.weekly[WEEKDAYS[(weekday0 + k) % 7]!]) {
      const start = toMinutes(i.start);
      const end = toMinutes(i.end);
      if (end <= from) continue;
      const opens = Math.max(start, from);
      if (best === null || opens < best) best = opens;
    }
    if (best !== null) return k * DAY_MINUTES + best - local.minutes;
  }
  return null;
}

/**
 * The first minute at or after `at` when hours are open, or null if they never open within the
 * horizon (no schedule at all). While the UTC offset stays the same, local time moves in step with
 * UTC, so the next opening on the local calendar converts to an instant by plain arithmetic. If the
 * offset differs at that instant, a DST change lies in between: find it (binary search to the
 * minute) and continue from there with the new offset. Assumes at most one offset change between
 * two consecutive candidate openings (true for every zone's rules in use).
 */
export function nextOpening(hours: OfficeHoursSettings, at: number): number | null {
  if (isOpen(hours, at)) return at;
  const limit = at + (HORIZON_DAYS + 1) * DAY_MINUTES * MINUTE;
  let t = Math.floor(at / MINUTE) * MINUTE;
  // Each round either returns or moves t to a later offset change; a few rounds at most.
  for (let round = 0; round < 8 && t <= limit; round++) {
    const local = wallClock(t, hours.timezone);
    const offset = local.epochMinutes - t / MINUTE;
    const wait = localMinutesUntilOpen(hours, local);
    if (wait === null) return null;
    if (wait === 0) return t; // only after an offset change: t is the change itself, already inside hours
    const candidate = t + wait * MINUTE;
    const offsetAtCandidate = wallClock(candidate, hours.timezone).epochMinutes - candidate / MINUTE;
    if (offsetAtCandidate === offset) return candidate <= limit ? candidate : null;
    let before = t;
    let after = candidate;
    while (after - before > MINUTE) {
      const mid = before + Math.floor((after - before) / (2 * MINUTE)) * MINUTE;
      if (wallClock(mid, hours.timezone).epochMinutes - mid / MINUTE === offset) before = mid;
      else after = mid;
    }
    t = after;
  }
  return null;
}
