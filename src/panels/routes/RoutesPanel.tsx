import { useMemo, useState } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import { layerCollection } from '../../model/dataset';
import type { MobilePlan } from '../../engine/routing/mobile-plan';
import { routesFeatureCollection, routesGpx, stopsCsv, visitsCsv, visitsIcs } from '../../io/exporters/routes';
import { toGeoJson } from '../../io/exporters/geojson';
import { YearTimeline } from '../../charts/YearTimeline';
import { teamColour, UNREACHED_COLOUR } from '../../map/routes-layers';
import { TeamsEditor, NumberInput } from './TeamsEditor';
import { RunSheet } from './RunSheet';
import { cancelRoutes, currentInputs, runRoutes, selectDay, setRoutesSettings } from './routes-runner';
import { duration, longDate, runSheet, stepDay, teamSummaries, timelineRows, verifierHeadline } from './routes-view';
import './routes.css';

const int = (n: number) => Math.round(n).toLocaleString('en-ZA');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'team';

export function RoutesPanel() {
  const routes = useStoreSlice(appStore, (s) => s.routes);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const { settings, status, progress, result } = routes;
  // the inputs depend on the data, teams and settings only: not recomputed on each progress report
  const inputs = useMemo(() => currentInputs({ ...appStore.get(), dataset, routes }), [dataset, routes.teams, routes.settings]); // eslint-disable-line react-hooks/exhaustive-deps
  const stale = !!routes.result && inputs.key !== routes.inputKey;
  const hasThusong = inputs.centres.length > 0;

  return (
    <div className="panel routes-panel" data-testid="routes-panel" data-status={status} data-stale={stale}>
      <p className="meta">
        Annual routes for mobile Thusong teams: stops so that every settlement the service is for is within reach of one, day routes from each team’s base,
        and a working-day calendar for the year (weekends and South African public holidays off). A verifier then checks the plan independently.
      </p>

      <fieldset>
        <legend>Who the mobile service is for</legend>
        <label className="check">
          <input type="radio" name="routes-target" checked={settings.target === 'beyond-thusong' && hasThusong} disabled={!hasThusong} onChange={() => setRoutesSettings({ target: 'beyond-thusong' })} />
          Settlements farther than
          <NumberInput label="minutes from a fixed Thusong centre" value={settings.thusongMinutes} min={1} max={600} step={5} onCommit={(v) => setRoutesSettings({ thusongMinutes: v })} />
          min from a fixed Thusong centre
        </label>
        <label className="check">
          <input type="radio" name="routes-target" checked={settings.target === 'all' || !hasThusong} onChange={() => setRoutesSettings({ target: 'all' })} />
          All settlements
        </label>
        {!hasThusong && <p className="hint">No Thusong layer is loaded, so every settlement is a target.</p>}
        <label className="check">
          Every target settlement within
          <NumberInput label="minutes of a stop (reach time)" value={settings.reachMinutes} min={1} max={240} step={5} onCommit={(v) => setRoutesSettings({ reachMinutes: v })} />
          min of a stop
        </label>
      </fieldset>

      <TeamsEditor teams={inputs.drafts} centres={inputs.centres} isDefault={!routes.teams} open={!result} />

      <fieldset>
        <legend>The year</legend>
        <label className="check">
          Year
          <NumberInput label="Year to plan" value={settings.year} min={1900} max={2199} step={1} integer onCommit={(v) => setRoutesSettings({ year: v })} />
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.overnight} onChange={(e) => setRoutesSettings({ overnight: e.currentTarget.checked })} />
          Overnight trips for stops too far for a day (the team sleeps near a stop)
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.repeatLarge} onChange={(e) => setRoutesSettings({ repeatLarge: e.currentTarget.checked })} />
          Visit large stops more than once (up to 4 times a year)
        </label>
      </fieldset>

      <div className="row" aria-live="polite">
        {status === 'running' ? (
          <>
            <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={`Routes: ${progress?.phase ?? 'planning'}`} />
            <span className="meta">{progress?.phase ?? 'planning'}…</span>
            <button type="button" onClick={cancelRoutes}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="primary" onClick={() => runRoutes()} disabled={!layerCollection(dataset, 'settlements')}>
            Plan the year
          </button>
        )}
        {stale && status !== 'running' && (
          <span className="badge warn" data-testid="routes-stale">
            out of date
          </span>
        )}
      </div>
      {stale && status !== 'running' && <p className="hint">The data, teams or settings changed since this plan was made. Press “Plan the year” to update it.</p>}
      {!result && status === 'idle' && !routes.problems && <p className="hint">A plan takes from a few seconds to a minute; it runs in the background.</p>}
      {routes.problems && routes.problems.length > 0 && (
        <div role="alert" className="failure">
          <h3>Fix these first</h3>
          <ul className="issues">
            {routes.problems.map((p) => (
              <li key={p} className="issue issue-error">
                {p}
              </li>
            ))}
          </ul>
        </div>
      )}
      {routes.error && (
        <p role="alert" className="failure">
          {routes.error}
        </p>
      )}

      {result && <RoutesResults mp={result} selected={routes.selected} />}
    </div>
  );
}

