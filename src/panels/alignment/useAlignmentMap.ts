import { extentOf } from '../../map/fit';
import { useMemo } from 'react';
import { appStore } from '../../app/state';
import { useStoreSlice } from '../../app/store';
import { layerCollection } from '../../model/dataset';
import { alignmentLayers } from '../../map/alignment-layers';
import type { MapSpec } from '../../map/slots';
import { catchmentInputKey, currentDepartment, useAlignmentRunner } from './alignment-runner';
import { alignmentMunicipalities, sliverDisplayFeatures, splitFeatures, travelChangePoints } from './alignment-view';

/** The alignment layers while the alignment tab is open and a result is there. */
export function useAlignmentMap(active: boolean): MapSpec | null {
  const analysis = useStoreSlice(appStore, (s) => s.alignment.analysis);
  const analysisId = useStoreSlice(appStore, (s) => s.alignment.analysisId);
  const department = useStoreSlice(appStore, (s) => currentDepartment(s.alignment));
  const measure = useStoreSlice(appStore, (s) => s.alignment.shading);
  const showSlivers = useStoreSlice(appStore, (s) => s.alignment.showSlivers);
  const showProposal = useStoreSlice(appStore, (s) => s.alignment.showProposal);
  const showTravel = useStoreSlice(appStore, (s) => s.alignment.showTravelChange);
  const sliverPieces = useStoreSlice(appStore, (s) => s.alignment.sliverPieces);
  const alignedRegions = useStoreSlice(appStore, (s) => s.alignment.alignedRegions);
  const catchments = useStoreSlice(appStore, (s) => s.alignment.catchments);
  const focusOverlap = useStoreSlice(appStore, (s) => s.alignment.focusOverlap);
  const catchmentKey = useStoreSlice(appStore, catchmentInputKey);
  const dataset = useStoreSlice(appStore, (s) => s.dataset);
  const regions = layerCollection(dataset, 'regions');
  const municipalityLayer = layerCollection(dataset, 'municipalities');
  const settlements = layerCollection(dataset, 'settlements');

  const d = analysis ? analysis.result.departments.indexOf(department) : -1;
  const municipalities = useMemo(
    () => (analysis && municipalityLayer && d >= 0 ? splitFeatures(alignmentMunicipalities(municipalityLayer), analysis, d) : null),
    [analysis, municipalityLayer, d],
  );
  const effect = catchments?.status === 'done' && catchments.key === catchmentKey && catchments.analysisId === analysisId ? catchments.result?.departments.find((x) => x.department === d) : undefined;
  const sliverFeatures = sliverPieces?.status === 'done' ? sliverPieces.features : undefined;
  const sliverDisplay = useMemo(() => (sliverFeatures ? sliverDisplayFeatures(sliverFeatures) : undefined), [sliverFeatures]);
  const travelChange = useMemo(() => (effect && settlements ? travelChangePoints(settlements, effect.effect) : undefined), [effect, settlements]);

  return useMemo(() => {
    if (!active || !analysis || !municipalities || !regions || d < 0) return null;
    const own = (j: typeof sliverPieces) => j?.status === 'done' && j.analysisId === analysisId && j.department === department;
    const slivers = showSlivers && own(sliverPieces) ? sliverDisplay : undefined;
    const spec = alignmentLayers({
      municipalities,
      regions,
      department,
      measure,
      slivers,
      aligned: showProposal && own(alignedRegions) ? alignedRegions!.features : undefined,
      showMoves: showProposal,
      travelChange: showTravel ? travelChange : undefined,
    });
    // a sliver chosen in the list: zoom to it once its polygon is there
    const t = analysis.result.overlaps;
    if (slivers && focusOverlap !== undefined && focusOverlap < t.count) {
      const region = analysis.result.regions.name[t.region[focusOverlap]];
      const code = analysis.result.municipalities.code[t.municipality[focusOverlap]];
      const piece = slivers.features.filter((f) => f.properties?.region === region && f.properties?.municipality_code === code);
      const bounds = extentOf([{ type: 'FeatureCollection', features: piece }]);
      if (bounds) spec.focus = { key: `sliver:${focusOverlap}`, bounds };
    }
    return spec;
  }, [active, analysis, analysisId, municipalities, regions, d, department, measure, showSlivers, sliverPieces, sliverDisplay, showProposal, alignedRegions, showTravel, travelChange, focusOverlap]);
}

/** Keeps alignment current while its panel is open (or once it has a result) and returns its map layers. */
export function useAlignmentCapability(active: boolean): MapSpec | null {
  const hasResult = useStoreSlice(appStore, (s) => !!s.alignment.analysis);
  useAlignmentRunner(active || hasResult);
  return useAlignmentMap(active);
}
