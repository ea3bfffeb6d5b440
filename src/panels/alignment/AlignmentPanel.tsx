import { useEffect, useMemo, useState } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import { layerCollection } from '../../model/dataset';
import { groupThousands } from '../../map/format';
import { toGeoJson } from '../../io/exporters/geojson';
import { alignmentCsv, officesCsv, overlapCsv, proposalCsv } from '../../io/exporters/alignment-csv';
import { OverlapMatrix } from '../../charts/OverlapMatrix';
import { PROPOSAL_COLOUR, REGION_LINE_COLOUR, SLIVER_COLOUR, splitLegend, travelChangeLegend, type LegendEntry } from '../../map/alignment-layers';
import type { AlignmentAnalysis, AlignmentState } from './alignment-state';
import {
  allAlignedRegions,
  cancelAlignment,
  cancelGeometry,
  cancelCatchments,
  catchmentInputKey,
  catchmentsInFlight,
  currentDepartment,
  requestAlignedRegions,
  runAlignment,
  runCatchments,
  setAlignmentView,
  setSliverRule,
  showRegionsOf,
} from './alignment-runner';
import {
  coverageMeanMinutes,
  departmentLabel,
  departmentScoreRows,
  municipalityRows,
  officeMoves,
  overlapMatrix,
  proposalMoves,
  regionRows,
  sliverRows,
  type DepartmentScoreRow,
  type MunicipalityRow,
  type RegionRow,
} from './alignment-view';
import { SortableTable, type Column } from './SortableTable';
import './alignment.css';
import { NumberField } from '../NumberField';

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
const score = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const people = (n: number) => groupThousands(n);
const km2 = (x: number) => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(1) : groupThousands(x));
const minutes = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} min` : '—');

export function AlignmentPanel() {
  const alignment = useStoreSlice(appStore, (s) => s.alignment);
  const { analysis, status, progress } = alignment;
  const department = currentDepartment(alignment);
  useEffect(() => {
    if (analysis && department) showRegionsOf(department);
  }, [analysis, department]);
  return (
    <div className="panel" data-testid="alignment-panel" data-status={status}>
      <p className="meta">
        How each department's service regions line up with municipal boundaries: where a municipality is split between regions, it deals with several
        officials on the same issue. Runs in the background whenever the regions, municipalities, settlements or offices change.
      </p>
      <fieldset>
        <legend>Show</legend>
        <label>
          Department
          <select value={department} disabled={!analysis} onChange={(e) => setAlignmentView({ department: e.currentTarget.value })} data-testid="alignment-department">
            {analysis?.result.departments.map((d) => (
              <option key={d} value={d}>
                {departmentLabel(d)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Shade municipalities by
          <select value={alignment.shading} onChange={(e) => setAlignmentView({ shading: e.currentTarget.value as AlignmentState['shading'] })}>
            <option value="share-outside">share of people outside their main region</option>
            <option value="regions">number of the department's regions serving them</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={alignment.showSlivers} onChange={(e) => setAlignmentView({ showSlivers: e.currentTarget.checked })} data-testid="show-slivers" />
          Show slivers (thin overlaps from boundaries digitised twice)
        </label>
        <label className="check">
          <input type="checkbox" checked={alignment.showProposal} onChange={(e) => setAlignmentView({ showProposal: e.currentTarget.checked })} data-testid="show-proposal" />
          Show the aligned proposal (whole municipalities per region)
        </label>
        <GeometryStatus alignment={alignment} department={department} />
      </fieldset>

      <div className="row" aria-live="polite">
        {status === 'running' ? (
          <>
            <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={`Alignment: ${progress?.phase ?? 'running'}`} />
            <span className="meta">{progress?.phase ?? 'running'}…</span>
            <button type="button" onClick={cancelAlignment}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => runAlignment()}>
            Run again
          </button>
        )}
      </div>
      {alignment.error && (
        <p role="alert" className="failure">
          {alignment.error}
        </p>
      )}

      {analysis && <AlignmentResults analysis={analysis} department={department} alignment={alignment} />}

      <details>
        <summary>Sliver rule</summary>
        <p className="meta">An overlap is a sliver — digitising noise, not policy — when it is narrower than the width on average or smaller than the share of the smaller polygon. Slivers are left out of the indices.</p>
        <fieldset>
          <NumberField label="Narrower than (m)" value={alignment.slivers.maxWidthMetres} min={0} max={5000} step={50} onCommit={(v) => setSliverRule({ maxWidthMetres: v })} />
          <NumberField label="Smaller than (% of the smaller polygon)" value={+(alignment.slivers.maxShare * 100).toFixed(3)} min={0} max={50} step={0.5} onCommit={(v) => setSliverRule({ maxShare: v / 100 })} />
        </fieldset>
      </details>
    </div>
  );
}

function GeometryStatus({ alignment, department }: { alignment: AlignmentState; department: string }) {
  const jobs = [
    alignment.showSlivers && alignment.sliverPieces?.department === department ? { what: 'slivers', kind: 'slivers' as const, job: alignment.sliverPieces } : null,
    alignment.showProposal && alignment.alignedRegions?.department === department ? { what: 'aligned regions', kind: 'aligned' as const, job: alignment.alignedRegions } : null,
  ].filter((x) => !!x);
  return (
    <>
      {jobs.map(({ what, kind, job }) =>
        job.status === 'running' ? (
          <span key={what} className="meta row" role="status" data-testid={`drawing-${kind}`}>
            Drawing the {what}…{job.progress ? ` ${job.progress.done} of ${job.progress.total}` : ''}
            <button type="button" onClick={() => cancelGeometry(kind)}>
              Cancel
            </button>
          </span>
        ) : job.status === 'error' ? (
          <span key={what} className="failure" role="alert">
            The {what} could not be drawn: {job.error}
          </span>
        ) : null,
      )}
    </>
  );
}

function Legend({ entries, label }: { entries: LegendEntry[]; label: string }) {
  return (
    <div className="legend-classes" aria-label={label}>
      {entries.map((e) => (
        <span key={e.label}>
          <span className={`swatch ${e.kind === 'fill' ? 'square' : e.kind === 'circle' ? '' : 'line'}${e.kind === 'dashed' ? ' dashed' : ''}`} style={e.kind === 'line' || e.kind === 'dashed' ? { borderColor: e.colour } : { background: e.colour }} aria-hidden="true" />{' '}
          {e.label}
        </span>
      ))}
    </div>
  );
}

function AlignmentResults({ analysis, department, alignment }: { analysis: AlignmentAnalysis; department: string; alignment: AlignmentState }) {
  const { result, proposal } = analysis;
  const d = result.departments.indexOf(department);
  const scores = useMemo(() => departmentScoreRows(analysis), [analysis]);
  const withPeople = result.populationMethod !== 'none';
  return (
    <section aria-label="Alignment results" data-testid="alignment-results">
      <h2>Province scores</h2>
      <p className="meta">
        1.00 = every region's {withPeople ? 'people live' : 'area lies'} in one municipality. Ranked from the most split department.
        {result.stats.slivers > 0 ? ` ${result.stats.slivers} slivers left out.` : ''}
      </p>
      <DepartmentScores rows={scores} chosen={department} withPeople={withPeople} />
      {d >= 0 && <DepartmentDetails analysis={analysis} d={d} alignment={alignment} />}
      <h3>Downloads (all departments)</h3>
      <div className="row">
        <button type="button" onClick={() => downloadText('overlap.csv', overlapCsv(result), 'text/csv')}>
          Overlap matrix (CSV)
        </button>
        <button type="button" onClick={() => downloadText('alignment.csv', alignmentCsv(result), 'text/csv')}>
          Indices (CSV)
        </button>
        <button type="button" onClick={() => downloadText('proposal.csv', proposalCsv(result, proposal), 'text/csv')}>
          Proposal (CSV)
        </button>
        {result.offices.count > 0 && (
          <button type="button" onClick={() => downloadText('offices.csv', officesCsv(result, proposal), 'text/csv')}>
            Offices before and after (CSV)
          </button>
        )}
        <button
          type="button"
          onClick={() =>
            void allAlignedRegions().then((fc) => {
              if (fc) downloadText('aligned_regions.geojson', toGeoJson(fc), 'application/geo+json');
            })
          }
        >
          Aligned regions (GeoJSON)
        </button>
      </div>
      {result.issues.length > 0 && (
        <details>
          <summary>
            {result.issues.length} note{result.issues.length > 1 ? 's' : ''} on the input
          </summary>
          <ul className="issues">
            {result.issues.slice(0, 50).map((i, k) => (
              <li key={k} className={`issue issue-${i.severity}`}>
                <span className="issue-where">
                  {i.where.file}
                  {i.where.feature !== undefined ? `, feature ${i.where.feature + 1}` : ''}
                </span>
                <span>{i.message}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function DepartmentScores({ rows, chosen, withPeople }: { rows: DepartmentScoreRow[]; chosen: string; withPeople: boolean }) {
  const columns: Column<DepartmentScoreRow>[] = [
    {
      key: 'department',
      label: 'Department',
      value: (r) => r.label,
      render: (r) => (
        <button type="button" className="link" aria-pressed={r.department === chosen} onClick={() => setAlignmentView({ department: r.department })}>
          {r.label}
        </button>
      ),
    },
    ...(withPeople ? [{ key: 'population', label: 'By people', value: (r: DepartmentScoreRow) => r.populationScore, render: (r: DepartmentScoreRow) => score(r.populationScore), title: 'Share of people living in their region’s main municipality' }] : []),
    { key: 'area', label: 'By area', value: (r) => r.areaScore, render: (r) => score(r.areaScore), title: 'Share of area in its region’s main municipality' },
    { key: 'split', label: 'Split munis', value: (r) => r.municipalitiesSplit, descFirst: true, render: (r) => `${r.municipalitiesSplit} of ${r.municipalitiesServed}`, title: 'Municipalities served by two or more of its regions' },
  ];
  return <SortableTable rows={rows} columns={columns} rowKey={(r) => r.department} caption="Alignment score per department" initial={{ key: withPeople ? 'population' : 'area', desc: false }} testId="department-scores" />;
}

function DepartmentDetails({ analysis, d, alignment }: { analysis: AlignmentAnalysis; d: number; alignment: AlignmentState }) {
  const { result, proposal } = analysis;
  const code = result.departments[d];
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const s = result.indices.departments;
  const withPeople = result.populationMethod !== 'none';
  const matrix = useMemo(() => overlapMatrix(result, d), [result, d]);
  const regions = useMemo(() => regionRows(result, d), [result, d]);
  const munis = useMemo(() => municipalityRows(analysis, d), [analysis, d]);
  const slivers = useMemo(() => sliverRows(result, d), [result, d]);
  const moves = useMemo(() => proposalMoves(analysis, d), [analysis, d]);
  const officeNames = useMemo(() => new Map((layerCollection(dataset, 'offices')?.features ?? []).map((f) => [String(f.properties?.id ?? ''), String(f.properties?.name ?? '')])), [dataset]);
  const offices = useMemo(() => officeMoves(analysis, d, officeNames), [analysis, d, officeNames]);
  const sliverPeople = slivers.reduce((n, x) => n + x.population, 0);
  const mapLegend: LegendEntry[] = [
    ...splitLegend(alignment.shading),
    { label: 'region boundary', colour: REGION_LINE_COLOUR, kind: 'line' },
    ...(alignment.showSlivers ? [{ label: 'sliver', colour: SLIVER_COLOUR, kind: 'fill' as const }] : []),
    ...(alignment.showProposal ? [{ label: 'aligned region', colour: PROPOSAL_COLOUR, kind: 'dashed' as const }, { label: 'municipality that changes region (inner band)', colour: PROPOSAL_COLOUR, kind: 'line' as const }] : []),
  ];

  return (
    <section aria-label={`${departmentLabel(code)} in detail`} data-testid="department-details">
      <h2>{departmentLabel(code)}</h2>
      <p data-testid="department-summary">
        {s.regions[d]} regions serve {s.municipalitiesServed[d]} municipalities; <strong>{s.municipalitiesSplit[d]}</strong> of them are split between regions.{' '}
        {withPeople && (
          <>
            {pct(s.populationScore[d])} of the department's people live in their region's main municipality ({pct(s.areaScore[d])} of its area).
          </>
        )}
        {!withPeople && <>{pct(s.areaScore[d])} of its area lies in its region's main municipality (no settlements: areas only).</>}
      </p>
      <Legend entries={mapLegend} label="Map colours" />

      <h3>Municipalities × regions</h3>
      <div className="row" role="radiogroup" aria-label="Shade cells by">
        <label className="check">
          <input type="radio" name="matrix-share" checked={alignment.matrixShare === 'municipality'} onChange={() => setAlignmentView({ matrixShare: 'municipality' })} />
          share of the municipality
        </label>
        <label className="check">
          <input type="radio" name="matrix-share" checked={alignment.matrixShare === 'region'} onChange={() => setAlignmentView({ matrixShare: 'region' })} />
          share of the region
        </label>
      </div>
      <OverlapMatrix key={code} model={matrix} share={alignment.matrixShare} sliverColour={SLIVER_COLOUR} />
      <details>
        <summary>The matrix as a table</summary>
        <table className="data" data-testid="matrix-table">
          <thead>
            <tr>
              <th scope="col">Region</th>
              <th scope="col">Municipality</th>
              {withPeople && <th scope="col">People</th>}
              <th scope="col">km²</th>
              <th scope="col">Of muni</th>
              <th scope="col">Of region</th>
            </tr>
          </thead>
          <tbody>
            {matrix.cells
              .filter((c) => c.overlap >= 0)
              .map((c) => (
                <tr key={c.overlap}>
                  <td title={matrix.regions[c.region].name}>{matrix.regions[c.region].label}</td>
                  <td title={matrix.municipalities[c.municipality].code}>
                    {matrix.municipalities[c.municipality].name}
                    {c.sliver ? ' (sliver)' : ''}
                  </td>
                  {withPeople && <td>{people(c.population)}</td>}
                  <td>{km2(c.areaKm2)}</td>
                  <td>{pct(c.shareOfMunicipality)}</td>
                  <td>{pct(c.shareOfRegion)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>

      <RegionTable rows={regions} withPeople={withPeople} />
      <MunicipalityTable rows={munis} withPeople={withPeople} />

      <details data-testid="sliver-list">
        <summary>
          {slivers.length} sliver{slivers.length === 1 ? '' : 's'}
          {withPeople && sliverPeople > 0 ? ` (${people(sliverPeople)} people in them)` : ''}
        </summary>
        <p className="meta">
          Overlaps narrower than {result.sliverRule.maxWidthMetres} m on average or under {pct(result.sliverRule.maxShare)} of the smaller polygon: the same boundary digitised twice, not
          a policy choice. They are left out of the scores; tick “Show slivers” to see them on the map.
        </p>
        {slivers.length > 0 && (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">Municipality</th>
                <th scope="col">km²</th>
                <th scope="col">Width</th>
                {withPeople && <th scope="col">People</th>}
                <th scope="col">
                  <span className="visually-hidden">On the map</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {slivers.map((x) => (
                <tr key={x.overlap}>
                  <td>{x.region}</td>
                  <td title={x.municipalityCode}>{x.municipalityName}</td>
                  <td>{km2(x.areaKm2)}</td>
                  <td>{Math.round(x.meanWidthMetres)} m</td>
                  {withPeople && <td>{people(x.population)}</td>}
                  <td>
                    <button type="button" className="link" onClick={() => setAlignmentView({ showSlivers: true, focusOverlap: x.overlap })} aria-label={`Zoom to the sliver of ${x.region} in ${x.municipalityName}`}>
                      zoom
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>

      <section aria-label="Aligned proposal" data-testid="proposal">
        <h3>Aligned proposal</h3>
        <p>
          Each municipality goes whole to the region that holds most of its {withPeople ? 'people' : 'area'}.{' '}
          {moves.length === 0 ? (
            'No municipality changes region: the department is aligned already.'
          ) : (
            <>
              {moves.length} municipalit{moves.length === 1 ? 'y changes' : 'ies change'} region; {withPeople ? `${people(proposal.perDepartment.populationMoving[d])} people and ` : ''}
              {km2(proposal.perDepartment.areaMovingKm2[d])} km² move
              {proposal.perDepartment.regionsEmptied[d] > 0 ? `; ${proposal.perDepartment.regionsEmptied[d]} region(s) receive no municipality and disappear` : ''}.
            </>
          )}
        </p>
        {moves.length > 0 && (
          <table className="data" data-testid="proposal-moves">
            <thead>
              <tr>
                <th scope="col">Municipality</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                {withPeople && <th scope="col">People</th>}
              </tr>
            </thead>
            <tbody>
              {moves.map((m) => (
                <tr key={m.municipality}>
                  <td title={m.code}>{m.name}</td>
                  <td className="from">{m.from.filter((f) => !f.sliver).map((f) => f.region).join(', ')}</td>
                  <td>{m.toRegion}</td>
                  {withPeople && <td>{people(m.populationMoving)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {result.offices.count > 0 && (
          <p data-testid="office-moves">
            {offices.length === 0 ? 'No office changes region.' : `${offices.length} office${offices.length === 1 ? ' changes' : 's change'} region:`}
          </p>
        )}
        {offices.length > 0 && (
          <ul className="ranked">
            {offices.map((o) => (
              <li key={o.id}>
                {o.name || o.id} ({o.municipality}): {o.from} → {o.to}
              </li>
            ))}
          </ul>
        )}
        <div className="row">
          <button
            type="button"
            onClick={() =>
              void requestAlignedRegions().then((fc) => {
                if (fc) downloadText(`aligned_regions-${code || 'none'}.geojson`, toGeoJson(fc), 'application/geo+json');
              })
            }
          >
            {departmentLabel(code)}: aligned regions (GeoJSON)
          </button>
        </div>
        <TravelEffect analysis={analysis} d={d} alignment={alignment} />
      </section>
    </section>
  );
}

function RegionTable({ rows, withPeople }: { rows: RegionRow[]; withPeople: boolean }) {
  const columns: Column<RegionRow>[] = [
    { key: 'name', label: 'Region', value: (r) => r.shortName, render: (r) => <span title={r.name}>{r.shortName}</span> },
    { key: 'main', label: 'Main municipality', value: (r) => r.dominantName },
    ...(withPeople ? [{ key: 'people', label: 'People there', value: (r: RegionRow) => r.populationShare, render: (r: RegionRow) => pct(r.populationShare), title: 'Share of the region’s people in its main municipality' }] : []),
    { key: 'area', label: 'Area there', value: (r) => r.areaShare, render: (r) => pct(r.areaShare), title: 'Share of the region’s area in its largest municipality' },
    { key: 'touched', label: 'Munis', value: (r) => r.municipalitiesTouched, descFirst: true, title: 'Municipalities the region touches (slivers left out)' },
  ];
  return <SortableTable rows={rows} columns={columns} rowKey={(r) => r.region} caption="Per region" initial={{ key: withPeople ? 'people' : 'area', desc: false }} testId="region-table" />;
}

function MunicipalityTable({ rows, withPeople }: { rows: MunicipalityRow[]; withPeople: boolean }) {
  const columns: Column<MunicipalityRow>[] = [
    { key: 'name', label: 'Municipality', value: (r) => r.name, render: (r) => <span title={r.code}>{r.name}</span> },
    { key: 'regions', label: 'Regions', value: (r) => r.regionsServing, descFirst: true, title: 'Regions of this department serving it (slivers left out)' },
    { key: 'outside', label: withPeople ? 'People elsewhere' : 'Area elsewhere', value: (r) => r.shareOutside, descFirst: true, render: (r) => pct(r.shareOutside), title: 'Share outside its main region' },
    { key: 'officials', label: 'Officials', value: (r) => r.officials, descFirst: true, title: 'Officials to talk to: regions of every department serving it' },
  ];
  return <SortableTable rows={rows} columns={columns} rowKey={(r) => r.municipality} caption="Per municipality" initial={{ key: 'regions', desc: true }} testId="municipality-split-table" />;
}

function TravelEffect({ analysis, d, alignment }: { analysis: AlignmentAnalysis; d: number; alignment: AlignmentState }) {
  const key = useStoreSlice(appStore, catchmentInputKey);
  const coverage = useStoreSlice(appStore, (s) => s.coverage.result);
  const hasRoads = useStoreSlice(appStore, (s) => !!layerCollection(s.dataset, 'roads'));
  const job = alignment.catchments;
  const current = job && job.analysisId === alignment.analysisId && job.key === key ? job : undefined;
  const c = current?.status === 'done' ? current.result?.departments.find((x) => x.department === d) : undefined;
  const code = analysis.result.departments[d];
  const anyRegion = coverageMeanMinutes(coverage, code);
  const name = (r: number) => analysis.result.regions.name[r];
  return (
    <section aria-label="Travel-time effect" data-testid="travel-effect">
      <h3>Travel times where catchments follow regions</h3>
      <p className="meta">
        Each resident uses the nearest {departmentLabel(code)} office in their own region: today's region, then the aligned one. {hasRoads ? 'Over the road network' : 'Estimated from straight-line distance (no roads layer)'}, with the
        Coverage tab's travel settings.
      </p>
      {current?.status === 'running' && catchmentsInFlight() === current.key ? (
        <div className="row">
          <progress max={current.progress?.total || 1} value={current.progress?.done ?? 0} aria-label={`Travel times: ${current.progress?.phase ?? 'running'}`} />
          <span className="meta">{current.progress?.phase ?? 'running'}…</span>
          <button type="button" onClick={cancelCatchments}>
            Cancel
          </button>
        </div>
      ) : (
        !c && (
          <button type="button" className="primary" onClick={() => runCatchments()} data-testid="run-travel-effect">
            Show travel-time effect
          </button>
        )
      )}
      {current?.status === 'error' && (
        <p role="alert" className="failure">
          {current.error}
        </p>
      )}
      {job && !current && job.status === 'done' && <p className="meta">The data or travel settings changed since the last run; press the button to update.</p>}
      {c && (
        <>
          <table className="shares" data-testid="travel-effect-table">
            <tbody>
              <tr>
                <th scope="row">mean time, today's regions</th>
                <td>{minutes(c.effect.meanMinutesBefore)}</td>
              </tr>
              <tr>
                <th scope="row">mean time, aligned regions</th>
                <td>{minutes(c.effect.meanMinutesAfter)}</td>
              </tr>
              {Number.isFinite(anyRegion) && (
                <tr>
                  <th scope="row">nearest office in any region (Coverage tab)</th>
                  <td>{minutes(anyRegion)}</td>
                </tr>
              )}
              <tr>
                <th scope="row">people better off</th>
                <td>{people(c.effect.populationBetter)}</td>
              </tr>
              <tr>
                <th scope="row">people worse off</th>
                <td>{people(c.effect.populationWorse)}</td>
              </tr>
              <tr>
                <th scope="row">unchanged</th>
                <td>{people(c.effect.populationUnchanged)}</td>
              </tr>
              {c.effect.populationUnknown > 0 && (
                <tr>
                  <th scope="row">not comparable</th>
                  <td title="outside every region, no office in the region, or no road to one">{people(c.effect.populationUnknown)}</td>
                </tr>
              )}
            </tbody>
          </table>
          {(c.populationNoOfficeBefore > 0 || c.populationNoOfficeAfter > 0) && (
            <p className="meta" data-testid="regions-without-office">
              {c.regionsWithoutOfficeAfter.length > 0 ? `In the proposal, ${c.regionsWithoutOfficeAfter.map(name).join(', ')} would have no office (${people(c.populationNoOfficeAfter)} people). ` : ''}
              {c.regionsWithoutOfficeBefore.length > 0 ? `Today, ${c.regionsWithoutOfficeBefore.map(name).join(', ')} ha${c.regionsWithoutOfficeBefore.length === 1 ? 's' : 've'} no office (${people(c.populationNoOfficeBefore)} people).` : ''}
            </p>
          )}
          <label className="check">
            <input type="checkbox" checked={alignment.showTravelChange} onChange={(e) => setAlignmentView({ showTravelChange: e.currentTarget.checked })} />
            Show each settlement's change on the map
          </label>
          {alignment.showTravelChange && <Legend entries={travelChangeLegend()} label="Travel-time change colours" />}
        </>
      )}
    </section>
  );
}
