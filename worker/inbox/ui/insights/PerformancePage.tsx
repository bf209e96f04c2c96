// The performance dashboard: headline figures, per-day charts with their numbers beside them, the
// same figures per channel, and the load per agent.
import type { Figures, PerformanceReport } from '../../../reports/performance-types';
import type { InsightsPageProps } from './InsightsApp';
import { hrefOf } from './pages';
import { useApi } from './useApi';
import { channelLabel, num, pct, seconds } from './format';
import { BarChart, DayTable } from './charts';
import { RangeFilter, rangeQuery, readRange } from './RangeFilter';

type Key = keyof Figures;

const HEADLINES: Array<[Key, string, (v: number | null) => string]> = [
  ['conversations', 'Conversations', (v) => num(v ?? 0)],
  ['resolutionRate', 'Resolution rate', pct],
  ['escalationRate', 'Escalation rate', pct],
  ['declined', 'Declined handoffs', (v) => num(v ?? 0)],
  ['medianResolutionSeconds', 'Median resolution time', seconds],
  ['medianFirstReplySeconds', 'Time to first reply (agent)', seconds],
  ['medianFirstResponseSeconds', 'First response after handoff', seconds],
  ['tickets', 'Tickets', (v) => num(v ?? 0)],
  ['reassignments', 'Reassignments', (v) => num(v ?? 0)],
  ['csatAverage', 'CSAT (1–5)', (v) => (v === null ? '—' : v.toFixed(2))],
];

/** Each chart: its field, title (with the unit), value format, and fixed axis top for bounded measures. */
const CHARTS: Array<[Key, string, (v: number) => string, number | undefined]> = [
  ['conversations', 'Conversations per day (count)', num, undefined],
  ['resolutionRate', 'Resolution rate per day (% of conversations)', pct, 1],
  ['escalationRate', 'Escalation rate per day (% of conversations)', pct, 1],
  ['medianFirstResponseSeconds', 'Median first response after handoff per day (time)', seconds, undefined],
  ['csatAverage', 'CSAT average per day (1–5)', (v) => v.toFixed(1), 5],
];

export function PerformancePage({ loc, go }: InsightsPageProps) {
  const range = readRange(loc.query);
  const { data, error, loading } = useApi<PerformanceReport>(`/api/reports/performance?${rangeQuery(range)}`);
  return (
    <div class="page">
      <div class="page-head">
        <h1>Performance</h1>
        <p class="intro">
          How the Customer Agent and your team did: conversations by the day the shopper first wrote, tickets by the day
          they were created.
        </p>
      </div>
      <RangeFilter
        range={range}
        onChange={(r) => go(hrefOf('performance', null, { from: r.from, to: r.to, channel: r.channel }), true)}
      />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {data && (
        <div aria-busy={loading}>
          <dl class="tiles" data-testid="performance-totals">
            {HEADLINES.map(([key, label, format]) => (
              <div key={key} class="tile">
                <dt>{label}</dt>
                <dd>{format(data.totals[key])}</dd>
              </div>
            ))}
          </dl>
          <div class="chart-grid">
            {CHARTS.map(([key, label, format, top]) => (
              <DayChart key={key} title={label} days={data.byDay} field={key} format={format} top={top} />
            ))}
          </div>
          <ChannelTable rows={data.byChannel} />
          <AgentTable agents={data.agents} />
        </div>
      )}
    </div>
  );
}

function DayChart({
  title,
  days,
  field,
  format,
  top,
}: {
  title: string;
  days: PerformanceReport['byDay'];
  field: Key;
  format: (v: number) => string;
  top?: number;
}) {
  const values = days.map((d) => d[field]);
  const id = `chart-${field}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div class="chart-with-numbers">
        <BarChart labels={days.map((d) => d.day)} series={{ label: title, values }} format={format} top={top} />
        <DayTable
          caption={title}
          heading="Value"
          rows={days.map((d, i) => [d.day, values[i] === null ? '—' : format(values[i]!)])}
          scroll
        />
      </div>
    </section>
  );
}

const CHANNEL_COLUMNS = [
  'Conversations',
  'Resolved',
  'Escalated',
  'Declined',
  'Median resolution',
  'First reply',
  'Tickets',
  'First response',
  'CSAT',
];

function ChannelTable({ rows }: { rows: PerformanceReport['byChannel'] }) {
  return (
    <section class="card" aria-labelledby="by-channel">
      <h2 id="by-channel">By channel</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            {CHANNEL_COLUMNS.map((heading) => (
              <th key={heading} scope="col" class="n">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.channel}>
              <th scope="row">{channelLabel(r.channel)}</th>
              <td class="n">{num(r.conversations)}</td>
              <td class="n">{pct(r.resolutionRate)}</td>
              <td class="n">{pct(r.escalationRate)}</td>
              <td class="n">{num(r.declined)}</td>
              <td class="n">{seconds(r.medianResolutionSeconds)}</td>
              <td class="n">{seconds(r.medianFirstReplySeconds)}</td>
              <td class="n">{num(r.tickets)}</td>
              <td class="n">{seconds(r.medianFirstResponseSeconds)}</td>
              <td class="n">
                {r.csatAverage === null ? '—' : `${r.csatAverage.toFixed(2)} (${num(r.csatResponses)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AgentTable({ agents }: { agents: PerformanceReport['agents'] }) {
  const max = Math.max(1, ...agents.map((a) => a.assigned));
  return (
    <section class="card" aria-labelledby="by-agent">
      <h2 id="by-agent">Tickets assigned per agent</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Teammate</th>
            <th scope="col" class="n">
              Assigned
            </th>
            <th scope="col" aria-hidden="true" />
            <th scope="col" class="n">
              Reassigned away
            </th>
            <th scope="col" class="n">
              CSAT
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.userId}>
              <th scope="row">{a.name}</th>
              <td class="n">{num(a.assigned)}</td>
              <td aria-hidden="true">
                <svg width="140" height="12" class="hbar">
                  <rect width={(a.assigned / max) * 140} height="12" />
                </svg>
              </td>
              <td class="n">{num(a.reassignedAway)}</td>
              <td class="n">
                {a.csatAverage === null ? '—' : `${a.csatAverage.toFixed(2)} (${num(a.csatResponses)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
