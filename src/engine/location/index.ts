/** Thusong zones: maximal covering, p-median and set covering with bounds, lease relocation, co-location audit. */
export { buildMatrixFromTimes, bundleEligibility, fixedMask, relativeGap, sparsifyMinutes, validateProblem } from './problem';
export type { LocationModel, LocationProblem, LocationResult, SparseMinutes } from './problem';
export { solveMaximalCovering } from './maximal-covering';
export type { MaximalCoveringOptions } from './maximal-covering';
export { solvePMedian } from './p-median';
export type { PMedianOptions } from './p-median';
export { solveSetCovering } from './set-covering';
export type { SetCoveringOptions } from './set-covering';
export { exactMaximalCovering, exactPMedian, exactSetCovering } from './exact-search';
export type { ExactAnswer } from './exact-search';
export { loadHighsRuntime } from './highs-solver';
export { networkCandidateMinutes } from './network-minutes';
export { rankRelocations, shortDepartmentName } from './lease-relocation';
export type { RelocationCandidates, RelocationCatchment, RelocationOffice, RelocationOption, RelocationOptions, RelocationResult } from './lease-relocation';
export { auditCoLocation, leaseYear } from './co-location-audit';
export type { AuditOffices, AuditSite, CoLocationAudit, ColocationScore } from './co-location-audit';
export { syntheticInstance } from './synthetic-instance';
export type { SyntheticInstance, SyntheticOptions } from './synthetic-instance';
