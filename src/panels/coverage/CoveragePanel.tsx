import { useMemo, useState } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import { layerCollection } from '../../model/dataset';
import { DEFAULT_SPEEDS_KMH } from '../../engine/network/speeds';
import type { CoverageResult, CoverageStats } from '../../engine/coverage';
import { coverageCsv, travelTimesCsv } from '../../io/exporters/coverage-csv';
import { toGeoJson } from '../../io/exporters/geojson';
import { Histogram } from '../../charts/Histogram';
import { coverageClassColours, coverageClassLabels } from '../../map/coverage-layers';
import { cancelCoverage, runCoverage, setTravel, updateThresholds } from './coverage-runner';
import { coveragePoints, groupLabel, municipalityRows, pickGroup, provinceShares, settlementPositions, type MunicipalityRow } from './coverage-view';
import { NumberField } from '../NumberField';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const int = (n: number) => Math.round(n).toLocaleString('en-ZA');

export function CoveragePanel() {
  const coverage = useStoreSlice(appStore, (s) => s.coverage);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const { result, stats, status, progress, travel, thresholds } = coverage;
  const group = result ? pickGroup(result, coverage.group) : undefined;
  const muniNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of layerCollection(dataset, 'municipalities')?.features ?? []) m.set(String(f.properties?.code), String(f.properties?.name ?? ''));
    return m;
  }, [dataset]);

  return (
    <div className="panel" data-testid="coverage-panel" data-status={status}>
      <p className="meta">
        Travel time from every settlement to the nearest office of each department, and the round trip to collect a bundle of
        services. Runs in the background whenever the data or these settings change.
      </p>
      <fieldset>
        <legend>Show</legend>
        <label>
          Department or bundle
          <select
            value={group?.group ?? ''}
            disabled={!result}
            onChange={(e) => {
              const g = e.currentTarget.value;
              appStore.set((s) => ({ ...s, coverage: { ...s.coverage, group: g } }));
            }}
          >
            {result?.times.groups.map((g) => (
              <option key={g.group} value={g.group}>
                {groupLabel(g.group)}
              </option>
            ))}
          </select>
        </label>
        <ThresholdEditor thresholds={thresholds} />
        <label className="check">
          <input
            type="checkbox"
            checked={coverage.showCatchments}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              appStore.set((s) => ({ ...s, coverage: { ...s.coverage, showCatchments: on } }));
            }}
          />
          Draw office catchments (each settlement to its nearest office)
        </label>
      </fieldset>

      <div className="row" aria-live="polite">
        {status === 'running' ? (
          <>
            <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={`Coverage: ${progress?.phase ?? 'running'}`} />
            <span className="meta">{progress?.phase ?? 'running'}…</span>
            <button type="button" onClick={cancelCoverage}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => runCoverage()}>
            Run again
          </button>
        )}
      </div>
      {coverage.error && (
        <p role="alert" className="failure">
          {coverage.error}
        </p>
      )}

      {result && stats && group && (
        <CoverageResults result={result} stats={stats} group={group.group} muniNames={muniNames} />
      )}

      <details>
        <summary>Travel settings</summary>
        <fieldset>
          <label>
            Joining the road
            <select value={travel.snapMode} onChange={(e) => setTravel({ snapMode: e.currentTarget.value as 'segment' | 'node' })}>
              <option value="segment">nearest point on a road, with an off-road leg</option>
              <option value="node">nearest road node, no off-road leg (as other tools do)</option>
            </select>
          </label>
          <label>
            Off-road leg
            <select value={travel.offRoadKmh} onChange={(e) => setTravel({ offRoadKmh: Number(e.currentTarget.value) })}>
              <option value={5}>walking, 5 km/h</option>
              <option value={30}>driving, 30 km/h</option>
            </select>
          </label>
          <NumberField label="Farthest from a road (km)" value={travel.maxSnapMetres / 1000} min={0.1} max={100} step={0.5} onCommit={(v) => setTravel({ maxSnapMetres: v * 1000 })} />
          <label className="check">
            <input type="checkbox" checked={travel.thusongOffersAll} onChange={(e) => setTravel({ thusongOffersAll: e.currentTarget.checked })} />
            Thusong centres offer every service (one-stop sites for bundles)
          </label>
          <SpeedTable speeds={travel.speedsKmh} />
        </fieldset>
      </details>
    </div>
  );
}