function RoutesResults({ mp, selected }: { mp: MobilePlan; selected?: { team: number; date: string } }) {
  const verdict = useMemo(() => verifierHeadline(mp), [mp]);
  const teams = useMemo(() => teamSummaries(mp), [mp]);
  const rows = useMemo(() => timelineRows(mp), [mp]);
  const sheet = useMemo(() => (selected ? runSheet(mp, selected.team, selected.date) : undefined), [mp, selected]);
  const [calendarTeam, setCalendarTeam] = useState(0);
  const total = mp.plan.totals;
  const year = mp.year;
  const teamId = (t: number) => mp.teams[t]?.id ?? '';
  const stopsUnvisited = mp.stops.id.length - total.stopsVisited;

  return (
    <section aria-label="Routes results" data-testid="routes-results">
      <div className={verdict.ok ? 'verdict ok' : 'verdict not-ok'} role="status" data-testid="verifier" data-ok={verdict.ok}>
        <strong>{verdict.text}.</strong>{' '}
        <span className="meta">
          The verifier checked {int(mp.verification.checked.settlements)} target settlements, {int(mp.verification.checked.visits)} visits on {int(mp.verification.checked.days)}{' '}
          team-days.
        </span>
      </div>
      {verdict.unreached.length > 0 && (
        <details open={verdict.unreached.length <= 12} data-testid="unreached">
          <summary>
            {verdict.unreached.length} not reached ({int(verdict.unreached.reduce((a, u) => a + u.population, 0))} people), with the reason
          </summary>
          <ul className="issues">
            {verdict.unreached.slice(0, 200).map((u) => (
              <li key={u.id} className="issue issue-error">
                <span className="issue-where">
                  {u.name} ({u.id}), {int(u.population)} people
                </span>
                <span>{u.reason}</span>
              </li>
            ))}
          </ul>
          {verdict.unreached.length > 200 && <p className="meta">… and {verdict.unreached.length - 200} more; the summary in the exports lists all.</p>}
        </details>
      )}
      {verdict.otherProblems.length > 0 && (
        <details data-testid="other-problems">
          <summary>{verdict.otherProblems.length} other findings of the verifier</summary>
          <ul className="issues">
            {verdict.otherProblems.slice(0, 100).map((p, i) => (
              <li key={i} className="issue">
                {p}
              </li>
            ))}
          </ul>
        </details>
      )}

      <h2>The plan for {year}</h2>
      <p className="meta" data-testid="routes-summary">
        {int(mp.targetCount)} target settlements
        {mp.allSettlements ? '' : ` (${int(mp.servedByThusong)} within ${mp.thusongMinutes} min of a Thusong centre left out)`}; {int(mp.stops.id.length)} stops within {mp.reachMinutes} min of them
        {stopsUnvisited > 0 ? ` (${stopsUnvisited} never visited)` : ''}; {int(total.visits)} visits on {int(total.daysUsed)} team-days; {int(total.km)} km and {int(total.driveMinutes / 60)} h of driving.{' '}
        {mp.travel.method === 'network' ? 'Drive times over the road network; km along the straight line × ' + mp.detourFactor + '.' : `Estimated travel: straight line × ${mp.detourFactor} at ${mp.travel.averageKmh} km/h (no roads layer).`}
      </p>
      <table className="data" data-testid="team-table">
        <caption>Per team</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Stops</th>
            <th scope="col">Visits</th>
            <th scope="col" title="days on the road of the working days in the year">Days used</th>
            <th scope="col">km</th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.team}>
              <td>
                <span className="swatch" style={{ background: teamColour(t.team) }} aria-hidden="true" /> {t.id}
              </td>
              <td>{t.stops}</td>
              <td>{t.visits}</td>
              <td>
                {t.daysUsed} <span className="meta">of {t.workingDays}</span>
              </td>
              <td>{int(t.km)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <p className="legend-classes meta" aria-label="Map key">
        <span>
          <span className="swatch" style={{ background: '#fff', border: `3px solid ${teamColour(0)}` }} aria-hidden="true" /> team base
        </span>
        <span>
          <span className="swatch" style={{ background: teamColour(0) }} aria-hidden="true" /> stop, in its team’s colour
        </span>
        <span>
          <span className="swatch" style={{ background: '#fff', border: `2px solid ${UNREACHED_COLOUR}` }} aria-hidden="true" /> settlement not reached
        </span>
        <span>selected day: a wide line, its stops light (first) to dark (last)</span>
      </p>

      <h3>The year, per team</h3>
      <YearTimeline
        year={year}
        rows={rows.map((r) => ({
          key: r.team,
          label: r.id,
          colour: teamColour(r.team),
          off: r.off,
          used: r.used.map((u) => ({ day: u.day, date: u.date, title: `${r.id}, ${longDate(u.date)}: ${u.stops} stop${u.stops === 1 ? '' : 's'}, ${u.km.toFixed(0)} km` })),
        }))}
        selected={selected ? { row: selected.team, date: selected.date } : undefined}
        onSelect={selectDay}
      />

      <DaySelector mp={mp} selected={selected} />
      {sheet ? <RunSheet sheet={sheet} /> : <p className="hint">Choose a day to see its run-sheet.</p>}

      <h3>Downloads</h3>
      <div className="row">
        <button type="button" onClick={() => downloadText(`mobile-thusong-visits-${year}.csv`, visitsCsv(mp), 'text/csv')}>
          Visits (CSV)
        </button>
        <button type="button" onClick={() => downloadText(`mobile-thusong-stops-${year}.csv`, stopsCsv(mp), 'text/csv')}>
          Stops (CSV)
        </button>
        <button type="button" onClick={() => downloadText(`mobile-thusong-routes-${year}.geojson`, toGeoJson(routesFeatureCollection(mp)), 'application/geo+json')}>
          Routes and stops (GeoJSON)
        </button>
      </div>
      <div className="row">
        <label className="inline">
          Calendar for
          <select value={calendarTeam} onChange={(e) => setCalendarTeam(Number(e.currentTarget.value))}>
            {mp.teams.map((t, i) => (
              <option key={i} value={i}>
                {t.id}
              </option>
            ))}
            <option value={-1}>every team</option>
          </select>
        </label>
        <button
          type="button"
          onClick={() => {
            const filter = calendarTeam >= 0 ? { team: calendarTeam } : undefined;
            downloadText(`mobile-thusong-${calendarTeam >= 0 ? slug(teamId(calendarTeam)) : 'all-teams'}-${year}.ics`, visitsIcs(mp, filter), 'text/calendar');
          }}
        >
          Calendar (.ics)
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!selected}
          onClick={() => selected && downloadText(`mobile-thusong-${slug(teamId(selected.team))}-${selected.date}.gpx`, routesGpx(mp, { team: selected.team, date: selected.date }), 'application/gpx+xml')}
        >
          This day’s route (GPX)
        </button>
        <button type="button" onClick={() => downloadText(`mobile-thusong-routes-${year}.gpx`, routesGpx(mp), 'application/gpx+xml')}>
          All routes (GPX)
        </button>
      </div>
      <p className="meta">
        Planned in {mp.seconds.total.toFixed(1)} s. Lines on the map join the stops straight; the drive times follow the roads.
      </p>
    </section>
  );
}

