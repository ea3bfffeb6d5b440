import { useMemo } from 'react';
import { scaleLinear, max as d3max } from 'd3';

export interface HistogramProps {
  /** value per item (e.g. minutes); non-finite values are counted apart as "unreachable" */
  values: ArrayLike<number>;
  /** weight per item (e.g. population) */
  weights: ArrayLike<number>;
  binWidth: number;
  /** values at or above this share the last bin, labelled "≥ max" */
  maxValue: number;
  /** vertical marker lines (e.g. thresholds) */
  markers?: readonly number[];
  colourFor?: (binStart: number) => string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  formatY?: (n: number) => string;
}

/** Weighted histogram: d3 for scales and ticks, React for the SVG (labels stay text). */
export function Histogram({ values, weights, binWidth, maxValue, markers = [], colourFor, xLabel, yLabel, width = 340, height = 180, formatY = compactNumber }: HistogramProps) {
  const { bins, unreachable } = useMemo(() => weightedBins(values, weights, binWidth, maxValue), [values, weights, binWidth, maxValue]);
  const margin = { top: 10, right: 10, bottom: 34, left: 44 };
  const w = width - margin.left - margin.right;
  const h = height - margin.top - margin.bottom;
  const x = scaleLinear().domain([0, maxValue + binWidth]).range([0, w]);
  const y = scaleLinear().domain([0, d3max(bins) || 1]).nice().range([h, 0]);
  return (
    <figure className="chart">
      <svg width={width} height={height} role="img" aria-label={`${yLabel} by ${xLabel}`}>
        <g transform={`translate(${margin.left},${margin.top})`}>
          {bins.map((v, i) => (
            <rect key={i} x={x(i * binWidth) + 0.5} width={Math.max(0, x(binWidth) - x(0) - 1)} y={y(v)} height={h - y(v)} fill={colourFor?.(i * binWidth) ?? '#3b528b'}>
              <title>{`${i * binWidth}${i === bins.length - 1 ? '+' : `–${(i + 1) * binWidth}`} min: ${formatY(v)}`}</title>
            </rect>
          ))}
          {markers.map((m) => (
            <line key={m} x1={x(m)} x2={x(m)} y1={0} y2={h} stroke="#d62728" strokeDasharray="4 3" />
          ))}
          <line x1={0} x2={w} y1={h} y2={h} stroke="#333" />
          {x.ticks(6).map((t) => (
            <g key={t} transform={`translate(${x(t)},${h})`}>
              <line y2={4} stroke="#333" />
              <text y={15} textAnchor="middle" fontSize={10}>
                {t > maxValue ? `${maxValue}+` : t}
              </text>
            </g>
          ))}
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x2={-4} stroke="#333" />
              <text x={-6} dy="0.32em" textAnchor="end" fontSize={10}>
                {formatY(t)}
              </text>
            </g>
          ))}
          <text x={w / 2} y={h + 30} textAnchor="middle" fontSize={11}>
            {xLabel}
          </text>
        </g>
      </svg>
      <figcaption className="meta">
        {yLabel} per {binWidth}-minute band{unreachable > 0 ? `; ${formatY(unreachable)} cannot reach it at all` : ''}.
      </figcaption>
    </figure>
  );
}

/** 1 234 567 → "1.2M", 45 600 → "45.6k": short enough for an axis. */
export function compactNumber(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

/** Sums of weights per bin of width `binWidth` from 0; the last bin holds everything ≥ maxValue. */
export function weightedBins(values: ArrayLike<number>, weights: ArrayLike<number>, binWidth: number, maxValue: number) {
  const n = Math.floor(maxValue / binWidth) + 1;
  const bins = new Array<number>(n).fill(0);
  let unreachable = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const wt = weights[i];
    if (!Number.isFinite(v)) {
      unreachable += wt;
      continue;
    }
    bins[Math.min(n - 1, Math.max(0, Math.floor(v / binWidth)))] += wt;
  }
  return { bins, unreachable };
}
