import type { KeyboardEvent } from 'react';
import { max as d3max, scaleBand, scaleLinear } from 'd3';

export interface LeaseTimelineYear {
  /** null = expiry unknown (drawn last, as "?") */
  year: number | null;
  total: number;
  segments: { department: string; colour: string; count: number; start: number }[];
}

export interface LeaseTimelineProps {
  years: LeaseTimelineYear[];
  selected?: number | null;
  /** a click (or Enter / Space) on a year's bar */
  onSelect?: (year: number) => void;
  /** department code → display name, for the bars' titles and the key */
  departmentName?: (code: string) => string;
  width?: number;
  height?: number;
}

/**
 * Offices by the year their lease ends, one bar per year stacked by department (catalogue
 * colours). A year is a button: choosing it selects its offices for relocation. d3 for the scales,
 * React for the SVG (labels stay text).
 */
export function LeaseTimeline({ years, selected, onSelect, departmentName = (c) => c, width = 340, height = 170 }: LeaseTimelineProps) {
  const margin = { top: 10, right: 6, bottom: 26, left: 30 };
  const w = width - margin.left - margin.right;
  const h = height - margin.top - margin.bottom;
  const label = (y: number | null) => (y === null ? '?' : String(y));
  const x = scaleBand<string>().domain(years.map((y) => label(y.year))).range([0, w]).padding(0.18);
  const y = scaleLinear().domain([0, d3max(years, (d) => d.total) || 1]).nice().range([h, 0]);
  const departments = [...new Map(years.flatMap((yr) => yr.segments.map((s) => [s.department, s.colour] as const))).entries()];
  const activate = (year: number | null) => {
    if (year !== null) onSelect?.(year);
  };
  const onKey = (e: KeyboardEvent, year: number | null) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      activate(year);
    }
  };
  return (
    <figure className="chart lease-timeline" data-testid="lease-timeline">
      <svg width={width} height={height} role="group" aria-label="Offices by lease expiry year; choose a year to plan its relocations">
        <g transform={`translate(${margin.left},${margin.top})`}>
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`} aria-hidden="true">
              <line x2={w} stroke="#e3e6ea" />
              <text x={-5} dy="0.32em" textAnchor="end" fontSize={10}>
                {t}
              </text>
            </g>
          ))}
          {years.map((yr) => {
            const key = label(yr.year);
            const x0 = x(key) ?? 0;
            const isSelected = yr.year !== null && yr.year === selected;
            const clickable = yr.year !== null && !!onSelect;
            return (
              <g
                key={key}
                className={`lease-year${isSelected ? ' selected' : ''}`}
                data-year={key}
                {...(clickable
                  ? { role: 'button', tabIndex: 0, 'aria-pressed': isSelected, onClick: () => activate(yr.year), onKeyDown: (e: KeyboardEvent) => onKey(e, yr.year) }
                  : {})}
                aria-label={`${yr.year === null ? 'Expiry unknown' : yr.year}: ${yr.total} office${yr.total === 1 ? '' : 's'} (${yr.segments.map((s) => `${s.count} ${departmentName(s.department)}`).join(', ')})`}
                style={clickable ? { cursor: 'pointer' } : undefined}
              >
                {/* the whole column is the target, not only the bar */}
                <rect x={x0 - x.step() * x.padding() * 0.5} width={x.step()} y={0} height={h} fill={isSelected ? '#e8f0fa' : 'transparent'} />
                {yr.segments.map((s) => (
                  <rect key={s.department} className="lease-bar" x={x0} width={x.bandwidth()} y={y(s.start + s.count)} height={Math.max(0, y(s.start) - y(s.start + s.count))} fill={s.colour} stroke="#ffffff" strokeWidth={0.5}>
                    <title>{`${key}: ${s.count} ${departmentName(s.department)}`}</title>
                  </rect>
                ))}
                {isSelected && <rect x={x0 - 1.5} width={x.bandwidth() + 3} y={y(yr.total) - 1.5} height={h - y(yr.total) + 1.5} fill="none" stroke="#0b5cad" strokeWidth={2} />}
                <text x={x0 + x.bandwidth() / 2} y={h + 13} textAnchor="middle" fontSize={10} fontWeight={isSelected ? 700 : 400} aria-hidden="true">
                  {yr.year === null ? '?' : `’${String(yr.year).slice(-2)}`}
                </text>
              </g>
            );
          })}
          <line x1={0} x2={w} y1={h} y2={h} stroke="#333" aria-hidden="true" />
        </g>
      </svg>
      <figcaption className="meta">
        Offices by lease expiry year (click a year to plan its relocations).
        <span className="legend-classes">
          {departments.map(([code, colour]) => (
            <span key={code}>
              <span className="swatch" style={{ background: colour }} aria-hidden="true" /> {departmentName(code)}
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
