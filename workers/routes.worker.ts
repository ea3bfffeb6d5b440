/// <reference lib="webworker" />
import { exposeWithCollections } from './collections';
import { planMobileYear, type MobilePlanInputs, type MobilePlanOptions } from '../src/engine/routing/mobile-plan';
import type { ProgressFn } from '../src/model/progress';

// Thin: the route engine lives in src/engine/routing; this only wires it to comlink.
const routesApi = {
  planYear(inputs: MobilePlanInputs, options: MobilePlanOptions, progress?: ProgressFn) {
    return planMobileYear(inputs, options, progress);
  },
};

export type RoutesApi = typeof routesApi;
exposeWithCollections(routesApi);
