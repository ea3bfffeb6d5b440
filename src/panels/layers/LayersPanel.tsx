import { useMemo, useState } from 'react';
import { actions } from '../../app/actions';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { layerCollection } from '../../model/dataset';
import { DEFAULT_CATALOGUE, departmentColour } from '../../model/catalogue';
import { LAYER_KINDS, LAYER_LABELS } from '../../model/layers';

/** Department codes in the catalogue order, then any others the data uses. */
function departmentsIn(codes: Iterable<string>): string[] {
  const seen = new Set(codes);
  const known = DEFAULT_CATALOGUE.departments.map((d) => d.code).filter((c) => seen.has(c));
  return [...known, ...[...seen].filter((c) => !known.includes(c)).sort()];
}
const departmentName = (code: string) => DEFAULT_CATALOGUE.departments.find((d) => d.code === code)?.name ?? code;

export function LayersPanel() {
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const view = useStoreSlice(appStore, (s) => s.view);
  const basemapUrl = useStoreSlice(appStore, (s) => s.settings.basemapUrl);
  const officeDepartments = useMemo(
    () => departmentsIn((layerCollection(dataset, 'offices')?.features ?? []).map((f) => String(f.properties?.department ?? ''))),
    [dataset],
  );
  const regionDepartments = useMemo(
    () => departmentsIn((layerCollection(dataset, 'regions')?.features ?? []).map((f) => String(f.properties?.department ?? ''))),
    [dataset],
  );
  const [draftUrl, setDraftUrl] = useState(basemapUrl);

  const toggle = (list: string[], code: string, on: boolean) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code));

  return (
    <div className="panel" data-testid="layers-panel">
      <fieldset>
        <legend>Layers</legend>
        {LAYER_KINDS.map((k) => (
          <label key={k} className="check">
            <input type="checkbox" checked={view.visibleLayers[k]} onChange={(e) => actions.toggleLayer(k, e.currentTarget.checked)} />
            {LAYER_LABELS[k]}
          </label>
        ))}
        <button type="button" onClick={() => actions.fitToData()}>
          Fit map to data
        </button>
      </fieldset>
      <fieldset>
        <legend>Offices by department</legend>
        {officeDepartments.length === 0 && <p className="meta">No offices loaded.</p>}
        {officeDepartments.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={view.departmentFilter.includes(code)}
              onChange={(e) => actions.setDepartmentFilter(toggle(view.departmentFilter, code, e.currentTarget.checked))}
            />
            <span className="swatch" style={{ background: departmentColour(code) }} aria-hidden="true" />
            {departmentName(code)}
          </label>
        ))}
        {officeDepartments.length > 0 && (
          <div className="row">
            <button type="button" onClick={() => actions.setDepartmentFilter(officeDepartments)}>
              All
            </button>
            <button type="button" onClick={() => actions.setDepartmentFilter([])}>
              None
            </button>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Service regions by department</legend>
        {regionDepartments.length === 0 && <p className="meta">No service regions loaded.</p>}
        {regionDepartments.map((code) => (
          <label key={code} className="check">
            <input
              type="checkbox"
              checked={view.regionDepartments.includes(code)}
              onChange={(e) => actions.setRegionDepartments(toggle(view.regionDepartments, code, e.currentTarget.checked))}
            />
            <span className="swatch outline" style={{ borderColor: departmentColour(code) }} aria-hidden="true" />
            {departmentName(code)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Basemap</legend>
        <p className="meta">
          Off by default: the map needs no network. A style URL (e.g. your own tile server) draws under the data; the
          page then requests tiles from that server.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            actions.setBasemapUrl(draftUrl.trim());
          }}
        >
          <label>
            Style URL
            <input type="url" value={draftUrl} placeholder="https://…/style.json" onChange={(e) => setDraftUrl(e.currentTarget.value)} />
          </label>
          <div className="row">
            <button type="submit">Apply</button>
            {basemapUrl && (
              <button
                type="button"
                onClick={() => {
                  setDraftUrl('');
                  actions.setBasemapUrl('');
                }}
              >
                Remove basemap
              </button>
            )}
          </div>
        </form>
      </fieldset>
    </div>
  );
}
