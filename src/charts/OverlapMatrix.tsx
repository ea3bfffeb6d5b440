import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { interpolateBlues, scaleBand, scaleSequential } from 'd3';
import { groupThousands } from '../map/format';
import type { MatrixCell, OverlapMatrixModel } from '../panels/alignment/alignment-view';

export interface OverlapMatrixProps {
  model: OverlapMatrixModel;
  /** what a cell's shade is a share of */
  share: 'region' | 'municipality';
  /** colour of the sliver marks (the map's sliver colour) */
  sliverColour: string;
  width?: number;
}

export const EMPTY_CELL_COLOUR = '#f3f4f6';
const pct = (x: number) => `${(100 * x).toFixed(x > 0 && x < 0.001 ? 2 : 1)}%`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Sequential blues, from near-white (0) to dark blue (1): lightness-ordered, colour-blind safe. */
export function matrixColour(share: number): string {
  return interpolateBlues(0.05 + 0.9 * Math.max(0, Math.min(1, share)));
}

/** The numbers behind one cell, as one sentence (the tooltip, and what a screen reader hears). */
export function cellDescription(model: OverlapMatrixModel, cell: MatrixCell): string {
  const region = model.regions[cell.region];
  const muni = model.municipalities[cell.municipality];
  const where = `${muni.name} (${muni.code}) in ${region.name}`;
  if (cell.overlap < 0) return `${where}: no overlap.`;
  const people = model.basis === 'population' ? `${groupThousands(cell.population)} people, ` : '';
  const area = `${cell.areaKm2 < 1 ? cell.areaKm2.toFixed(3) : cell.areaKm2.toFixed(1)} km²`;
  const what = model.basis === 'population' ? 'people' : 'area';
  const shares = `${pct(cell.shareOfMunicipality)} of the municipality's ${what}, ${pct(cell.shareOfRegion)} of the region's`;
  return `${where}: ${people}${area}; ${shares}${cell.sliver ? '. A sliver (digitising noise, left out of the indices).' : '.'}`;
}

/**
 * The department's regions (columns) × the municipalities they touch (rows), cells shaded by
 * share. Municipalities run down the side so their names stay readable in a narrow panel. d3 gives
 * the scales, React draws the SVG (labels stay text). Hover or focus a cell for its numbers; the
 * arrow keys move between cells (one tab stop for the whole matrix).
 */