function ThresholdEditor({ thresholds }: { thresholds: number[] }) {
  // null while not being edited: the field then shows the current thresholds (after an undo, say)
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? thresholds.join(', ');
  const parsed = text.split(/[,;\s]+/).filter(Boolean).map(Number);
  const valid = parsed.length > 0 && parsed.length <= 6 && parsed.every((n) => Number.isFinite(n) && n > 0 && n <= 1440);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) {
          updateThresholds(parsed);
          setDraft(null);
        }
      }}
    >
      <label>
        Thresholds (minutes)
        <input value={text} onChange={(e) => setDraft(e.currentTarget.value)} aria-invalid={!valid} size={14} />
      </label>
      <button type="submit" disabled={!valid}>
        Apply
      </button>
      {!valid && <span className="meta">1–6 numbers between 1 and 1440, e.g. 30, 60, 90</span>}
    </form>
  );
}

function SpeedTable({ speeds }: { speeds: Record<string, number> }) {
  const classes = ['motorway', 'trunk', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'service', 'track'];
  return (
    <details>
      <summary>Speeds per road class (km/h)</summary>
      <p className="meta">A road's own speed_kmh or maxspeed wins over these.</p>
      {classes.map((c) => (
        <NumberField
          key={c}
          label={c}
          value={speeds[c] ?? DEFAULT_SPEEDS_KMH[c]}
          min={1}
          max={140}
          step={5}
          onCommit={(v) => setTravel({ speedsKmh: { ...speeds, [c]: v } })}
        />
      ))}
    </details>
  );
}

