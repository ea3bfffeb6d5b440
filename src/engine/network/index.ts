/** The road network: graph building, snapping, shortest paths and travel times. */
export { buildRoadGraph, forwardCsr, reverseCsr } from './build-graph';
export type { RoadGraph, Csr, BuildGraphOptions } from './build-graph';
export { DEFAULT_SPEEDS_KMH, speedForClass, onewayDirection } from './speeds';
export type { SpeedTable } from './speeds';
export { findComponents } from './components';
export type { Components } from './components';
export { buildSnapIndex, snapPoints, snapComponent, DEFAULT_SNAP_OPTIONS } from './snap';
export type { Snaps, SnapMode, SnapOptions, SnapIndex } from './snap';
export { originEntries, destinationEntries, sameSegmentMinutes, createEntries } from './connections';
export type { Entries } from './connections';
export { multiSourceDijkstra, createDijkstraWorkspace } from './dijkstra';
export type { Seeds, DijkstraResult, DijkstraOptions, DijkstraWorkspace } from './dijkstra';
export { kNearestDijkstra, createKNearestWorkspace } from './k-nearest-dijkstra';
export type { KNearestResult, KNearestWorkspace } from './k-nearest-dijkstra';
export { timesToNearest, timesToKNearest, placeToPlaceMinutes, destinationSeeds, originEntryNodes } from './travel-times';
export type { NearestTimes, KNearestTimes, TravelTimeOptions } from './travel-times';
export { estimateMinutes, estimateTimesToNearest, estimateTimesToKNearest, estimatePlaceToPlace, DEFAULT_ESTIMATE_OPTIONS } from './estimate';
export type { EstimateOptions, PointList } from './estimate';
