import { actions } from '../../app/actions';
import { LAYER_KINDS, LAYER_LABELS, type Dataset, type LayerKind, type LoadedFile } from '../../model/layers';
import { unionExtent } from '../../model/dataset';
import type { Extent } from '../../model/units';
import { IssueList } from './IssueList';

const fmtExtent = (e?: Extent) => (e ? `${e[0].toFixed(3)}, ${e[1].toFixed(3)} → ${e[2].toFixed(3)}, ${e[3].toFixed(3)}` : '—');
const fmtInt = (n: number) => n.toLocaleString('en-ZA');
const fmtBytes = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Per layer: files, feature counts, extent, fields and warnings; each file can be reassigned or removed. */
export function DatasetSummary({ dataset }: { dataset: Dataset }) {
  return (
    <section aria-labelledby="summary-h" className="summary" data-testid="dataset-summary">
      <h2 id="summary-h">Dataset</h2>
      {LAYER_KINDS.map((kind) => (
        <LayerSummary key={kind} kind={kind} files={dataset.files.filter((f) => f.kind === kind)} />
      ))}
    </section>
  );
}

function LayerSummary({ kind, files }: { kind: LayerKind; files: LoadedFile[] }) {
  const features = files.reduce((n, f) => n + f.collection.features.length, 0);
  const warnings = files.reduce((n, f) => n + f.warnings.length, 0);
  const fields = [...new Set(files.flatMap((f) => f.fields))];
  return (
    <div className={`layer-summary ${files.length ? '' : 'empty'}`} data-layer={kind} data-features={features}>
      <h3>
        {LAYER_LABELS[kind]} <span className="count">{files.length ? `${fmtInt(features)} features` : 'not loaded'}</span>
        {warnings > 0 && <span className="badge warn">{fmtInt(warnings)} warnings</span>}
      </h3>
      {files.length > 0 && (
        <>
          <p className="meta">
            Extent {fmtExtent(unionExtent(files.map((f) => f.extent)))} · fields: {fields.join(', ') || '—'}
          </p>
          <ul className="files">
            {files.map((f) => (
              <FileRow key={f.id} file={f} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function FileRow({ file }: { file: LoadedFile }) {
  return (
    <li className="file" data-file={file.fileName}>
      <div className="file-name" title={file.fileName}>
        {file.fileName}
      </div>
      <div className="meta">
        {fmtInt(file.collection.features.length)} features · {fmtBytes(file.bytes)} · from {file.sourceCrs}
      </div>
      <div className="row">
        <label className="reassign">
          <span>Layer</span>
          <select
            value={file.kind}
            disabled={!actions.canReassign(file.id)}
            title={actions.canReassign(file.id) ? undefined : 'Restored from a saved scenario: add the file again to load it as another layer'}
            onChange={(e) => void actions.reassignFile(file.id, e.currentTarget.value as LayerKind)}
          >
            {LAYER_KINDS.map((k) => (
              <option key={k} value={k}>
                {LAYER_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon" aria-label={`Remove ${file.fileName}`} onClick={() => actions.removeFile(file.id)}>
          ✕
        </button>
      </div>
      {file.warnings.length > 0 && (
        <details>
          <summary>
            {fmtInt(file.warnings.length)} warning{file.warnings.length === 1 ? '' : 's'}
          </summary>
          <IssueList issues={file.warnings} />
        </details>
      )}
    </li>
  );
}
