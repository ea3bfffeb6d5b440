import { useRef, useState } from 'react';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import type { AppState } from '../../app/state';
import { scenarioFigures } from '../../app/scenarios/snapshot';
import {
  duplicateScenario,
  exportCurrent,
  importScenario,
  readScenario,
  removeScenario,
  renameCurrent,
  scenarioSession,
  switchScenario,
} from '../../app/scenarios/scenario-session';

/** Scenarios: saved automatically in this browser; list, rename, duplicate, delete, export, import, compare. */
export function ScenariosPanel() {
  const session = useStoreSlice(scenarioSession, (s) => s);
  const [message, setMessage] = useState<string | null>(null);
  const [compare, setCompare] = useState<[string, string]>(['', '']);
  const [figures, setFigures] = useState<{ names: [string, string]; rows: { label: string; a: string; b: string }[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const runCompare = async () => {
    const [a, b] = compare;
    const [sa, sb] = await Promise.all([readScenario(a), readScenario(b)]);
    if (!sa || !sb) return setMessage('One of the scenarios could not be read.');
    const fa = scenarioFigures(sa as AppState);
    const fb = scenarioFigures(sb as AppState);
    const labels = [...new Set([...fa.map((r) => r.label), ...fb.map((r) => r.label)])];
    const name = (id: string) => session.list.find((m) => m.id === id)?.name ?? id;
    setFigures({
      names: [name(a), name(b)],
      rows: labels.map((label) => ({ label, a: fa.find((r) => r.label === label)?.value ?? '—', b: fb.find((r) => r.label === label)?.value ?? '—' })),
    });
  };

  return (
    <div className="panel" data-testid="scenarios-panel">
      <p className="meta">
        Everything you load, set and compute is saved in this browser as you work (IndexedDB; nothing is uploaded). A reload
        brings back what was on screen.
      </p>
      <p className="meta" aria-live="polite" data-testid="save-status">
        {session.saving === 'pending' ? 'Unsaved changes; saving in a moment…' : session.saving === 'saving' ? 'Saving…' : session.saving === 'saved' ? `Saved “${session.current?.name ?? ''}”.` : session.saving === 'error' ? session.error : ''}
      </p>
      {session.notStored && (
        <div role="alert" className="failure" data-testid="not-stored">
          <p>The browser's storage refused these files, so the scenario is saved without them; after a reload, load them again:</p>
          <ul>
            {session.notStored.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="data" data-testid="scenario-list">
        <caption>Scenarios</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Saved</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {session.list.map((m) => (
            <tr key={m.id} aria-current={m.id === session.current?.id ? 'true' : undefined}>
              <td>
                {m.id === session.current?.id ? (
                  <RenameField id={m.id} name={m.name} />
                ) : (
                  m.name
                )}
              </td>
              <td className="meta nowrap">{new Date(m.updatedAt).toLocaleString('en-ZA', { dateStyle: 'short', timeStyle: 'short' })}</td>
              <td>
                {m.id === session.current?.id ? (
                  <span className="meta">open</span>
                ) : (
                  <div className="row">
                    <button type="button" onClick={() => void switchScenario(m.id)}>
                      Open
                    </button>
                    <button type="button" aria-label={`Delete ${m.name}`} onClick={() => window.confirm(`Delete “${m.name}”?`) && void removeScenario(m.id)}>
                      Delete
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={() => void duplicateScenario(`${session.current?.name ?? 'Scenario'} (copy)`)}>
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => {
            const { fileName, text } = exportCurrent();
            downloadText(fileName, text, 'application/json');
          }}
        >
          Export to a file
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import a file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json"
          hidden
          aria-label="Import a scenario file"
          data-testid="scenario-import"
          onChange={async (e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (!f) return;
            try {
              await importScenario(await f.text());
              setMessage(`Imported ${f.name}.`);
            } catch (err) {
              setMessage(`Could not import ${f.name}: ${err instanceof Error ? err.message : String(err)}`);
            }
          }}
        />
      </div>
      {message && (
        <p role="status" className="meta">
          {message}
        </p>
      )}
      <fieldset>
        <legend>Compare two scenarios</legend>
        <div className="row">
          {[0, 1].map((i) => (
            <label key={i}>
              {i === 0 ? 'First' : 'Second'}
              <select value={compare[i]} onChange={(e) => { const v = e.currentTarget.value; setCompare((c) => (i === 0 ? [v, c[1]] : [c[0], v])); }}>
                <option value="">— choose —</option>
                {session.list.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="button" disabled={!compare[0] || !compare[1]} onClick={() => void runCompare()}>
            Compare
          </button>
        </div>
        {figures && (
          <table className="data" data-testid="scenario-compare">
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">{figures.names[0]}</th>
                <th scope="col">{figures.names[1]}</th>
              </tr>
            </thead>
            <tbody>
              {figures.rows.map((r) => (
                <tr key={r.label} className={r.a !== r.b ? 'differs' : undefined}>
                  <td>{r.label}</td>
                  <td>{r.a}</td>
                  <td>{r.b}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </fieldset>
    </div>
  );
}

function RenameField({ id, name }: { id: string; name: string }) {
  const [draft, setDraft] = useState(name);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim()) void renameCurrent(id, draft.trim());
      }}
    >
      <label className="visually-hidden" htmlFor={`rename-${id}`}>
        Scenario name
      </label>
      <input id={`rename-${id}`} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} size={16} />
      <button type="submit" disabled={draft.trim() === name}>
        Rename
      </button>
    </form>
  );
}