export function OverlapMatrix({ model, share, sliverColour, width = 352 }: OverlapMatrixProps) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(() => Math.max(0, model.cells.findIndex((c) => c.overlap >= 0)));
  const cellRefs = useRef<(SVGRectElement | null)[]>([]);
  const nCols = model.regions.length;
  const nRows = model.municipalities.length;
  const labelWidth = Math.min(150, 10 + 6.3 * Math.max(6, ...model.municipalities.map((m) => Math.min(24, m.name.length))));
  const cellWidth = Math.max(14, Math.min(48, Math.floor((width - labelWidth - 12) / Math.max(1, nCols))));
  const cellHeight = 16;
  const longestRegion = Math.max(4, ...model.regions.map((r) => Math.min(20, r.label.length)));
  const top = Math.round(10 + 6 * longestRegion * Math.SQRT1_2);
  const innerWidth = cellWidth * nCols;
  const x = useMemo(() => scaleBand<number>().domain(model.regions.map((_, j) => j)).range([0, innerWidth]).paddingInner(0.06), [model.regions, innerWidth]);
  const y = useMemo(() => scaleBand<number>().domain(model.municipalities.map((_, i) => i)).range([0, cellHeight * nRows]).paddingInner(0.1), [model.municipalities, nRows]);
  const colour = useMemo(() => scaleSequential((t: number) => matrixColour(t)).domain([0, 1]), []);
  const svgWidth = labelWidth + innerWidth + 40;
  const svgHeight = top + cellHeight * nRows + 4;

  const move = (e: KeyboardEvent) => {
    const step: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    let next: number | null = null;
    if (step[e.key]) {
      const [dr, dc] = step[e.key];
      const r = Math.max(0, Math.min(nRows - 1, Math.floor(focusIndex / nCols) + dr));
      const c = Math.max(0, Math.min(nCols - 1, (focusIndex % nCols) + dc));
      next = r * nCols + c;
    } else if (e.key === 'Home') next = Math.floor(focusIndex / nCols) * nCols;
    else if (e.key === 'End') next = Math.floor(focusIndex / nCols) * nCols + nCols - 1;
    else if (e.key === 'Escape') {
      setActive(null);
      return;
    }
    if (next === null) return;
    e.preventDefault();
    setFocusIndex(next);
    setActive(next);
    cellRefs.current[next]?.focus();
  };

  const activeCell = active !== null ? model.cells[active] : undefined;
  const what = model.basis === 'population' ? 'people' : 'area';
  return (
    <figure className="chart matrix" data-testid="overlap-matrix">
      <div className="matrix-scroll">
        <svg
          width={svgWidth}
          height={svgHeight}
          role="group"
          aria-label={`Municipalities (rows) in each region (columns), shaded by share of the ${share}'s ${what}. Use the arrow keys to move between cells.`}
          onKeyDown={move}
        >
          <g transform={`translate(${labelWidth},${top})`}>
            {model.regions.map((r, j) => (
              <text key={r.region} transform={`translate(${(x(j) ?? 0) + x.bandwidth() / 2 - 3},-5) rotate(-45)`} fontSize={10} textAnchor="start" aria-hidden="true">
                {clip(r.label, 20)}
              </text>
            ))}
            {model.municipalities.map((m, i) => (
              <text key={m.municipality} x={-6} y={(y(i) ?? 0) + y.bandwidth() / 2} dy="0.32em" fontSize={11} textAnchor="end" aria-hidden="true">
                {clip(m.name, 24)}
              </text>
            ))}
            {model.cells.map((cell, k) => {
              const value = share === 'region' ? cell.shareOfRegion : cell.shareOfMunicipality;
              const empty = cell.overlap < 0;
              const cx = x(cell.region) ?? 0;
              const cy = y(cell.municipality) ?? 0;
              return (
                <g key={k}>
                  <rect
                    ref={(el) => {
                      cellRefs.current[k] = el;
                    }}
                    className="matrix-cell"
                    data-overlap={empty ? undefined : cell.overlap}
                    data-sliver={cell.sliver ? 'true' : undefined}
                    x={cx}
                    y={cy}
                    width={x.bandwidth()}
                    height={y.bandwidth()}
                    fill={empty ? EMPTY_CELL_COLOUR : colour(value)}
                    stroke={active === k ? '#000' : cell.sliver ? sliverColour : 'none'}
                    strokeWidth={active === k ? 2 : 1.5}
                    tabIndex={k === focusIndex ? 0 : -1}
                    role="img"
                    aria-label={cellDescription(model, cell)}
                    onMouseEnter={() => setActive(k)}
                    onMouseLeave={() => setActive((a) => (a === k ? null : a))}
                    onFocus={() => {
                      setFocusIndex(k);
                      setActive(k);
                    }}
                    onBlur={() => setActive((a) => (a === k ? null : a))}
                  />
                  {cell.sliver && (
                    <line x1={cx + 1} y1={cy + y.bandwidth() - 1} x2={cx + x.bandwidth() - 1} y2={cy + 1} stroke={sliverColour} strokeWidth={1.2} pointerEvents="none" aria-hidden="true" />
                  )}
                </g>
              );
            })}
          </g>
        </svg>
      </div>
      <p className="matrix-tooltip" data-testid="matrix-tooltip" aria-hidden="true">
        {activeCell ? cellDescription(model, activeCell) : 'Hover over a cell (or focus the matrix and use the arrow keys) for its numbers.'}
      </p>
      <figcaption className="meta">
        <span className="matrix-ramp" aria-hidden="true">
          {[0, 0.25, 0.5, 0.75, 1].map((t) => (
            <span key={t} className="swatch square" style={{ background: matrixColour(t) }} />
          ))}
        </span>{' '}
        0–100% of the {share}'s {what}; <span className="swatch square sliver-mark" style={{ color: sliverColour }} aria-hidden="true" /> sliver;{' '}
        <span className="swatch square" style={{ background: EMPTY_CELL_COLOUR }} aria-hidden="true" /> no overlap.
      </figcaption>
    </figure>
  );
}
