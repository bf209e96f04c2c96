// Office hours: CPU time of one nextOpening call (the Dispatcher's backlog alarm and the handoff's
// "offline until" line call it on a request). Budget: 1 ms per call, against the Workers Free plan's
// 10 ms of CPU per request. Runs the pure function in Node's V8 with the same Intl time-zone data
// path workerd uses; worst case over schedules that open soon, days away, across DST changes, never.
import { nextOpening } from '../../worker/dispatch/office-hours';
import { officeHoursSettings } from '../../worker/settings/schema';

const BUDGET_MS = 1;
const CALLS = 2000;

const cases = {
  'lunch break, opens in 50 min': [
    {
      enabled: true,
      timezone: 'Europe/Berlin',
      weekly: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:30' },
        ],
      },
    },
    Date.UTC(2025, 0, 6, 11, 10),
  ],
  'holiday, then two closed days': [
    {
      enabled: true,
      timezone: 'Europe/Berlin',
      weekly: {
        mon: [{ start: '09:00', end: '17:00' }],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [{ start: '10:00', end: '14:00' }],
      },
      holidays: ['2025-12-27'],
    },
    Date.UTC(2025, 11, 24, 18, 0),
  ],
  'across a DST change': [
    {
      enabled: true,
      timezone: 'America/New_York',
      weekly: { sun: [{ start: '02:30', end: '04:00' }], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] },
    },
    Date.UTC(2025, 2, 3, 12, 0),
  ],
  'never opens (null)': [
    {
      enabled: true,
      timezone: 'Asia/Kolkata',
      weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    },
    Date.UTC(2025, 5, 1),
  ],
} as const;

console.log(
  `nextOpening CPU time per call (${CALLS} calls each, instants spread over a week). Budget: ${BUDGET_MS} ms.`,
);
let within = true;
for (const [name, [settings, at]] of Object.entries(cases)) {
  const hours = officeHoursSettings.parse(settings);
  nextOpening(hours, at); // warm the time-zone formatter cache, as a long-lived isolate has it
  const start = performance.now();
  for (let i = 0; i < CALLS; i++) nextOpening(hours, at + (i % 168) * 3_600_000);
  const perCall = (performance.now() - start) / CALLS;
  within &&= perCall <= BUDGET_MS;
  console.log(
    `  ${name.padEnd(32)} ${(perCall * 1000).toFixed(0).padStart(5)} µs  ${perCall <= BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`,
  );
}
if (!within) process.exitCode = 1;
