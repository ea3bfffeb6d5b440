import municipalitiesUrl from '../../data/sample/municipalities.geojson?url';
import regionsUrl from '../../data/sample/regions.geojson?url';
import settlementsUrl from '../../data/sample/settlements.geojson?url';
import officesUrl from '../../data/sample/offices.geojson?url';
import thusongUrl from '../../data/sample/thusong.geojson?url';
import roadsUrl from '../../data/sample/roads.geojson?url';
import type { LayerKind } from '../model/layers';
import { actions, loadOptions } from './actions';
import { loadFileInWorker } from '../../workers/io-client';
import type { LoadResult } from '../io/load-file';
import { SCENARIO_HINT } from './scenarios/scenario-store';

/** The bundled sample province (data/sample, made by data/generator), served from the app's own origin. */
export const SAMPLE_FILES: { kind: LayerKind; url: string; fileName: string }[] = [
  { kind: 'municipalities', url: municipalitiesUrl, fileName: 'sample-municipalities.geojson' },
  { kind: 'regions', url: regionsUrl, fileName: 'sample-regions.geojson' },
  { kind: 'roads', url: roadsUrl, fileName: 'sample-roads.geojson' },
  { kind: 'settlements', url: settlementsUrl, fileName: 'sample-settlements.geojson' },
  { kind: 'offices', url: officesUrl, fileName: 'sample-offices.geojson' },
  { kind: 'thusong', url: thusongUrl, fileName: 'sample-thusong.geojson' },
];

type Loaded = { fileName: string; bytes: ArrayBuffer; result: LoadResult | Error };

/** Fetches each sample file and parses it in its own worker; nothing enters the app here. */
function startLoads(): Promise<Loaded>[] {
  return SAMPLE_FILES.map(async ({ kind, url, fileName }) => {
    const response = await fetch(url).catch((e: unknown) => e as Error);
    if (response instanceof Error || !response.ok) return { fileName, bytes: new ArrayBuffer(0), result: new Error(response instanceof Error ? response.message : `HTTP ${response.status}`) };
    const bytes = await response.arrayBuffer();
    const result = await loadFileInWorker(bytes, loadOptions(fileName, { kindHint: kind })).promise.catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    return { fileName, bytes, result };
  });
}

/**
 * The sample province's loader for start-up. On a first visit its files are fetched and parsed
 * straight away, while the page, React and the map start up; where a scenario was saved before
 * (most likely restored), nothing starts until the loader is called. Each file enters the app as
 * soon as it is ready, so the province shows while the roads still parse.
 */
export function prefetchSampleProvince(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): () => Promise<void> {
  let returning = false;
  try {
    returning = !!storage?.getItem(SCENARIO_HINT);
  } catch {
    // storage refused (private mode): treat as a first visit
  }
  let loads = returning ? null : startLoads();
  return async () => {
    actions.setSampleStatus('loading');
    loads ??= startLoads();
    const ok = await Promise.all(loads.map((load) => load.then((x) => actions.addLoaded([x]))));
    actions.setSampleStatus(ok.every(Boolean) ? 'loaded' : 'failed');
  };
}
