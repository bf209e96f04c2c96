import { describe, expect, it } from 'vitest';
import { isOpen, localTime, nextOpening } from '../../worker/dispatch/office-hours';
import { officeHoursSettings } from '../../worker/settings/schema';

const berlin = officeHoursSettings.parse({
  enabled: true,
  timezone: 'Europe/Berlin',
  weekly: {
    mon: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    sat: [{ start: '10:00', end: '14:00' }],
  },
  holidays: ['2025-12-25'],
});

describe('office hours', () => {
  it('reads local time in the account’s zone, across a daylight-saving change', () => {
    // 30 March 2025: Berlin moves from UTC+1 to UTC+2 at 02:00 local.
    expect(localTime(Date.UTC(2025, 2, 30, 0, 30), 'Europe/Berlin')).toEqual({
      weekday: 'sun',
      date: '2025-03-30',
      minutes: 90,
    });
    expect(localTime(Date.UTC(2025, 2, 30, 1, 30), 'Europe/Berlin')).toEqual({
      weekday: 'sun',
      date: '2025-03-30',
      minutes: 210,
    });
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
    const weekdaysOff = officeHoursSettings.parse({
      ...berlin,
      weekly: { ...berlin.weekly, tue: [], wed: [], thu: [], fri: [] },
    });
    expect(nextOpening(weekdaysOff, Date.UTC(2025, 11, 24, 18, 0))).toBe(Date.UTC(2025, 11, 27, 9, 0));
    const never = officeHoursSettings.parse({
      enabled: true,
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    });
    expect(nextOpening(never, Date.UTC(2025, 0, 6))).toBeNull();
  });

  it('opens at the daylight-saving change itself when the skipped hour was inside hours', () => {
    // 30 March 2025 in Berlin: 02:00 local jumps to 03:00 at 01:00 UTC.
    const night = officeHoursSettings.parse({
      enabled: true,
      timezone: 'Europe/Berlin',
      weekly: { sun: [{ start: '02:30', end: '04:00' }] },
    });
    expect(nextOpening(night, Date.UTC(2025, 2, 29, 23, 0))).toBe(Date.UTC(2025, 2, 30, 1, 0));
    const after = officeHoursSettings.parse({
      ...night,
      weekly: { ...night.weekly, sun: [{ start: '03:30', end: '04:00' }] },
    });
    expect(nextOpening(after, Date.UTC(2025, 2, 29, 23, 0))).toBe(Date.UTC(2025, 2, 30, 1, 30));
    // 26 October 2025: 03:00 summer time falls back to 02:00 at 01:00 UTC; 02:30 happens twice, the first counts.
    const autumn = officeHoursSettings.parse({
      ...night,
      weekly: { ...night.weekly, sun: [{ start: '02:30', end: '04:00' }] },
    });
    expect(nextOpening(autumn, Date.UTC(2025, 9, 25, 22, 0))).toBe(Date.UTC(2025, 9, 26, 0, 30));
    const late = officeHoursSettings.parse({
      ...night,
      weekly: { ...night.weekly, sun: [{ start: '03:15', end: '04:00' }] },
    });
    expect(nextOpening(late, Date.UTC(2025, 9, 25, 22, 0))).toBe(Date.UTC(2025, 9, 26, 2, 15));
  });

  it('agrees with a minute-by-minute walk over zones, schedules and instants', () => {
    const walk = (hours: typeof berlin, at: number): number | null => {
      if (isOpen(hours, at)) return at;
      for (let t = Math.floor(at / 60_000) * 60_000 + 60_000; t <= at + 16 * 86_400_000; t += 60_000)
        if (isOpen(hours, t)) return t;
      return null;
    };
    const zones = [
      'Europe/Berlin',
      'America/New_York',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'Pacific/Chatham',
      'America/Santiago',
    ];
    const schedules = [
      berlin.weekly,
      { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [{ start: '00:00', end: '24:00' }] },
      {
        mon: [{ start: '01:30', end: '02:45' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [{ start: '23:59', end: '24:00' }],
        sat: [],
        sun: [{ start: '02:00', end: '03:00' }],
      },
    ];
    // Instants just before and around the 2025 changes of these zones, and an ordinary week.
    const instants = [
      Date.UTC(2025, 0, 6, 11, 10, 30),
      Date.UTC(2025, 2, 8, 20),
      Date.UTC(2025, 2, 29, 20),
      Date.UTC(2025, 3, 5, 10),
      Date.UTC(2025, 8, 6, 12),
      Date.UTC(2025, 9, 25, 20),
      Date.UTC(2025, 10, 1, 22),
    ];
    let compared = 0;
    for (const timezone of zones)
      for (const weekly of schedules)
        for (const at of instants) {
          const hours = officeHoursSettings.parse({ enabled: true, timezone, weekly, holidays: ['2025-03-31'] });
          expect(nextOpening(hours, at), `${timezone} ${JSON.stringify(weekly)} ${new Date(at).toISOString()}`).toBe(
            walk(hours, at),
          );
          compared++;
        }
    expect(compared).toBe(zones.length * schedules.length * instants.length);
  });
});
