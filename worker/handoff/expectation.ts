// What the shopper is told to expect after a handoff. Pure (no bindings), so the settings test
// sidebar's dry run, which the inbox UI type-checks against, shows exactly what a real handoff says.
import type { Channel } from '../db/schema';
import type { AccountSettings } from '../settings/schema';
import { isOpen, nextOpening } from '../dispatch/office-hours';

export type Continuation = 'web_chat' | 'email';

/** What the shopper can expect, from who got the ticket and the office hours (also shown by the test sidebar). */
export function shopperExpectation(
  settings: AccountSettings,
  channel: Channel,
  continuation: Continuation,
  email: string | null,
  assigned: boolean,
  now: number,
): string {
  if (continuation === 'email') {
    return email ? `Our team will reply to ${email} by email.` : 'Our team will reply by email.';
  }
  if (assigned) return 'A teammate will reply here shortly.';
  const hours = settings.officeHours;
  if (channel === 'web_chat' && hours.enabled && !isOpen(hours, now)) {
    const opens = nextOpening(hours, now);
    if (opens !== null) {
      const when = new Intl.DateTimeFormat('en-US', { timeZone: hours.timezone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(opens);
      return `We're offline until ${when}; we'll reply here then.`;
    }
  }
  return 'Everyone on our team is busy right now; a teammate will reply here as soon as they can.';
}
