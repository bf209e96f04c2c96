import { describe, expect, it } from 'vitest';
import { isOpen, localTime, nextOpening } from '../../worker/dispatch/office-hours';
import { officeHoursSettings } from '../../worker/settings/schema';

const berlin = officeHoursSettings.parse({
  enabled: true,
  timezone: 'Europe/Berlin',
  weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:30' }], sat: [{ start: '10:00', end: '14:00' }] },
  holidays: ['2025-12-25'],
});

describe('office hours', () => {
  it('reads local time in the account’s zone, across a daylight-saving change', () => {
    // 30 March 2025: Berlin moves from UTC+1 to UTC+2 at 02:00 local.
    expect(localTime(Date.UTC(2025, 2, 30, 0, 30), 'Europe/Berlin')).toEqual({ weekday: 'sun', date: '2025-03-30', minutes: 90 });
    expect(localTime(Date.UTC(2025, 2, 30, 1, 30), 'Europe/Berlin')).toEqual({ weekday: 'sun', date: '2025-03-30', minutes: 210 });
    // Monday 31 March, 07:00 UTC = 09:00 in Berlin (summer time): open; the week before, 07:00 UTC was 08:00.
    expect(isOpen(berlin, Date.UTC(2025, 2, 31, 7, 0))).toBe(true);
    expect(isOpen(berlin, Date.UTC(2025, 2, 24, 7, 0))).toBe(false);
  });

  it('honours split days, weekends and holidays; no hours set means always open', () => {
    const monday = (h: number, m = 0) => Date.UTC(2025, 0, 6, h - 1, m); // Berlin is UTC+1 in January
    expect(isOpen(berlin, monday(11, 59))).toBe(true);
    expect(isOpen(berlin, monday(12, 30))).toBe(false);
    expect(isOpen(berlin, monday(17, 29))).toBe(true);
    expect(isOpen(berlin, monday(17, 30))).toBe(false);
    expect(isOpen(berlin, Date.UTC(2025, 0, 11, 11, 0))).toBe(true); // Saturday 12:00
    expect(isOpen(berlin, Date.UTC(2025, 11, 25, 10, 0))).toBe(false); // a Thursday, but a holiday
    expect(isOpen(officeHoursSettings.parse({}), Date.UTC(2025, 0, 5, 3, 0))).toBe(true);
  });

  it('finds the next opening to the minute; never opening is null', () => {
    expect(nextOpening(berlin, Date.UTC(2025, 0, 6, 11, 10))).toBe(Date.UTC(2025, 0, 6, 12, 0)); // lunch → 13:00 local
    // Wednesday 24 December after hours; Thursday 25 is a holiday: Friday 26, 09:00 Berlin.
    expect(nextOpening(berlin, Date.UTC(2025, 11, 24, 18, 0))).toBe(Date.UTC(2025, 11, 26, 8, 0));
    // The same evening with only Monday and Saturday staffed: Saturday 27, 10:00 Berlin.
    const weekdaysOff = officeHoursSettings.parse({ ...berlin, weekly: { ...berlin.weekly, tue: [], wed: [], thu: [], fri: [] } });
    expect(nextOpening(weekdaysOff, Date.UTC(2025, 11, 24, 18, 0))).toBe(Date.UTC(2025, 11, 27, 9, 0));
    const never = officeHoursSettings.parse({ enabled: true, weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } });
    expect(nextOpening(never, Date.UTC(2025, 0, 6))).toBeNull();
  });
});
