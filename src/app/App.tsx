import { useMemo } from 'react';
import { actions } from './actions';
import { appStore, type PanelId } from './state';
import { useStoreSlice } from './store';
import { history, useHistory, useUndoShortcuts } from './undo';
import { ScenariosPanel } from '../panels/scenarios/ScenariosPanel';
import { datasetLayers } from '../model/dataset';
import { MapView } from '../map/MapView';
import { Legend } from '../map/Legend';
import { legendModel, toggled } from '../map/legend';
import { DataPanel } from '../panels/data/DataPanel';
import { LayersPanel } from '../panels/layers/LayersPanel';
import { CAPABILITIES } from './capabilities';
import type { MapSpec } from '../map/slots';
import { useWindowDrop } from '../panels/data/FilePicker';

const PANELS: { id: PanelId; label: string }[] = [{ id: 'data', label: 'Data' }, { id: 'layers', label: 'Map layers' }, ...CAPABILITIES, { id: 'scenarios', label: 'Scenarios' }];

export function App() {
  const panel = useStoreSlice(appStore, (s) => s.panel);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const view = useStoreSlice(appStore, (s) => s.view);
  const basemapUrl = useStoreSlice(appStore, (s) => s.settings.basemapUrl);
  const fitKey = useStoreSlice(appStore, (s) => s.fitKey);
  const sampleStatus = useStoreSlice(appStore, (s) => s.sampleStatus);
  const jobs = useStoreSlice(appStore, (s) => s.jobs.length);
  const dragging = useWindowDrop();
  const layers = useMemo(() => datasetLayers(dataset), [dataset]);
  const legend = useMemo(() => legendModel(layers, view), [layers, view]);
  // a fixed list, so the hooks run in the same order on every render
  const capabilitySpecs = CAPABILITIES.map((c) => c.useCapability?.(panel === c.id) ?? null);
  const extraSpecs = useMemo(() => capabilitySpecs.filter((s): s is MapSpec => !!s), capabilitySpecs); // eslint-disable-line react-hooks/exhaustive-deps
  const ActivePanel = CAPABILITIES.find((c) => c.id === panel)?.Panel;

  const undo = useHistory();
  useUndoShortcuts();

  return (
    <div className="app">
      <header className="topbar">
        <h1>Thusong Planner</h1>
        <span className="meta" aria-live="polite" data-testid="status">
          {sampleStatus === 'loading' ? 'Loading the sample province…' : jobs > 0 ? `Loading ${jobs} file${jobs > 1 ? 's' : ''}…` : `${dataset.files.length} files loaded`}
        </span>
        <span className="toolbar">
          <button type="button" onClick={() => history.undo()} disabled={!undo.canUndo} title="Undo (Ctrl+Z)">
            Undo
          </button>
          <button type="button" onClick={() => history.redo()} disabled={!undo.canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </span>
      </header>
      <nav className="tabs" role="tablist" aria-label="Tasks">
        {PANELS.map((p) => (
          <button
            key={p.id}
            role="tab"
            id={`tab-${p.id}`}
            aria-selected={panel === p.id}
            aria-controls={`panel-${p.id}`}
            className={panel === p.id ? 'active' : ''}
            onClick={() => actions.setPanel(p.id)}
          >
            {p.label}
          </button>
        ))}
      </nav>
      <aside className="sidebar" role="tabpanel" id={`panel-${panel}`} aria-labelledby={`tab-${panel}`}>
        {panel === 'data' && <DataPanel />}
        {panel === 'layers' && <LayersPanel />}
        {ActivePanel && <ActivePanel />}
        {panel === 'scenarios' && <ScenariosPanel />}
      </aside>
      <main className="map-area">
        <MapView layers={layers} view={view} extraSpecs={extraSpecs} basemapUrl={basemapUrl || undefined} fitKey={fitKey} onMapClick={(at) => CAPABILITIES.find((c) => c.id === panel)?.onMapClick?.(at)} />
        <details className="legend-overlay" open>
          <summary>Legend</summary>
          <Legend
          groups={legend}
          onToggleLayer={(kind) => actions.toggleLayer(kind, !view.visibleLayers[kind])}
          onToggleItem={(kind, code) =>
            kind === 'offices'
              ? actions.setDepartmentFilter(toggled(view.departmentFilter, code))
              : actions.setRegionDepartments(toggled(view.regionDepartments, code))
          }
          />
        </details>
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop GeoJSON, CSV or zipped Shapefiles to add them
        </div>
      )}
    </div>
  );
}
