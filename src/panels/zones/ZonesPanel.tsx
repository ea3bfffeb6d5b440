import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import type { ZonePlan, ZonesPrepared } from '../../engine/location';
import { toGeoJson } from '../../io/exporters/geojson';
import { newCentresCsv, zonesComparisonCsv, zonesCsv, zonesFeatureCollection } from '../../io/exporters/zones';
import { COVERAGE_STATUS_LABELS, ZONES_COLOURS } from '../../map/zones-layers';
import { AuditSection } from './AuditSection';
import { NumberField } from '../NumberField';
import { RelocationSection } from './RelocationSection';
import { cancelZones, removePoint, runZones, setCandidateSettings, setZonesSettings, settingsProblems } from './zones-runner';
import type { ZonesSection } from './zones-state';
import { groupOptions, objectiveSummary, OBJECTIVE_LABELS, planZoneRows, share, siteKindLabel, sortedZones } from './zones-view';
import './zones.css';

const int = (n: number) => Math.round(n).toLocaleString('en-ZA');
const minutes = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} min` : '—');

const SECTIONS: { id: ZonesSection; label: string }[] = [
  { id: 'audit', label: 'Audit' },
  { id: 'optimise', label: 'Optimise' },
  { id: 'centres', label: 'New centres' },
  { id: 'relocation', label: 'Lease relocation' },
];

export function ZonesPanel() {
  const zones = useStoreSlice(appStore, (s) => s.zones);
  const { section, status, progress } = zones;
  const setSection = (id: ZonesSection) => appStore.set((s) => ({ ...s, zones: { ...s.zones, section: id } }));
  return (
    <div className="panel" data-testid="zones-panel" data-status={status}>
      <p className="meta">
        Where to bring offices together (Thusong zones) and where to put new centres: check who already shares a site, choose zones for an
        objective with a proven bound, and rank moves for offices whose leases end.
      </p>
      <div className="zones-sections" role="group" aria-label="Zones tasks">
        {SECTIONS.map((s) => (
          <button key={s.id} type="button" aria-pressed={section === s.id} onClick={() => setSection(s.id)} data-section={s.id}>
            {s.label}
          </button>
        ))}
      </div>
      <div className="row" aria-live="polite" data-testid="zones-status">
        {status === 'running' ? (
          <>
            <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={`Zones: ${progress?.phase ?? 'running'}`} />
            <span className="meta">{progress?.phase ?? 'running'}…</span>
            <button type="button" onClick={cancelZones}>
              Cancel
            </button>
          </>
        ) : (
          <TravelSummary prepared={zones.prepared} />
        )}
      </div>
      {zones.error && (
        <p role="alert" className="failure">
          {zones.error}
        </p>
      )}
      {section === 'audit' && <AuditSection />}
      {section === 'optimise' && <OptimiseSection />}
      {section === 'centres' && <CentresSection />}
      {section === 'relocation' && <RelocationSection />}
    </div>
  );
}

function TravelSummary({ prepared }: { prepared?: ZonesPrepared }) {
  if (!prepared) return <span className="meta">Travel times are computed in the background while this tab is open.</span>;
  const t = prepared.travel;
  return (
    <span className="meta" data-testid="zones-travel">
      Travel times from {int(prepared.settlements.count)} settlements to {int(prepared.sites.count)} places{' '}
      {t.method === 'network' ? `over the road network (${int(t.nodeCount)} nodes)` : 'estimated from straight-line distance'}.
    </span>
  );
}

function OptimiseSection() {
  const zones = useStoreSlice(appStore, (s) => s.zones);
  const { settings, candidates, plan, prepared, status } = zones;
  const problems = settingsProblems(settings);
  const stale = plan && zones.planKey && zones.preparedKey && !zones.planKey.startsWith(zones.preparedKey);
  return (
    <>
      <fieldset>
        <legend>Objective</legend>
        <label>
          Optimise
          <select value={settings.objective} onChange={(e) => setZonesSettings({ objective: e.currentTarget.value as typeof settings.objective })}>
            {Object.entries(OBJECTIVE_LABELS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <NumberField label="New zones (k)" value={settings.newZones} min={0} max={500} step={1} disabled={settings.objective === 'lscp'} onCommit={(v) => setZonesSettings({ newZones: v })} testId="zones-k" />
          <NumberField label="T (minutes)" value={settings.minutes} min={1} max={600} step={5} onCommit={(v) => setZonesSettings({ minutes: v })} testId="zones-t" />
        </div>
        <label>
          A zone brings together
          <select value={settings.group} onChange={(e) => setZonesSettings({ group: e.currentTarget.value })}>
            {groupOptions().map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.fixThusong} onChange={(e) => setZonesSettings({ fixThusong: e.currentTarget.checked })} />
          Keep the existing Thusong centres (fixed sites, besides the k new zones)
        </label>
        <label className="check">
          <input type="checkbox" checked={settings.existingOnly} onChange={(e) => setZonesSettings({ existingOnly: e.currentTarget.checked })} />
          Only places that offer it all today can serve (no moves)
        </label>
      </fieldset>
      <CandidatesFieldset />
      <div className="row">
        <button type="button" className="primary" disabled={status === 'running' || problems.length > 0} onClick={() => runZones({ plan: true })} data-testid="zones-run">
          Run
        </button>
        <NumberField label="solver budget (seconds)" value={settings.timeLimitSeconds} min={1} max={300} step={1} onCommit={(v) => setZonesSettings({ timeLimitSeconds: v })} inline />
      </div>
      {problems.length > 0 && <p className="meta">{problems.join(' ')}</p>}
      {stale && <p className="meta">The candidates changed since this plan; it is being solved again.</p>}
      {plan && prepared && <PlanResults plan={plan} prepared={prepared} candidatesNote={candidates.thusongOffersAll ? '' : ' (Thusong centres offer only the offices beside them)'} />}
    </>
  );
}

function CandidatesFieldset() {
  const { candidates, points, addingPoints } = useStoreSlice(appStore, (s) => s.zones);
  const setAdding = (on: boolean) => appStore.set((s) => ({ ...s, zones: { ...s.zones, addingPoints: on } }));
  return (
    <fieldset>
      <legend>Candidate places</legend>
      <label className="check">
        <input type="checkbox" checked={candidates.officeSites} onChange={(e) => setCandidateSettings({ officeSites: e.currentTarget.checked })} />
        Existing office sites
      </label>
      <label className="check">
        <input type="checkbox" checked={candidates.thusong} onChange={(e) => setCandidateSettings({ thusong: e.currentTarget.checked })} />
        Existing Thusong centres
      </label>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={candidates.settlementsMinPopulation !== null} onChange={(e) => setCandidateSettings({ settlementsMinPopulation: e.currentTarget.checked ? 5000 : null })} />
          Settlements
        </label>
        <NumberField label="of at least (people)" value={candidates.settlementsMinPopulation ?? 5000} min={0} max={10_000_000} step={1000} disabled={candidates.settlementsMinPopulation === null} onCommit={(v) => setCandidateSettings({ settlementsMinPopulation: v })} inline />
      </div>
      <label className="check">
        <input type="checkbox" checked={candidates.thusongOffersAll} onChange={(e) => setCandidateSettings({ thusongOffersAll: e.currentTarget.checked })} />
        Thusong centres offer every service
      </label>
      <label className={`check${addingPoints ? ' zones-adding' : ''}`}>
        <input type="checkbox" checked={addingPoints} onChange={(e) => setAdding(e.currentTarget.checked)} data-testid="zones-add-points" />
        Add candidates by clicking the map
      </label>
      {points.length > 0 && (
        <ul className="zones-points" aria-label="Added candidate points" data-testid="zones-added-points">
          {points.map((p) => (
            <li key={p.id}>
              <span>
                <span className="swatch" style={{ background: ZONES_COLOURS.added }} aria-hidden="true" /> {p.name} ({p.lon.toFixed(4)}, {p.lat.toFixed(4)})
              </span>
              <button type="button" className="icon" onClick={() => removePoint(p.id)} aria-label={`Remove ${p.name}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function PlanResults({ plan, prepared, candidatesNote }: { plan: ZonePlan; prepared: ZonesPrepared; candidatesNote: string }) {
  const o = objectiveSummary(plan);
  const T = plan.options.minutes;
  const province = plan.comparison[plan.comparison.length - 1];
  const rows = plan.comparison.slice(0, -1);
  return (
    <section aria-label="Zones plan" data-testid="zones-results">
      <h2>
        {plan.zones.length} zones for {plan.groupLabel}
        {candidatesNote}
      </h2>
      <dl className="zones-objective" data-testid="zones-objective" data-gap={o.gap} data-objective={plan.result.objective} data-bound={plan.result.bound}>
        <dt>Objective</dt>
        <dd>
          {o.value} <span className="meta">{o.meaning}</span>
        </dd>
        <dt>Bound ({o.boundKind})</dt>
        <dd>{o.bound}</dd>
        <dt>Gap</dt>
        <dd data-testid="zones-gap">
          {o.gapText} <span className="meta">{o.optimal ? 'proven optimal' : 'the answer is within this of the best possible'}</span>
        </dd>
      </dl>
      <p className="meta">
        {plan.result.method}; {plan.result.seconds.toFixed(1)} s.
        {plan.result.uncoverable.length > 0 && ` ${int(plan.result.uncoverablePopulation)} people in ${plan.result.uncoverable.length} settlements cannot be served by any candidate${plan.result.model === 'pmedian' ? '' : ` within ${T} min`}.`}
      </p>
      {plan.notes.concat(prepared.notes).map((n) => (
        <p key={n} className="meta">
          {n}
        </p>
      ))}
      <MapKey T={T} rings={[[ZONES_COLOURS.zone, 'proposed zone'], [ZONES_COLOURS.fixed, 'fixed site']]} />
      <table className="shares" data-testid="zones-province">
        <caption className="visually-hidden">The province before and after</caption>
        <tbody>
          <tr>
            <th scope="row">within {T} min today</th>
            <td>{share(province.withinBefore, province.population)}</td>
            <td className="meta">mean trip {minutes(province.meanMinutesBefore)}</td>
          </tr>
          <tr>
            <th scope="row">with the zones</th>
            <td>{share(province.withinAfter, province.population)}</td>
            <td className="meta">mean trip {minutes(province.meanMinutesAfter)}</td>
          </tr>
        </tbody>
      </table>
      <details open>
        <summary>The zones</summary>
        <table className="data" data-testid="zones-list">
          <thead>
            <tr>
              <th scope="col">Zone</th>
              <th scope="col">Municipality</th>
              <th scope="col">People served</th>
            </tr>
          </thead>
          <tbody>
            {sortedZones(plan).map((z) => {
              const m = prepared.siteMunicipality[z.site];
              return (
                <tr key={z.site}>
                  <td title={prepared.sites.id[z.site]}>
                    {prepared.sites.name[z.site]} <span className="meta">{z.fixed ? 'fixed' : siteKindLabel(prepared, z.site)}</span>
                  </td>
                  <td>{m >= 0 ? prepared.municipalities.name[m] : '—'}</td>
                  <td>{int(z.populationServed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
      <table className="data" data-testid="zones-comparison">
        <caption>Within {T} min, before and after</caption>
        <thead>
          <tr>
            <th scope="col">Municipality</th>
            <th scope="col">People</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Mean trip</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.municipality}>
              <td title={r.municipality}>{r.name}</td>
              <td>{int(r.population)}</td>
              <td>{share(r.withinBefore, r.population)}</td>
              <td>{share(r.withinAfter, r.population)}</td>
              <td>
                {minutes(r.meanMinutesBefore)} → {minutes(r.meanMinutesAfter)}
              </td>
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Province</th>
            <td>{int(province.population)}</td>
            <td>{share(province.withinBefore, province.population)}</td>
            <td>{share(province.withinAfter, province.population)}</td>
            <td>
              {minutes(province.meanMinutesBefore)} → {minutes(province.meanMinutesAfter)}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="meta">Before: the places that serve {plan.groupLabel} today. After: those and the zones.</p>
      <div className="row">
        <button type="button" onClick={() => downloadText('zones.csv', zonesCsv(planZoneRows(prepared, plan)), 'text/csv')}>
          Zones (CSV)
        </button>
        <button type="button" onClick={() => downloadText('zones.geojson', toGeoJson(zonesFeatureCollection(planZoneRows(prepared, plan))), 'application/geo+json')}>
          Zones (GeoJSON)
        </button>
        <button type="button" onClick={() => downloadText('zones-comparison.csv', zonesComparisonCsv(plan.comparison, T), 'text/csv')}>
          Comparison (CSV)
        </button>
      </div>
    </section>
  );
}

function CentresSection() {
  const { plan, prepared, status } = useStoreSlice(appStore, (s) => s.zones);
  if (!plan || !prepared) {
    return (
      <section aria-label="New Thusong centres">
        <p>
          For each local municipality without a Thusong centre, the best place inside it for the objective chosen under Optimise, and the
          province&apos;s coverage before and after.
        </p>
        <button type="button" className="primary" disabled={status === 'running'} onClick={() => runZones({ plan: true })}>
          Run
        </button>
      </section>
    );
  }
  const nc = plan.newCentres;
  const T = plan.options.minutes;
  const rowsFor = () =>
    nc.rows.map((r) => ({
      municipality: r.code,
      name: r.name,
      siteId: r.site >= 0 ? prepared.sites.id[r.site] : '',
      siteName: r.site >= 0 ? prepared.sites.name[r.site] : '',
      lon: r.site >= 0 ? prepared.sites.lon[r.site] : NaN,
      lat: r.site >= 0 ? prepared.sites.lat[r.site] : NaN,
      populationGained: r.populationGained,
      personMinutesSaved: r.personMinutesSaved,
      population: r.population,
      withinBefore: r.withinBefore,
      withinAfter: r.withinAfter,
    }));
  return (
    <section aria-label="New Thusong centres" data-testid="zones-centres">
      <h2>New Thusong centres for the {nc.municipalitiesChecked} local municipalities without one</h2>
      <p className="meta">
        The best place inside each for its own residents — {plan.result.model === 'pmedian' ? 'the most person-minutes of travel saved' : `the most of them newly within ${T} min`} — on top
        of the places serving {plan.groupLabel} today.{nc.rows.some((r) => r.site < 0) ? ' Some have no candidate place inside: add one on the map.' : ''}
      </p>
      <table className="shares">
        <caption className="visually-hidden">The province before and after the new centres</caption>
        <tbody>
          <tr>
            <th scope="row">within {T} min today</th>
            <td>{share(nc.before.withinBefore, nc.before.population)}</td>
            <td className="meta">mean trip {minutes(nc.before.meanMinutesBefore)}</td>
          </tr>
          <tr>
            <th scope="row">with the new centres</th>
            <td>{share(nc.after.withinAfter, nc.after.population)}</td>
            <td className="meta">mean trip {minutes(nc.after.meanMinutesAfter)}</td>
          </tr>
        </tbody>
      </table>
      <MapKey T={T} rings={[[ZONES_COLOURS.newCentre, 'new centre']]} />
      <table className="data" data-testid="zones-centres-table">
        <thead>
          <tr>
            <th scope="col">Municipality</th>
            <th scope="col">Best place</th>
            <th scope="col">{plan.result.model === 'pmedian' ? 'Person-min saved' : `Newly ≤ ${T} min`}</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {nc.rows.map((r) => (
            <tr key={r.code}>
              <td title={r.code}>{r.name}</td>
              <td title={r.site >= 0 ? `${prepared.sites.id[r.site]} (${siteKindLabel(prepared, r.site)})` : undefined}>{r.site >= 0 ? prepared.sites.name[r.site] : <span className="meta">no candidate inside</span>}</td>
              <td>{int(plan.result.model === 'pmedian' ? r.personMinutesSaved : r.populationGained)}</td>
              <td>{share(r.withinBefore, r.population)}</td>
              <td>{share(r.withinAfter, r.population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={() => downloadText('new-centres.csv', newCentresCsv(rowsFor(), T), 'text/csv')}>
          New centres (CSV)
        </button>
      </div>
    </section>
  );
}

/** The map's key: ring colours for sites, then the coverage classes for threshold T. */
function MapKey({ T, rings }: { T: number; rings: [colour: string, label: string][] }) {
  return (
    <div className="zones-key" aria-label="Map key">
      {rings.map(([colour, label]) => (
        <span key={label}>
          <span className="ring" style={{ borderColor: colour }} aria-hidden="true" /> {label}
        </span>
      ))}
      {(['before', 'new', 'none'] as const).map((k) => (
        <span key={k}>
          <span className="swatch" style={{ background: ZONES_COLOURS[k] }} aria-hidden="true" /> {COVERAGE_STATUS_LABELS[k].replace('T', `${T} min`)}
        </span>
      ))}
    </div>
  );
}
