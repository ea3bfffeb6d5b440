/**
 * The map legend. It renders a legend model (legend.ts) and reports toggles; the parent owns the
 * view options and turns a toggle into new options (see `toggled`).
 */
import type { LayerKind } from '../model/layers';
import type { LegendGroup, LegendItem } from './legend';
import './map.css';

export interface LegendProps {
  groups: LegendGroup[];
  /** shows a checkbox per group that switches the whole layer */
  onToggleLayer?: (kind: LayerKind) => void;
  /** shows a checkbox per department in filterable groups (offices, regions) */
  onToggleItem?: (kind: LayerKind, key: string) => void;
}

export function Swatch({ item }: { item: LegendItem }) {
  const size = Math.max(20, Math.ceil(2 * item.sizePx + 4));
  const c = size / 2;
  let shape;
  switch (item.kind) {
    case 'circle':
      shape = <circle cx={c} cy={c} r={item.sizePx} fill={item.colour} fillOpacity={0.75} stroke={item.colour} strokeWidth={1} />;
      break;
    case 'ring':
      shape = (
        <>
          <circle cx={c} cy={c} r={item.sizePx - 1.5} fill="#ffffff" stroke={item.colour} strokeWidth={2.5} />
          <circle cx={c} cy={c} r={3.5} fill={item.colour} />
        </>
      );
      break;
    case 'line':
      // At least 1.5 px, so the thinnest road class still reads in the legend.
      shape = <line x1={2} y1={c} x2={size - 2} y2={c} stroke={item.colour} strokeWidth={Math.max(1.5, item.sizePx)} strokeLinecap="round" />;
      break;
    case 'fill':
      shape = (
        <rect x={3} y={3} width={size - 6} height={size - 6} fill={item.colour} fillOpacity={0.3} stroke={item.colour} strokeWidth={item.sizePx}
          strokeDasharray={item.dashed ? '3 2' : undefined} />
      );
      break;
  }
  return (
    <svg className="map-legend-swatch" width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true">
      {shape}
    </svg>
  );
}

function ItemRow({ group, item, onToggleItem }: { group: LegendGroup; item: LegendItem; onToggleItem?: LegendProps['onToggleItem'] }) {
  const body = (
    <>
      <Swatch item={item} />
      <span className="map-legend-label">{item.label}</span>
      {item.count !== undefined && <span className="map-legend-count">{item.count}</span>}
    </>
  );
  if (group.filterable && onToggleItem) {
    return (
      <li className={item.active ? 'map-legend-item' : 'map-legend-item map-legend-item-off'}>
        <label>
          <input type="checkbox" checked={item.active} onChange={() => onToggleItem(group.kind, item.key)} />
          {body}
        </label>
      </li>
    );
  }
  return <li className={item.active ? 'map-legend-item' : 'map-legend-item map-legend-item-off'}>{body}</li>;
}

export function Legend({ groups, onToggleLayer, onToggleItem }: LegendProps) {
  if (!groups.length) return null;
  return (
    <div className="map-legend" aria-label="Map legend" role="group">
      {groups.map((g) => (
        <section key={g.kind} className={g.visible ? 'map-legend-group' : 'map-legend-group map-legend-group-off'} data-kind={g.kind}>
          <h3 className="map-legend-title">
            {onToggleLayer ? (
              <label>
                <input type="checkbox" checked={g.visible} onChange={() => onToggleLayer(g.kind)} />
                {g.title}
              </label>
            ) : (
              g.title
            )}
          </h3>
          {g.items.length > 0 && (
            <ul className="map-legend-items">
              {g.items.map((item) => (
                <ItemRow key={item.key} group={g} item={item} onToggleItem={onToggleItem} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
