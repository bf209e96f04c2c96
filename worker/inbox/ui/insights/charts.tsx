// Plain SVG charts that a person reads at a glance, always beside the numbers they draw: the SVG is
// decoration for sighted readers (aria-hidden), the table next to it carries the same figures.
interface Series {
  label: string;
  values: Array<number | null>;
}

/** Vertical bars, one per day; a null value draws nothing. */
export function BarChart({ labels, series, height = 120, format = String }: { labels: string[]; series: Series; height?: number; format?: (n: number) => string }) {
  const max = Math.max(1, ...series.values.map((v) => v ?? 0));
  const width = Math.max(240, labels.length * 14);
  const bar = width / Math.max(1, labels.length);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height + 16}`} width="100%" height={height + 16} aria-hidden="true" preserveAspectRatio="none">
      <line x1="0" y1={height} x2={width} y2={height} class="axis" />
      {series.values.map((v, i) => {
        if (v === null) return null;
        const h = (v / max) * (height - 4);
        return (
          <rect key={labels[i]} x={i * bar + bar * 0.15} y={height - h} width={bar * 0.7} height={h} class="bar">
            <title>{`${labels[i]}: ${format(v)}`}</title>
          </rect>
        );
      })}
      <text x="0" y={height + 13} class="tick">{labels[0] ?? ''}</text>
      <text x={width} y={height + 13} class="tick" text-anchor="end">{labels[labels.length - 1] ?? ''}</text>
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
