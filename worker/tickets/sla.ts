// First-response SLA: a ticket's first teammate reply is due `sla.firstResponseMinutes` of open time
// after it arrives, counting only office hours when they are set (closed nights, weekends and
// holidays don't count). Due soon: within DUE_SOON_MS of the due time; breached: past it, still
// unanswered and not closed.
import type { AccountSettings, OfficeHoursSettings } from '../settings/schema';
import { isOpen, nextOpening } from '../dispatch/office-hours';

const MINUTE = 60_000;
export const DUE_SOON_MS = 30 * MINUTE;

/** `minutes` of open time after `at`; null when the hours never open (an empty schedule). */
export function addOpenMinutes(hours: OfficeHoursSettings, at: number, minutes: number): number | null {
  if (!hours.enabled) return at + minutes * MINUTE;
  let t = at;
  let left = minutes;
  // One step per open minute, jumping over closed stretches: at most `minutes` + (closures) rounds.
  while (left > 0) {
    if (!isOpen(hours, t)) {
      const opens = nextOpening(hours, t);
      if (opens === null) return null;
      t = opens;
      continue;
    }
    t += MINUTE;
    left -= 1;
  }
  return t;
}

export function firstResponseDue(settings: AccountSettings, createdAt: number): number | null {
  return addOpenMinutes(settings.officeHours, createdAt, settings.sla.firstResponseMinutes);
}

export type SlaState = 'met' | 'breached' | 'due_soon' | 'on_track' | 'none';

export function slaState(
  t: { status: string; firstResponseAt: number | null; firstResponseDueAt: number | null },
  now: number,
): SlaState {
  if (t.firstResponseDueAt === null) return 'none';
  if (t.firstResponseAt !== null) return t.firstResponseAt <= t.firstResponseDueAt ? 'met' : 'breached';
  if (t.status === 'closed') return 'none';
  if (now >= t.firstResponseDueAt) return 'breached';
  return now >= t.firstResponseDueAt - DUE_SOON_MS ? 'due_soon' : 'on_track';
}
