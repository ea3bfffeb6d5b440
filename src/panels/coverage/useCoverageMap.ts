import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { layerCollection } from '../../model/dataset';
import { departmentColour } from '../../model/catalogue';
import { coverageLayers } from '../../map/coverage-layers';
import type { MapSpec } from '../../map/slots';
import { useCoverageRunner } from './coverage-runner';
import { catchmentLines, coveragePoints, officePositions, pickGroup, settlementPositions } from './coverage-view';

/** The coverage layers for the map while the coverage tab is open and a result is there. */
export function useCoverageMap(active: boolean): MapSpec | null {
  const result = useStoreSlice(appStore, (s) => s.coverage.result);
  const groupCode = useStoreSlice(appStore, (s) => s.coverage.group);
  const thresholds = useStoreSlice(appStore, (s) => s.coverage.stats?.thresholds ?? s.coverage.thresholds);
  const showCatchments = useStoreSlice(appStore, (s) => s.coverage.showCatchments);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  // built only while the layers are shown: a big settlements file must not cost the page on every load
  const shown = active && !!result;
  const settlements = shown ? layerCollection(dataset, 'settlements') : undefined;
  const offices = shown ? layerCollection(dataset, 'offices') : undefined;
  const positions = useMemo(() => (settlements ? settlementPositions(settlements) : null), [settlements]);
  const officeAt = useMemo(() => (offices ? officePositions(offices) : null), [offices]);
  const names = useMemo(() => new Map((settlements?.features ?? []).map((f) => [String(f.properties?.id), String(f.properties?.name ?? '')])), [settlements]);
  const thresholdKey = thresholds.join(',');
  return useMemo(() => {
    if (!active || !result || !positions) return null;
    const group = pickGroup(result, groupCode);
    if (!group) return null;
    const catchments = showCatchments && group.kind === 'department' && officeAt ? catchmentLines(result, group, positions, officeAt) : undefined;
    return coverageLayers({ points: coveragePoints(result, group, positions, names), thresholds, catchments, catchmentColour: departmentColour(group.group) });
    // thresholds by value: a new array with the same numbers must not rebuild the layers
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, result, groupCode, thresholdKey, showCatchments, positions, officeAt, names]);
}

/** Keeps coverage current while its panel is open (or once it has a result) and returns its map layers. */
export function useCoverageCapability(active: boolean): MapSpec | null {
  const hasResult = useStoreSlice(appStore, (s) => !!s.coverage.result);
  useCoverageRunner(active || hasResult);
  return useCoverageMap(active);
}