function DaySelector({ mp, selected }: { mp: MobilePlan; selected?: { team: number; date: string } }) {
  const team = selected?.team ?? 0;
  const days = mp.plan.teams[team]?.days ?? [];
  const prev = selected ? stepDay(mp, team, selected.date, -1) : undefined;
  const next = selected ? stepDay(mp, team, selected.date, 1) : undefined;
  return (
    <fieldset className="day-selector" data-testid="day-selector">
      <legend>Day</legend>
      <div className="row">
        <label className="inline">
          Team
          <select
            value={team}
            onChange={(e) => {
              const t = Number(e.currentTarget.value);
              const d = mp.plan.teams[t]?.days;
              // the same date if that team works it, else its first day on the road after it
              const date = d?.find((x) => x.date === selected?.date)?.date ?? d?.find((x) => !selected || x.date >= selected.date)?.date ?? d?.[0]?.date;
              if (date) selectDay(t, date);
            }}
          >
            {mp.plan.teams.map((t) => (
              <option key={t.team} value={t.team} disabled={!t.days.length}>
                {t.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon" aria-label="Previous day on the road" disabled={!prev} onClick={() => prev && selectDay(team, prev)}>
          ◀
        </button>
        <label className="inline">
          Date
          <select value={selected?.date ?? ''} onChange={(e) => selectDay(team, e.currentTarget.value)} data-testid="day-select">
            {!selected && <option value="">—</option>}
            {days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.date} · {d.stops.length} stop{d.stops.length === 1 ? '' : 's'}
                {d.tripDays > 1 ? ` · trip day ${d.tripDay + 1}/${d.tripDays}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon" aria-label="Next day on the road" disabled={!next} onClick={() => next && selectDay(team, next)}>
          ▶
        </button>
      </div>
      {selected && (
        <p className="meta">
          {longDate(selected.date)}: {plural(days.find((d) => d.date === selected.date)?.stops.length ?? 0, 'stop')},{' '}
          {duration(days.find((d) => d.date === selected.date)?.driveMinutes ?? 0)} driving.
        </p>
      )}
    </fieldset>
  );
}
