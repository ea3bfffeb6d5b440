import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { downloadText } from '../../app/download';
import { shortDepartmentName, type ZoneRelocation, type ZonesAudit, type ZonesPrepared } from '../../engine/location';
import { relocationCsv } from '../../io/exporters/zones';
import { setRelocation } from './zones-runner';
import { relocationOfficeIds } from './zones-view';
import { NumberField } from '../NumberField';

const int = (n: number) => Math.round(n).toLocaleString('en-ZA');
const signed = (x: number) => (Number.isFinite(x) ? `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} min` : 'unreachable');

/** Pick one office or a lease-expiry year; ranked moves for each office, one sentence each. */
export function RelocationSection() {
  const zones = useStoreSlice(appStore, (s) => s.zones);
  const { audit, relocation, prepared, plan } = zones;
  const ids = relocationOfficeIds(audit, relocation.mode, relocation.officeId, relocation.year);
  const years = useMemo(() => (audit ? audit.audit.leaseExpiry.filter((y) => y.year !== null).map((y) => ({ year: y.year as number, count: y.offices.length })) : []), [audit]);
  const officeOptions = useMemo(() => (audit ? audit.offices.id.map((id, i) => ({ id, label: `${audit.offices.name[i] || id} (${shortDepartmentName(audit.offices.department[i])}${audit.offices.leaseExpiry[i] ? `, lease ends ${audit.offices.leaseExpiry[i]}` : ''})` })).sort((a, b) => a.label.localeCompare(b.label)) : []), [audit]);
  const results = relocation.results ?? [];

  return (
    <section aria-label="Lease relocation" data-testid="zones-relocation">
      <fieldset>
        <legend>Offices to move</legend>
        <label className="check">
          <input type="radio" name="zones-relocation-mode" checked={relocation.mode === 'year'} onChange={() => setRelocation({ mode: 'year' })} />
          All offices whose lease ends in
          <select aria-label="Lease expiry year" value={relocation.year ?? ''} onChange={(e) => setRelocation({ mode: 'year', year: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
            <option value="">choose a year</option>
            {years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year} ({y.count} offices)
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="radio" name="zones-relocation-mode" checked={relocation.mode === 'office'} onChange={() => setRelocation({ mode: 'office' })} />
          One office
        </label>
        <select aria-label="Office to move" value={relocation.officeId} disabled={relocation.mode !== 'office'} onChange={(e) => setRelocation({ mode: 'office', officeId: e.currentTarget.value })}>
          <option value="">choose an office</option>
          {officeOptions.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
        <NumberField label="Other candidates within (km)" value={relocation.radiusKm} min={1} max={500} step={5} onCommit={(v) => setRelocation({ radiusKm: v })} />
        <p className="meta">
          Options are the proposed zones{plan ? ` (${plan.zones.filter((z) => !z.fixed).length} from the last plan)` : ' (none yet: run Optimise)'} and the other candidate places within the
          distance. Each office keeps its catchment: the settlements for which it is the nearest office of its department. “Within T” uses T = {zones.settings.minutes} min.
        </p>
      </fieldset>
      {!audit && <p className="meta">Reading the offices…</p>}
      {ids.length === 0 && audit && <p className="meta">Choose an office, or a year (here or on the lease timeline under Audit).</p>}
      {ids.length > 0 && !prepared && <p className="meta">Waiting for the travel times…</p>}
      {relocation.status === 'running' && <p className="meta" aria-live="polite">Ranking the options…</p>}
      {relocation.error && <p className="failure">{relocation.error}</p>}
      {results.length > 0 && audit && prepared && (
        <>
          <div className="row">
            <button type="button" onClick={() => downloadText('relocation-options.csv', relocationCsv(csvRows(results, audit, prepared)), 'text/csv')}>
              Relocation options (CSV)
            </button>
          </div>
          {results.map((r) => (
            <article key={r.office.id} className="zones-relocation" data-testid="zones-relocation-office">
              <h3>{r.office.name}</h3>
              <p className="meta">
                {shortDepartmentName(r.office.department)}
                {audit.offices.leaseExpiry[r.officeIndex] ? `; lease ends ${audit.offices.leaseExpiry[r.officeIndex]}` : ''}; {int(r.clients)} people in its catchment.
              </p>
              {r.options.length === 0 ? (
                <p className="meta">No candidate place within {relocation.radiusKm} km and no proposed zone.</p>
              ) : (
                <ol className="zones-options">
                  {r.options.map((o, i) => (
                    <li key={o.id} className={o.dominated ? 'dominated' : undefined} data-testid="zones-relocation-option">
                      {o.sentence}
                      {r.optionProposed[i] && <span className="zones-badge">proposed zone</span>}
                      <span className="figures">
                        average trip {signed(o.averageMinutesChange)}; {int(o.populationWithinAfter)} within T (now {int(o.populationWithinBefore)}); {int(o.bundleTripsSavedPerYear)} bundle trips a year saved
                        {o.departmentsBeside.length ? `; beside ${o.departmentsBeside.map((d) => shortDepartmentName(d)).join(', ')}` : ''}
                        {o.dominated ? '; another option is better on every count' : ''}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}

function csvRows(results: ZoneRelocation[], audit: ZonesAudit, prepared: ZonesPrepared) {
  return results.flatMap((r) =>
    r.options.map((o, i) => ({
      officeId: r.office.id,
      officeName: r.office.name,
      department: r.office.department,
      leaseExpiry: audit.offices.leaseExpiry[audit.offices.id.indexOf(r.office.id)] ?? '',
      rank: i + 1,
      optionId: o.id,
      optionName: prepared.sites.name[r.optionSites[i]] ?? o.id,
      proposedZone: r.optionProposed[i],
      averageMinutesBefore: o.averageMinutesBefore,
      averageMinutesAfter: o.averageMinutesAfter,
      populationWithinAfter: o.populationWithinAfter,
      bundleTripsSavedPerYear: o.bundleTripsSavedPerYear,
      departmentsBeside: o.departmentsBeside,
      sentence: o.sentence,
    })),
  );
}
