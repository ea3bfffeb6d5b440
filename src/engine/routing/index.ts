/**
 * The route engine: stop selection, vehicle routing (VRPTW), single tours and their bounds, the
 * annual plan and its verifier, and the South African working calendar they run on.
 */
// calendar
export { southAfricanHolidays, easterSunday, dayNumber, isoDate, parseIsoDate, weekday } from './holidays';
export type { Holiday, HolidayOptions } from './holidays';
export { workingDayNumbers, holidayDayNumbers, nonWorkingReason, workWeekdaysOf } from './working-days';
export type { WorkingCalendarOptions } from './working-days';
// stops
export { greedyStopSelection, reachFromPairs, nearestChosen, stopService } from './stop-selection';
export type { ReachMatrix, StopSelection, StopSelectionOptions, ServiceOptions, StopService } from './stop-selection';
export { estimatedReach } from './estimated-reach';
export { networkReach, networkProvider } from './network-travel';
export { greatCircleProvider, matrixProvider, subsetProvider } from './travel-provider';
export type { TravelProvider, GreatCircleOptions } from './travel-provider';
// vehicle routing
export { createVrpProblem, scheduleRoute, routeCost, checkVrpSolution } from './vrp-problem';
export type { VrpProblem, RouteSchedule, SolutionCheck } from './vrp-problem';
export { solveVrp } from './solve-vrp';
export type { SolveVrpOptions, VrpResult } from './solve-vrp';
export { savingsConstruction } from './savings-construction';
export { insertionConstruction } from './insertion-construction';
export { parseSolomon } from './solomon';
export type { SolomonInstance } from './solomon';
// single tours
export { solveTsp, tourLength } from './solve-tsp';
export type { TspOptions, TspResult } from './solve-tsp';
export { heldKarpTour } from './held-karp';
export { oneTreeBound } from './one-tree-bound';
export type { OneTreeBound, OneTreeOptions } from './one-tree-bound';
export { parseTsplib } from './tsplib';
// the year
export { scheduleTrip } from './trip-schedule';
export type { TripContext, TripDay, TripSchedule } from './trip-schedule';
export { planYear } from './plan-year';
export type { PlanStops, TeamSpec, PlanYearInputs, PlanYearOptions, PlannedDay, TeamYear, Unvisited, UnvisitedCode, YearPlan } from './plan-year';
export { verifyPlan, describeProblems } from './verify-plan';
export type { PlanProblem, PlanProblemCode, PlanVerification, VerifyPlanInputs, VerifyPlanOptions, CoverageToVerify } from './verify-plan';
// from layers to a verified year (shared by `analyse routes` and the routes panel's worker)
export { planMobileYear, dayLegs, servedSettlements } from './mobile-plan';
export type { MobilePlan, MobilePlanInputs, MobilePlanOptions, MobileStops, DayLegs } from './mobile-plan';
