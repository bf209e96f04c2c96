// Office hours as pure functions of (settings, instant): is web chat staffed now, and when does it
// open next. Local time comes from Intl in the account's IANA time zone, so DST is handled by the
// runtime's tz data rather than by offsets we would have to keep up to date.
import { WEEKDAYS, type OfficeHoursSettings, type Weekday } from '../settings/schema';

interface LocalTime {
  weekday: Weekday;
  /** YYYY-MM-DD in the account's time zone, for holidays. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTime(at: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const weekday = (parts.weekday ?? 'Mon').slice(0, 3).toLowerCase() as Weekday;
  return {
    weekday: WEEKDAYS.includes(weekday) ? weekday : 'mon',
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when web chat is inside office hours at `at` (always true when no hours are set). */
export function isOpen(hours: OfficeHoursSettings, at: number): boolean {
  if (!hours.enabled) return true;
  const local = localTime(at, hours.timezone);
  if (hours.holidays.includes(local.date)) return false;
  return hours.weekly[local.weekday].some((i) => toMinutes(i.start) <= local.minutes && local.minutes < toMinutes(i.end));
}

const STEP_MS = 5 * 60_000;
const HORIZON_MS = 15 * 24 * 60 * 60_000; // two weeks and a bit: covers a week closed by holidays

/**
 * The first minute at or after `at` when hours are open, or null if they never open within the
 * horizon (no schedule at all). Walks in 5-minute steps, then narrows to the minute.
 */
export function nextOpening(hours: OfficeHoursSettings, at: number): number | null {
  if (isOpen(hours, at)) return at;
  const start = Math.floor(at / 60_000) * 60_000;
  for (let t = start + STEP_MS; t <= start + HORIZON_MS; t += STEP_MS) {
    if (!isOpen(hours, t)) continue;
    let closed = t - STEP_MS;
    let open = t;
    while (open - closed > 60_000) {
      const mid = closed + Math.floor((open - closed) / 120_000) * 60_000;
      if (isOpen(hours, mid)) open = mid;
      else closed = mid;
    }
    return open;
  }
  return null;
}
