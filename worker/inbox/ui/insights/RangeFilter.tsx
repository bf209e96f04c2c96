// The date range (UTC days) and channel a report is for; changes go into the URL.
import { CHANNELS } from './format';
import { Select } from '../Select';

export interface Range {
  from: string;
  to: string;
  channel: string;
}

export function RangeFilter({ range, onChange }: { range: Range; onChange: (r: Range) => void }) {
  return (
    <form class="filters range" onSubmit={(e) => e.preventDefault()} aria-label="Report range">
      <label>
        From{' '}
        <input
          type="date"
          value={range.from}
          max={range.to}
          onChange={(e) => onChange({ ...range, from: e.currentTarget.value })}
        />
      </label>
      <label>
        To{' '}
        <input
          type="date"
          value={range.to}
          min={range.from}
          onChange={(e) => onChange({ ...range, to: e.currentTarget.value })}
        />
      </label>
      <Select
        label="Channel"
        value={range.channel}
        options={[['', 'All channels'], ...CHANNELS]}
        onChange={(channel) => onChange({ ...range, channel })}
      />
      <span class="hint">Days are UTC.</span>
    </form>
  );
}

export function rangeQuery(r: Range): string {
  const q = new URLSearchParams({ from: r.from, to: r.to });
  if (r.channel) q.set('channel', r.channel);
  return q.toString();
}

/** The range in the URL, or the last 30 days up to today. */
export function readRange(query: URLSearchParams): Range {
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return { from: query.get('from') ?? monthAgo, to: query.get('to') ?? today, channel: query.get('channel') ?? '' };
}
