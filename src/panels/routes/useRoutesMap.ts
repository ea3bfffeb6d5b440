import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { routesFeatureCollection } from '../../io/exporters/routes';
import { routesLayers } from '../../map/routes-layers';
import type { MapSpec } from '../../map/slots';
import { selectedDayFeatures, unreachedPoints } from './routes-view';
import { extentOf } from '../../map/fit';

/** The routes layers for the map while the routes tab is open and a plan is there. */
export function useRoutesMap(active: boolean): MapSpec | null {
  const result = useStoreSlice(appStore, (s) => s.routes.result);
  const selected = useStoreSlice(appStore, (s) => s.routes.selected);
  // the plan's features and the unreached points change only with the plan, not with the selection
  const plan = useMemo(() => (result ? routesFeatureCollection(result) : null), [result]);
  const unreached = useMemo(() => (result ? unreachedPoints(result) : null), [result]);
  const day = useMemo(() => (result && selected ? selectedDayFeatures(result, selected.team, selected.date) : undefined), [result, selected]);
  return useMemo(() => {
    if (!active || !result || !plan) return null;
    const spec = routesLayers({ plan, teamCount: result.teams.length, selected: day, unreached: unreached ?? undefined });
    // bring the selected day into view when the selection changes
    const bounds = day && extentOf([day]);
    if (bounds && selected) spec.focus = { key: `routes:${selected.team}:${selected.date}`, bounds };
    return spec;
  }, [active, result, plan, day, unreached, selected]);
}

/**
 * The routes capability's hook: a year plan is heavy, so nothing runs by itself (the panel's
 * "Plan the year" starts it); this only returns the map layers while the panel is open.
 */
export function useRoutesCapability(active: boolean): MapSpec | null {
  return useRoutesMap(active);
}
