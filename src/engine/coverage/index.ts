/** Coverage: nearest-service times, bundle trips and coverage statistics. */
export { analyseCoverage } from './analyse-coverage';
export type { CoverageInputs, CoverageOptions, CoverageResult, NetworkSummary, SnappingSummary, CoverageTimings } from './analyse-coverage';
export { coverageStats } from './coverage-stats';
export type { CoverageTimes, GroupTimes, CoverageStats, CoverageRow, CoverageStatsOptions, UnderservedSettlement, Catchment, GroupSummary } from './coverage-stats';
export { bundleTrips } from './bundle-trips';
export type { BundleTrip, BundleOptions } from './bundle-trips';
export { bestTour, createTourResult, createTourScratch } from './bundle-tour';
export type { TourResult } from './bundle-tour';
export { officeSites, siteOffers } from './sites';
export type { Sites, SiteOptions } from './sites';
export { settlementTable, officeTable, placeTable, municipalityTable, departmentsPresent, representativePoint } from './inputs';
export type { SettlementTable, OfficeTable, PlaceTable, MunicipalityTable } from './inputs';
export { networkContext, nearestTimes, kNearestTimes, betweenTimes } from './travel-context';
export type { TravelContext, NetworkContext, EstimateContext, Destinations } from './travel-context';
