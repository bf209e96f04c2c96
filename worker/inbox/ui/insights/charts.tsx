// Plain SVG charts that a person reads at a glance, always beside the numbers they draw: the SVG is
// decoration for sighted readers (aria-hidden), the table next to it carries the same figures.
// A bar chart has a y-axis with round values in the chart's unit (gridlines at 0, half and the top)
// and the first, middle and last day under the bars; it scales without stretching its text, and a
// short range draws bars of a readable width instead of one bar across the whole chart.
interface Series {
  label: string;
  values: Array<number | null>;
}

// Drawn at about its natural size in a dashboard card, so its 10 px labels stay readable.
const WIDTH = 340;
const LEFT = 40;
const MAX_BAR = 28;

/** The smallest round number (2, 4, 6, 8 or 10 × 10ⁿ) at or above `value`: its half, the middle
 * gridline, is round too (a whole number for counts of 1 and more). */
function niceCeiling(value: number): number {
  if (value <= 0) return 2;
  const power = 10 ** Math.floor(Math.log10(value));
  return [2, 4, 6, 8, 10].map((step) => step * power).find((top) => top >= value) ?? 10 * power;
}

/**
 * Vertical bars, one per day; a null value draws nothing. `top` fixes the axis maximum for bounded
 * measures (1 for a rate, 5 for CSAT); otherwise it is the data's maximum rounded up.
 */
export function BarChart({
  labels,
  series,
  height = 120,
  format = String,
  top,
}: {
  labels: string[];
  series: Series;
  height?: number;
  format?: (n: number) => string;
  top?: number;
}) {
  const max = top ?? niceCeiling(Math.max(0, ...series.values.map((v) => v ?? 0)));
  const plot = WIDTH - LEFT;
  const slot = plot / Math.max(1, labels.length);
  const bar = Math.min(MAX_BAR, slot * 0.7);
  const y = (v: number) => height - (v / max) * (height - 6);
  const middle = Math.floor((labels.length - 1) / 2);
  const ticks = labels.length > 2 ? [0, middle, labels.length - 1] : labels.map((_, i) => i);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height + 18}`} aria-hidden="true">
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={LEFT} y1={y(v)} x2={WIDTH} y2={y(v)} class={v === 0 ? 'axis' : 'grid'} />
          <text x={LEFT - 4} y={y(v) + 3} class="tick" text-anchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      {series.values.map((v, i) => {
        if (v === null) return null;
        return (
          <rect
            key={labels[i]}
            x={LEFT + i * slot + (slot - bar) / 2}
            y={y(v)}
            width={bar}
            height={height - y(v)}
            class="bar"
          >
            <title>{`${labels[i]}: ${format(v)}`}</title>
          </rect>
        );
      })}
      {ticks.map((i) => {
        // The first and last labels align with the plot's edges so neither is cut off.
        const anchor =
          ticks.length > 1 && i === 0 ? 'start' : ticks.length > 1 && i === labels.length - 1 ? 'end' : 'middle';
        const x = anchor === 'start' ? LEFT : anchor === 'end' ? WIDTH : LEFT + i * slot + slot / 2;
        return (
          <text key={labels[i]} x={x} y={height + 14} class="tick" text-anchor={anchor}>
            {labels[i] ?? ''}
          </text>
        );
      })}
    </svg>
  );
}

/** A small trend line for a row of a table. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const w = 120;
  const h = 26;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(' ');
  return (
    <svg class="spark" viewBox={`0 0 ${w} ${h}`} width={w} height={h} aria-hidden="true">
      <title>{label}</title>
      <polyline points={points} fill="none" />
    </svg>
  );
}

/** The numbers a chart draws, beside it: a row per day (`rows` as [day, formatted value]). */
export function DayTable({
  caption,
  heading,
  rows,
  scroll = false,
}: {
  caption: string;
  /** The value column's heading ("Events", "Value"). */
  heading: string;
  rows: Array<[day: string, value: string]>;
  /** A long range: the table scrolls beside the chart instead of outgrowing it. */
  scroll?: boolean;
}) {
  return (
    // A scrolling table takes keyboard focus, so its rows can be scrolled without a mouse.
    <table class={`data compact${scroll ? ' scroll' : ''}`} tabIndex={scroll ? 0 : undefined}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          <th scope="col" class="n">
            {heading}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([day, value]) => (
          <tr key={day}>
            <td>{day}</td>
            <td class="n">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
