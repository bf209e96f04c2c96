// What the shopper is told to expect after a handoff. Pure (no bindings), so the settings test
// sidebar's dry run, which the inbox UI type-checks against, shows exactly what a real handoff says.
// It never promises a reply "shortly" that cannot come: a chosen teammate who is Offline, a team with
// nobody Online, or a helpdesk that cannot take tickets now (not connected, expired) each say what
// will happen instead. The widget translates these sentences (widget/locale/phrases.ts).
import type { Channel } from '../db/schema';
import type { AccountSettings } from '../settings/schema';
import { isOpen, nextOpening } from '../dispatch/office-hours';

export type Continuation = 'web_chat' | 'email';

/** Who can act on the ticket right now. */
export interface Reach {
  /** The teammate the ticket was assigned to, if any, and whether they are Online. */
  assignee: 'online' | 'offline' | null;
  /** Anyone on the team is Online (null: not known here, e.g. the agents of an outside helpdesk). */
  anyoneOnline: boolean | null;
  /** The destination takes tickets now (the Inbox always does; a helpdesk only while connected). */
  helpdeskUp: boolean;
}

/** What the shopper can expect, from who got the ticket, who is reachable and the office hours. */
export function shopperExpectation(
  settings: AccountSettings,
  channel: Channel,
  continuation: Continuation,
  email: string | null,
  reach: Reach,
  now: number,
): string {
  if (!reach.helpdeskUp) {
    if (continuation === 'web_chat')
      return 'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.';
    return email
      ? `Our help desk can’t take new requests right now. Your request is saved, and our team will reply to ${email} by email once it’s back.`
      : 'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.';
  }
  if (continuation === 'email') {
    return email ? `Our team will reply to ${email} by email.` : 'Our team will reply by email.';
  }
  if (reach.assignee === 'online') return 'A teammate will reply here shortly.';
  if (reach.assignee === 'offline')
    return 'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.';
  const hours = settings.officeHours;
  if (channel === 'web_chat' && hours.enabled && !isOpen(hours, now)) {
    const opens = nextOpening(hours, now);
    if (opens !== null) {
      const when = new Intl.DateTimeFormat('en-US', {
        timeZone: hours.timezone,
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
      }).format(opens);
      return `We're offline until ${when}; we'll reply here then.`;
    }
  }
  if (reach.anyoneOnline === false)
    return 'No one on our team is online right now; a teammate will reply here when they’re back.';
  if (reach.anyoneOnline === null) return 'A teammate will reply here as soon as they can.';
  return 'Everyone on our team is busy right now; a teammate will reply here as soon as they can.';
}
