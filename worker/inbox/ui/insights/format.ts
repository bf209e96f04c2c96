// Display helpers for the insights screens (text only: everything goes through JSX text nodes).
const count = new Intl.NumberFormat('en-US');
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const num = (n: number) => count.format(n);
export const when = (ms: number) => dateTime.format(new Date(ms));
export const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export function seconds(s: number | null): string {
  if (s === null) return '—';
  if (s === 0) return '0 s';
  // Below a second is "instant" to a reader of a support report; milliseconds only look like a bug.
  if (s < 1) return '< 1 s';
  if (s < 90) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 90 * 60) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export const CHANNELS = [
  ['web_chat', 'Web chat'],
  ['email', 'Email'],
  ['sms', 'SMS'],
  ['whatsapp', 'WhatsApp'],
] as const;
export const channelLabel = (c: string | null) => CHANNELS.find(([v]) => v === c)?.[1] ?? c ?? '—';

/** YYYY-MM-DD in UTC (reports bucket by UTC day). */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Property values as readable text: strings as is, everything else as compact JSON. */
export function propertyText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
