import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { LeaseTimeline } from '../../charts/LeaseTimeline';
import { shortDepartmentName } from '../../engine/location';
import { DEFAULT_CATALOGUE } from '../../model/catalogue';
import { ZONES_COLOURS } from '../../map/zones-layers';
import { chooseLeaseYear, setCandidateSettings } from './zones-runner';
import { leaseYears, share } from './zones-view';
import { NumberField } from '../NumberField';

const serviceName = (code: string) => DEFAULT_CATALOGUE.services.find((s) => s.code === code)?.name ?? code;

/** Who already shares a site, co-location scores, what each shared site offers, and leases by year. */
export function AuditSection() {
  const audit = useStoreSlice(appStore, (s) => s.zones.audit);
  const auditError = useStoreSlice(appStore, (s) => s.zones.auditError);
  const walkMetres = useStoreSlice(appStore, (s) => s.zones.candidates.walkMetres);
  const selectedYear = useStoreSlice(appStore, (s) => (s.zones.relocation.mode === 'year' ? s.zones.relocation.year : null));
  const years = useMemo(() => (audit ? leaseYears(audit) : []), [audit]);
  const shared = useMemo(() => (audit ? audit.audit.sites.filter((s) => s.departments.length > 1).sort((a, b) => b.departments.length - a.departments.length || b.offices.length - a.offices.length) : []), [audit]);

  return (
    <section aria-label="Co-location audit" data-testid="zones-audit">
      <NumberField label="Walking distance: offices this close share a site (metres)" value={walkMetres} min={10} max={5000} step={50} onCommit={(v) => setCandidateSettings({ walkMetres: v })} />
      {auditError && <p className="failure">{auditError}</p>}
      {!audit && !auditError && <p className="meta">Auditing the offices…</p>}
      {audit && (
        <>
          <p data-testid="zones-audit-summary">
            {audit.offices.count} offices at {audit.audit.sites.length} sites; <strong>{shared.length}</strong> sites hold more than one department (
            {shared.reduce((n, s) => n + s.offices.length, 0)} offices).{' '}
            <span className="swatch outline" style={{ borderColor: ZONES_COLOURS.colocated, borderRadius: '50%' }} aria-hidden="true" /> on the map.
          </p>
          <LeaseTimeline years={years} selected={selectedYear} onSelect={chooseLeaseYear} departmentName={(c) => shortDepartmentName(c)} />
          <ColocationTable testId="zones-colocation-departments" caption="Co-location by department" first="Department" rows={audit.audit.byDepartment} name={shortDepartmentName} />
          <details>
            <summary>Co-location by town</summary>
            <p className="meta">A town is the nearest settlement of 5,000 people or more within 15 km, else the municipality.</p>
            <ColocationTable
              testId="zones-colocation-towns"
              first="Town"
              rows={[...audit.audit.byTown].sort((a, b) => b.offices - a.offices || a.key.localeCompare(b.key))}
              name={(k) => k}
            />
          </details>
          <details>
            <summary>What a resident can get at each shared site ({shared.length})</summary>
            <ul className="ranked" data-testid="zones-site-services">
              {shared.map((s, i) => (
                <li key={i}>
                  <strong>{s.offices.map((o) => audit.offices.name[o] || audit.offices.id[o]).join(' · ')}</strong>
                  <br />
                  <span className="meta">{s.services.map(serviceName).join(', ') || 'no services listed'}</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </section>
  );
}

/** Offices, how many share a site, and the co-location score, one row per department or town. */
function ColocationTable({ testId, caption, first, rows, name }: { testId: string; caption?: string; first: string; rows: { key: string; offices: number; colocated: number }[]; name(key: string): string }) {
  return (
    <table className="data" data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">Offices</th>
          <th scope="col">Sharing a site</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{name(r.key)}</td>
            <td>{r.offices}</td>
            <td>{r.colocated}</td>
            <td>{share(r.colocated, r.offices)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