function CoverageResults({ result, stats, group, muniNames }: { result: CoverageResult; stats: CoverageStats; group: string; muniNames: Map<string, string> }) {
  const g = result.times.groups.find((x) => x.group === group)!;
  const summary = stats.groups.find((x) => x.group === group);
  const province = provinceShares(stats, group);
  const colours = coverageClassColours(stats.thresholds);
  const labels = coverageClassLabels(stats.thresholds);
  const bundle = group.startsWith('bundle:') ? result.bundles.find((b) => `bundle:${b.bundle}` === group) : undefined;
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  return (
    <section aria-label="Coverage results" data-testid="coverage-results">
      <h2>{groupLabel(group)}</h2>
      <p className="meta" data-testid="coverage-method">
        {result.method === 'estimate'
          ? 'Estimate: no roads layer, so times are straight-line distance × 1.3 at 50 km/h.'
          : `Over the road network: ${int(result.network?.nodeCount ?? 0)} nodes, ${result.network?.componentCount ?? 0} connected parts` +
            (result.network && result.network.islandSettlements > 0 ? `; ${int(result.network.islandSettlements)} settlements (${int(result.network.islandPopulation)} people) on road islands` : '') +
            (result.snapping && result.snapping.settlementsTooFar > 0 ? `; ${int(result.snapping.settlementsTooFar)} settlements farther than ${result.snapping.maxSnapMetres / 1000} km from a road (unreachable)` : '') +
            `. ${g.measure === 'round-trip' ? 'Round trip from home.' : 'One way, home to office.'}`}
      </p>
      <table className="shares" data-testid="province-shares">
        <caption className="visually-hidden">Share of the province's population within each threshold</caption>
        <tbody>
          {stats.thresholds.map((t, i) => (
            <tr key={t}>
              <th scope="row">
                <span className="swatch" style={{ background: colours[i] }} aria-hidden="true" /> within {t} min
              </th>
              <td>{pct(province.shares[i])}</td>
              <td className="meta">{int(province.population * province.shares[i])} people</td>
            </tr>
          ))}
          {summary && (
            <tr>
              <th scope="row">mean time</th>
              <td>{summary.meanMinutes.toFixed(0)} min</td>
              <td className="meta">{summary.unreachablePopulation > 0 ? `${int(summary.unreachablePopulation)} cannot reach it` : 'everyone can reach it'}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="legend-classes" aria-label="Map colours">
        {labels.map((l, i) => (
          <span key={l}>
            <span className="swatch" style={{ background: colours[i] }} aria-hidden="true" /> {l}
          </span>
        ))}
        <span>
          <span className="swatch" style={{ background: '#8c8c8c' }} aria-hidden="true" /> unreachable
        </span>
      </div>
      <Histogram
        values={g.minutes}
        weights={result.times.population}
        binWidth={10}
        maxValue={Math.max(120, (stats.thresholds.at(-1) ?? 90) + 30)}
        markers={stats.thresholds}
        colourFor={(start) => colours[stats.thresholds.findIndex((t) => start < t) === -1 ? stats.thresholds.length : stats.thresholds.findIndex((t) => start < t)]}
        xLabel="minutes"
        yLabel="Population"
      />
      {bundle && (
        <div className="bundle" data-testid="bundle-burden">
          <h3>Cost of separate offices</h3>
          <p>
            Collecting <strong>{bundle.name}</strong> means visiting {bundle.services.length} services. Residents spend{' '}
            <strong>{int(bundle.extraPersonHoursPerYear)} person-hours a year</strong> more travelling than they would if the nearest one-stop site
            offered them all ({int(bundle.burdenedPopulation)} people affected, at {bundle.visitsPerPersonYear} trips per person a year;{' '}
            {bundle.wholeSiteCount} sites offer the whole bundle today{bundle.missingServices.length ? `; no site offers ${bundle.missingServices.join(', ')}` : ''}).
          </p>
        </div>
      )}
      <MunicipalityTable rows={municipalityRows(stats, group, muniNames)} thresholds={stats.thresholds} />
      {summary && summary.underserved.length > 0 && (
        <details>
          <summary>Most underserved settlements (population × minutes)</summary>
          <ol className="ranked">
            {summary.underserved.map((u) => (
              <li key={u.id}>
                {u.id}: {int(u.population)} people, {u.minutes.toFixed(0)} min
              </li>
            ))}
          </ol>
        </details>
      )}
      {g.kind === 'department' && (
        <details>
          <summary>Office catchments</summary>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Office</th>
                <th scope="col">Population</th>
                <th scope="col">Settlements</th>
              </tr>
            </thead>
            <tbody>
              {stats.catchments
                .filter((c) => c.department === group)
                .sort((a, b) => b.population - a.population)
                .map((c) => (
                  <tr key={c.id}>
                    <td>{c.id}</td>
                    <td>{int(c.population)}</td>
                    <td>{c.settlements}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
      <div className="row">
        <button type="button" onClick={() => downloadText('travel_times.csv', travelTimesCsv(result), 'text/csv')}>
          Travel times (CSV)
        </button>
        <button type="button" onClick={() => downloadText('coverage.csv', coverageCsv({ ...result, stats }), 'text/csv')}>
          Coverage (CSV)
        </button>
        <button
          type="button"
          onClick={() => {
            const settlements = layerCollection(dataset, 'settlements');
            if (!settlements) return;
            downloadText(`coverage-${group.replace(':', '-')}.geojson`, toGeoJson(coveragePoints(result, g, settlementPositions(settlements))), 'application/geo+json');
          }}
        >
          Settlements with times (GeoJSON)
        </button>
      </div>
    </section>
  );
}

type SortKey = 'name' | 'population' | number;

function MunicipalityTable({ rows, thresholds }: { rows: MunicipalityRow[]; thresholds: number[] }) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 0, desc: false });
  const sorted = [...rows].sort((a, b) => {
    const va = sort.key === 'name' ? a.name : sort.key === 'population' ? a.population : a.shares[sort.key] ?? 0;
    const vb = sort.key === 'name' ? b.name : sort.key === 'population' ? b.population : b.shares[sort.key] ?? 0;
    const c = typeof va === 'string' ? va.localeCompare(vb as string) : (va as number) - (vb as number);
    return sort.desc ? -c : c;
  });
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'population' }))}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <table className="data" data-testid="municipality-table">
      <caption>Per municipality</caption>
      <thead>
        <tr>
          {header('name', 'Municipality')}
          {header('population', 'People')}
          {thresholds.map((t, i) => header(i, `≤ ${t}`))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.municipality}>
            <td title={r.municipality}>{r.name}</td>
            <td>{int(r.population)}</td>
            {r.shares.map((s, i) => (
              <td key={i}>{pct(s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
