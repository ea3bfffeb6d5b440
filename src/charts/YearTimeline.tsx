import type { MouseEvent } from 'react';
import { scaleUtc, utcMonth } from 'd3';

export interface YearTimelineRow {
  key: number;
  label: string;
  colour: string;
  /** days worked: day of the year (0 = 1 January) and its date */
  used: { day: number; date: string; title: string }[];
  /** days this row does not work */
  off: { day: number; kind: 'weekend' | 'holiday' | 'day-off' }[];
}

export interface YearTimelineProps {
  year: number;
  rows: YearTimelineRow[];
  selected?: { row: number; date: string };
  /** a click on a row picks the used day nearest to the pointer */
  onSelect?: (row: number, date: string) => void;
  width?: number;
}

export const OFF_DAY_COLOURS: Record<YearTimelineRow['off'][number]['kind'], string> = { weekend: '#e4e6ea', holiday: '#f2b84b', 'day-off': '#b9a3d9' };
const OFF_LABELS = { weekend: 'not a working weekday', holiday: 'public holiday', 'day-off': 'day off' };

const ROW_LABEL = 13;
const ROW_BAR = 16;
const ROW_GAP = 5;
const AXIS = 18;

/**
 * A year per row: a tick for every day used, shaded days the row does not work. d3 for the time
 * scale and month ticks, React for the SVG (labels stay text).
 */
export function YearTimeline({ year, rows, selected, onSelect, width = 350 }: YearTimelineProps) {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const x = scaleUtc().domain([start, end]).range([0, width - 2]);
  const dayX = (day: number) => 1 + x(start + day * 86_400_000);
  const dayWidth = Math.max(1, dayX(1) - dayX(0));
  const rowHeight = ROW_LABEL + ROW_BAR + ROW_GAP;
  const height = rows.length * rowHeight + AXIS;
  // the months of the year (not the next January at the right edge)
  const months = x.ticks(utcMonth.every(1)!).filter((m) => m.getTime() < end);

  const pick = (row: YearTimelineRow) => (e: MouseEvent<SVGRectElement>) => {
    if (!onSelect || !row.used.length) return;
    const svg = e.currentTarget.ownerSVGElement;
    if (!svg) return;
    const px = e.clientX - svg.getBoundingClientRect().left;
    const day = (x.invert(px - 1).getTime() - start) / 86_400_000;
    let best = row.used[0];
    for (const u of row.used) if (Math.abs(u.day + 0.5 - day) < Math.abs(best.day + 0.5 - day)) best = u;
    onSelect(row.key, best.date);
  };

  return (
    <figure className="chart year-timeline">
      <svg width={width} height={height} role="img" aria-label={`Days worked per team in ${year}; choose a day with the day selector below, or click a row`}>
        {rows.map((row, r) => {
          const top = r * rowHeight;
          const barTop = top + ROW_LABEL;
          return (
            <g key={row.key} data-row={row.key}>
              <text x={1} y={top + 10} fontSize={11} fill="#1d2330">
                {row.label}
                <tspan fill="#4f5868">{` · ${row.used.length} days`}</tspan>
              </text>
              <rect x={1} y={barTop} width={width - 2} height={ROW_BAR} fill="#ffffff" stroke="#d5d9e0" />
              {row.off.map((o) => (
                <rect key={`o${o.day}`} x={dayX(o.day)} y={barTop + 0.5} width={dayWidth} height={ROW_BAR - 1} fill={OFF_DAY_COLOURS[o.kind]}>
                  <title>{OFF_LABELS[o.kind]}</title>
                </rect>
              ))}
              {row.used.map((u) => (
                <rect key={u.date} className="used-day" data-date={u.date} x={dayX(u.day)} y={barTop + 2} width={dayWidth} height={ROW_BAR - 4} fill={row.colour}>
                  <title>{u.title}</title>
                </rect>
              ))}
              {selected?.row === row.key &&
                row.used
                  .filter((u) => u.date === selected.date)
                  .map((u) => <rect key="sel" className="selected-day" x={dayX(u.day) - 2} y={barTop - 2} width={dayWidth + 4} height={ROW_BAR + 4} fill="none" stroke="#000000" strokeWidth={2} />)}
              {/* a transparent cover takes the clicks: a day is about a pixel wide */}
              <rect x={1} y={barTop} width={width - 2} height={ROW_BAR} fill="transparent" style={{ cursor: onSelect ? 'pointer' : undefined }} onClick={pick(row)} />
            </g>
          );
        })}
        <g transform={`translate(0,${rows.length * rowHeight})`}>
          {months.map((m) => (
            <g key={m.getTime()} transform={`translate(${1 + x(m)},0)`}>
              <line y2={4} stroke="#4f5868" />
              <text x={2} y={13} fontSize={10} fill="#4f5868">
                {m.toLocaleString('en-ZA', { month: 'short', timeZone: 'UTC' })}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="meta legend-classes">
        {(Object.keys(OFF_DAY_COLOURS) as (keyof typeof OFF_DAY_COLOURS)[]).map((k) => (
          <span key={k}>
            <span className="swatch outline" style={{ background: OFF_DAY_COLOURS[k], borderColor: OFF_DAY_COLOURS[k] }} aria-hidden="true" /> {OFF_LABELS[k]}
          </span>
        ))}
        <span>a coloured tick: a day on the road</span>
      </figcaption>
    </figure>
  );
}
