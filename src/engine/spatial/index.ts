export { EARTH_RADIUS_METRES, METRES_PER_DEGREE, haversineMetres, cosLatitude, pointSegmentMetres } from './geodesy';
export type { PointSegmentResult } from './geodesy';
export { pointInRing, pointInPolygon, polygonCentroid, polygonBounds } from './polygon';
export { assignPointsToPolygons } from './polygon-index';
export { buildSegmentIndex, openSegmentIndex, nearestSegment, referenceCos } from './segment-index';
export type { SegmentIndex, SegmentGeometry, NearestSegment } from './segment-index';
export { buildPointIndex, openPointIndex, nearestPoint } from './point-index';
export type { PointIndex, NearestPoint } from './point-index';
