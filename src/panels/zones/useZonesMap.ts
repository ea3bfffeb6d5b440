import { extentOf } from '../../map/fit';
import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { zonesLayers, type ZonesMapInput } from '../../map/zones-layers';
import type { MapSpec } from '../../map/slots';
import { useZonesRunner } from './zones-runner';
import { addedPointFeatures, candidatePoints, catchmentLines, colocatedSitePoints, coverageStatusPoints, newCentrePoints, relocationFeatures, zonePoints } from './zones-view';

/**
 * The zones layers while the zones tab is open, for the section on show: the audit's co-located
 * sites; the plan's coverage before/after, catchments and zones; the new centres and coverage with
 * them; or the relocating offices and their options (brought into view when they change). Added
 * points show in every section.
 */
export function useZonesMap(active: boolean): MapSpec | null {
  const section = useStoreSlice(appStore, (s) => s.zones.section);
  const prepared = useStoreSlice(appStore, (s) => s.zones.prepared);
  const plan = useStoreSlice(appStore, (s) => s.zones.plan);
  const audit = useStoreSlice(appStore, (s) => s.zones.audit);
  const points = useStoreSlice(appStore, (s) => s.zones.points);
  const relocations = useStoreSlice(appStore, (s) => s.zones.relocation.results);
  const relocationKey = useStoreSlice(appStore, (s) => s.zones.relocation.key);
  // a plan and the places it indexes are stored together (zones-runner.ts), so they always match
  const planPrepared = plan ? prepared : undefined;
  const coverage = useMemo(() => (plan && planPrepared ? coverageStatusPoints(planPrepared, plan.before, plan.after, plan.options.minutes) : undefined), [plan, planPrepared]);
  const centresCoverage = useMemo(() => (plan && planPrepared ? coverageStatusPoints(planPrepared, plan.before, plan.newCentres.coverageAfter, plan.options.minutes) : undefined), [plan, planPrepared]);
  const catchments = useMemo(() => (plan && planPrepared ? catchmentLines(planPrepared, plan.assignment) : undefined), [plan, planPrepared]);
  const zones = useMemo(() => (plan && planPrepared ? zonePoints(planPrepared, plan) : undefined), [plan, planPrepared]);
  const centres = useMemo(() => (plan && planPrepared ? newCentrePoints(planPrepared, plan) : undefined), [plan, planPrepared]);
  const candidates = useMemo(() => (prepared ? candidatePoints(prepared) : undefined), [prepared]);
  const added = useMemo(() => addedPointFeatures(points), [points]);
  const colocated = useMemo(() => (audit ? colocatedSitePoints(audit) : undefined), [audit]);
  const relocation = useMemo(() => (relocations && prepared ? relocationFeatures(prepared, relocations) : undefined), [relocations, prepared]);

  return useMemo(() => {
    if (!active) return null;
    const input: ZonesMapInput = { added };
    if (section === 'audit') input.colocated = colocated;
    if (section === 'optimise') Object.assign(input, { coverage, catchments, zones, candidates: plan ? undefined : candidates });
    if (section === 'centres') Object.assign(input, { coverage: centresCoverage, newCentres: centres });
    // the offices and their options only: a proposed zone that is an option is drawn as one
    if (section === 'relocation') input.relocation = relocation;
    const spec = zonesLayers(input);
    if (section === 'relocation' && relocation && relocationKey) {
      const bounds = extentOf([relocation.offices, relocation.options]);
      if (bounds) spec.focus = { key: relocationKey, bounds };
    }
    return spec;
  }, [active, section, added, colocated, coverage, catchments, zones, candidates, plan, centresCoverage, centres, relocation, relocationKey]);
}

/** Keeps zones current while its panel is open and returns its map layers. */
export function useZonesCapability(active: boolean): MapSpec | null {
  useZonesRunner(active);
  return useZonesMap(active);
}
