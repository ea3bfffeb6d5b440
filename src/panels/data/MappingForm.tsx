import { useState } from 'react';
import { actions } from '../../app/actions';
import type { PendingMapping } from '../../app/state';
import { IssueList } from './IssueList';
import { LAYER_FIELDS, LAYER_KINDS, LAYER_LABELS, type LayerKind } from '../../model/layers';

/** The mapping step: the user names the coordinate columns, the layer and any missing fields. */
export function MappingForm({ pending }: { pending: PendingMapping }) {
  const { request } = pending;
  const [kind, setKind] = useState<LayerKind>(request.kind);
  const [lon, setLon] = useState(request.guessedLon ?? '');
  const [lat, setLat] = useState(request.guessedLat ?? '');
  const [fields, setFields] = useState<Record<string, string>>({});
  const required = LAYER_FIELDS[kind].filter((f) => f.required || request.missing.includes(f.name));
  const ready = (!request.needsCoordinates || (lon && lat && lon !== lat)) && required.filter((f) => f.required).every((f) => fields[f.name] || !request.missing.includes(f.name) || kind !== request.kind);

  return (
    <form
      className="mapping"
      aria-label={`Choose columns for ${pending.fileName}`}
      onSubmit={(e) => {
        e.preventDefault();
        const fieldMapping = Object.fromEntries(Object.entries(fields).filter(([, v]) => v));
        void actions.submitMapping(pending.id, {
          kindHint: kind,
          fieldMapping,
          csvColumns: request.needsCoordinates ? { lon, lat } : undefined,
        });
      }}
    >
      <h3>{pending.fileName}: choose columns</h3>
      {pending.reasons.length > 0 && <IssueList issues={pending.reasons} />}
      <label>
        Layer
        <select value={kind} data-field="layer" onChange={(e) => setKind(e.currentTarget.value as LayerKind)}>
          {LAYER_KINDS.map((k) => (
            <option key={k} value={k}>
              {LAYER_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {request.needsCoordinates && (
        <>
          <ColumnSelect field="lon" label="Longitude (x) column" value={lon} options={request.fields} onChange={setLon} />
          <ColumnSelect field="lat" label="Latitude (y) column" value={lat} options={request.fields} onChange={setLat} />
        </>
      )}
      {required.map((f) => (
        <ColumnSelect
          key={f.name}
          field={f.name}
          label={`${f.name} (${f.description})${f.required ? '' : ', optional'}`}
          value={fields[f.name] ?? ''}
          options={request.fields}
          onChange={(v) => setFields((m) => ({ ...m, [f.name]: v }))}
        />
      ))}
      {request.sample.length > 0 && (
        <details>
          <summary>First rows</summary>
          <table className="sample-rows">
            <thead>
              <tr>
                {request.fields.map((f) => (
                  <th key={f}>{f}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {request.sample.slice(0, 3).map((row, i) => (
                <tr key={i}>
                  {request.fields.map((f) => (
                    <td key={f}>{row[f]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={!ready}>
          Load with these columns
        </button>
        <button type="button" onClick={() => actions.dismissMapping(pending.id)}>
          Skip this file
        </button>
      </div>
    </form>
  );
}

function ColumnSelect({ field, label, value, options, onChange }: { field: string; label: string; value: string; options: string[]; onChange(v: string): void }) {
  return (
    <label>
      {label}
      <select value={value} data-field={field} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">— choose —</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
