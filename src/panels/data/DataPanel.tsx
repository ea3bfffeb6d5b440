import { actions } from '../../app/actions';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { DatasetSummary } from './DatasetSummary';
import { FilePicker } from './FilePicker';
import { IssueList } from './IssueList';
import { MappingForm } from './MappingForm';

export function DataPanel() {
  const jobs = useStoreSlice(appStore, (s) => s.jobs);
  const failures = useStoreSlice(appStore, (s) => s.failures);
  const mappings = useStoreSlice(appStore, (s) => s.mappings);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  return (
    <div className="panel" data-testid="data-panel">
      <FilePicker />
      {jobs.length > 0 && (
        <section aria-label="Loading" className="jobs">
          {jobs.map((j) => (
            <div key={j.id} className="job" data-testid="load-job">
              <span className="file-name">{j.fileName}</span>
              <progress
                max={j.progress?.total || 1}
                value={j.progress ? j.progress.done : undefined}
                aria-label={`Loading ${j.fileName}${j.progress ? `: ${j.progress.phase}` : ''}`}
              />
              <span className="meta">{j.progress?.phase ?? 'reading'}</span>
              <button type="button" onClick={() => actions.cancelJob(j.id)}>
                Cancel
              </button>
            </div>
          ))}
        </section>
      )}
      {failures.map((f) => (
        <section key={f.id} role="alert" className="failure" data-testid="load-failure" data-file={f.fileName}>
          <h3>Could not load {f.fileName}</h3>
          <p className="meta">Nothing already loaded was changed.</p>
          <IssueList issues={f.errors} />
          <button type="button" onClick={() => actions.dismissFailure(f.id)}>
            Dismiss
          </button>
        </section>
      ))}
      {mappings.map((m) => (
        <MappingForm key={m.id} pending={m} />
      ))}
      <DatasetSummary dataset={dataset} />
    </div>
  );
}
