// Metrics: every event name with its count per day (filterable by channel); choosing one shows its
// daily bars with the numbers, and the events themselves.
import type { InsightsPageProps } from './InsightsApp';
import { hrefOf } from './pages';
import { useApi } from './useApi';
import { num } from './format';
import { BarChart, DayTable, Sparkline } from './charts';
import { RangeFilter, rangeQuery, readRange, type Range } from './RangeFilter';
import { EventList } from './EventList';
import { useLink } from './navigation';

interface Metrics {
  days: string[];
  metrics: Array<{ name: string; total: number; counts: number[] }>;
}

export function MetricsPage({ loc, go }: InsightsPageProps) {
  const range = readRange(loc.query);
  const selected = loc.query.get('name');
  const link = useLink();
  const { data, error, loading } = useApi<Metrics>(`/api/metrics?${rangeQuery(range)}`);
  const href = (r: Range, name: string | null) =>
    hrefOf('metrics', null, { from: r.from, to: r.to, channel: r.channel, name });
  const metric = data?.metrics.find((m) => m.name === selected);
  return (
    <div class="page">
      <div class="page-head">
        <h1>Metrics</h1>
        <p class="intro">
          Every event recorded for your store — conversation events and what your store sends through the track API —
          counted per day.
        </p>
      </div>
      <RangeFilter range={range} onChange={(r) => go(href(r, selected), true)} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <table class="data" aria-busy={loading}>
        <caption class="visually-hidden">Events per day</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col" class="n">
              Total
            </th>
            <th scope="col">Per day</th>
          </tr>
        </thead>
        <tbody>
          {data?.metrics.map((m) => (
            <tr key={m.name} class={m.name === selected ? 'current' : ''}>
              <th scope="row">
                <a
                  href={href(range, m.name)}
                  onClick={link(href(range, m.name))}
                  aria-current={m.name === selected ? 'true' : undefined}
                >
                  {m.name}
                </a>
              </th>
              <td class="n">{num(m.total)}</td>
              <td>
                <Sparkline values={m.counts} label={`${m.name} per day`} />
              </td>
            </tr>
          ))}
          {data && data.metrics.length === 0 && (
            <tr>
              <td colSpan={3} class="empty">
                No events yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {metric && data && (
        <section class="card" aria-labelledby="metric-title">
          <h2 id="metric-title">{metric.name}</h2>
          <div class="chart-with-numbers">
            <BarChart labels={data.days} series={{ label: metric.name, values: metric.counts }} format={num} />
            <DayTable
              caption={`${metric.name} per day`}
              heading="Events"
              rows={data.days.flatMap((d, i) =>
                metric.counts[i] ? [[d, num(metric.counts[i]!)] as [string, string]] : [],
              )}
            />
          </div>
          <h3>Events, newest first</h3>
          <EventList
            label={`${metric.name} events`}
            showProfile
            path={`/api/metrics/events?${rangeQuery(range)}&name=${encodeURIComponent(metric.name)}`}
          />
        </section>
      )}
    </div>
  );
}
