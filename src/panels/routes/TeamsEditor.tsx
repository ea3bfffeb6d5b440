import { useState } from 'react';
import type { TeamDraft } from './routes-state';
import { newTeam, parseDaysOff, type ThusongCentre } from './routes-view';
import { editTeams, resetTeams } from './routes-runner';

let nextKey = 1;

/** The teams: name, base (a Thusong centre or typed coordinates), hours, days per week, start time and days off. */
export function TeamsEditor({ teams, centres, isDefault, open }: { teams: TeamDraft[]; centres: ThusongCentre[]; isDefault: boolean; open: boolean }) {
  const patch = (key: string, p: Partial<TeamDraft>) => editTeams((ts) => ts.map((t) => (t.key === key ? { ...t, ...p } : t)), `${key}:${Object.keys(p).join()}`);
  return (
    // open until there is a plan to look at; the user can open it again
    <details className="teams-editor" open={open} data-testid="teams-editor">
      <summary>
        Teams: {teams.length}
        {isDefault ? ', one per Thusong centre' : ''}
      </summary>
      <p className="hint">Each team sets out from its base on its working days (weekends, public holidays and its days off are off).</p>
      <table className="data teams">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Base</th>
            <th scope="col" title="hours per day">Hours</th>
            <th scope="col" title="working days per week, from Monday">Days/wk</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        {teams.map((t, i) => (
          <tbody key={t.key} data-team={i}>
            <tr>
              <td>
                <input aria-label={`Team ${i + 1} name`} value={t.name} size={9} onChange={(e) => patch(t.key, { name: e.currentTarget.value })} aria-invalid={!t.name.trim()} />
              </td>
              <td>
                <select
                  aria-label={`Team ${i + 1} base`}
                  value={t.base.kind === 'thusong' ? `c:${t.base.centre}` : 'point'}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    patch(t.key, { base: v === 'point' ? { kind: 'point', lon: NaN, lat: NaN } : { kind: 'thusong', centre: v.slice(2) } });
                  }}
                >
                  {centres.map((c) => (
                    <option key={c.id} value={`c:${c.id}`}>
                      {c.name || c.id}
                    </option>
                  ))}
                  {t.base.kind === 'thusong' && !centres.some((c) => t.base.kind === 'thusong' && c.id === t.base.centre) && <option value={`c:${t.base.centre}`}>{t.base.centre} (missing)</option>}
                  <option value="point">Coordinates…</option>
                </select>
              </td>
              <td>
                <NumberInput label={`Team ${i + 1} hours per day`} value={t.hoursPerDay} min={1} max={24} step={0.5} onCommit={(v) => patch(t.key, { hoursPerDay: v })} />
              </td>
              <td>
                <NumberInput label={`Team ${i + 1} days per week`} value={t.daysPerWeek} min={1} max={7} step={1} integer onCommit={(v) => patch(t.key, { daysPerWeek: v })} />
              </td>
              <td>
                <button type="button" className="icon" aria-label={`Remove team ${t.name || i + 1}`} title="Remove this team" onClick={() => editTeams((ts) => ts.filter((x) => x.key !== t.key))}>
                  ✕
                </button>
              </td>
            </tr>
            <tr className="team-details">
              <td colSpan={5}>
                <div className="row">
                  {t.base.kind === 'point' && (
                    <>
                      <NumberInput label="lon" value={t.base.lon} min={-180} max={180} step={0.0001} visibleLabel onCommit={(v) => patch(t.key, { base: { kind: 'point', lon: v, lat: t.base.kind === 'point' ? t.base.lat : NaN } })} />
                      <NumberInput label="lat" value={t.base.lat} min={-90} max={90} step={0.0001} visibleLabel onCommit={(v) => patch(t.key, { base: { kind: 'point', lat: v, lon: t.base.kind === 'point' ? t.base.lon : NaN } })} />
                    </>
                  )}
                  <label className="inline">
                    starts
                    <input type="time" value={t.startTime} onChange={(e) => patch(t.key, { startTime: e.currentTarget.value })} aria-label={`Team ${i + 1} start time`} />
                  </label>
                  <DaysOffInput index={i} value={t.daysOff} onCommit={(daysOff) => patch(t.key, { daysOff })} />
                </div>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
      <div className="row">
        <button
          type="button"
          onClick={() => {
            const used = new Set(teams.map((t) => t.name));
            let n = teams.length + 1;
            while (used.has(`Team ${n}`)) n++;
            editTeams((ts) => [...ts, newTeam(`new-${nextKey++}`, `Team ${n}`, centres[0])]);
          }}
        >
          Add a team
        </button>
        {!isDefault && centres.length > 0 && (
          <button type="button" onClick={resetTeams}>
            One team per Thusong centre
          </button>
        )}
      </div>
    </details>
  );
}

/** A number that is committed only when valid; the draft keeps what the user is typing ("7."). */
export function NumberInput({ label, value, min, max, step, integer, visibleLabel, onCommit }: { label: string; value: number; min: number; max: number; step: number; integer?: boolean; visibleLabel?: boolean; onCommit(v: number): void }) {
  const [draft, setDraft] = useState(Number.isFinite(value) ? String(value) : '');
  const [shown, setShown] = useState(value);
  if (shown !== value && !(Number.isNaN(shown) && Number.isNaN(value))) {
    // the value changed from outside (a reset): show it
    setShown(value);
    setDraft(Number.isFinite(value) ? String(value) : '');
  }
  const n = Number(draft);
  const ok = draft.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
  const input = (
    <input
      type="number"
      value={draft}
      min={min}
      max={max}
      step={step}
      aria-label={visibleLabel ? undefined : label}
      aria-invalid={!ok}
      onChange={(e) => {
        const text = e.currentTarget.value;
        setDraft(text);
        const v = Number(text);
        if (text.trim() !== '' && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v)) && v !== value) {
          setShown(v);
          onCommit(v);
        }
      }}
    />
  );
  return visibleLabel ? (
    <label className="inline">
      {label}
      {input}
    </label>
  ) : (
    input
  );
}

function DaysOffInput({ index, value, onCommit }: { index: number; value: string[]; onCommit(dates: string[]): void }) {
  const [draft, setDraft] = useState(value.join(', '));
  const [shown, setShown] = useState(value);
  if (shown.join() !== value.join()) {
    // changed from outside (undo): show it
    setShown(value);
    setDraft(value.join(', '));
  }
  const parsed = parseDaysOff(draft);
  return (
    <label className="inline days-off">
      days off
      <input
        value={draft}
        placeholder="YYYY-MM-DD, …"
        aria-label={`Team ${index + 1} days off (dates separated by commas)`}
        aria-invalid={parsed.invalid.length > 0}
        title={parsed.invalid.length ? `Not dates: ${parsed.invalid.join(', ')}` : 'Dates separated by commas, e.g. 2027-06-21, 2027-12-27'}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => {
          // what is not a date goes in too, so "Plan the year" says which team's entry is wrong
          const next = [...parsed.dates, ...parsed.invalid];
          if (next.join() !== value.join()) {
            setShown(next);
            onCommit(next);
          }
        }}
      />
    </label>
  );
}
