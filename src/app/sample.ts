import municipalitiesUrl from '../../data/sample/municipalities.geojson?url';
import regionsUrl from '../../data/sample/regions.geojson?url';
import settlementsUrl from '../../data/sample/settlements.geojson?url';
import officesUrl from '../../data/sample/offices.geojson?url';
import thusongUrl from '../../data/sample/thusong.geojson?url';
import roadsUrl from '../../data/sample/roads.geojson?url';
import type { LayerKind } from '../model/layers';
import { actions } from './actions';

/** The bundled sample province (data/sample, made by data/generator), served from the app's own origin. */
export const SAMPLE_FILES: { kind: LayerKind; url: string; fileName: string }[] = [
  { kind: 'municipalities', url: municipalitiesUrl, fileName: 'sample-municipalities.geojson' },
  { kind: 'regions', url: regionsUrl, fileName: 'sample-regions.geojson' },
  { kind: 'roads', url: roadsUrl, fileName: 'sample-roads.geojson' },
  { kind: 'settlements', url: settlementsUrl, fileName: 'sample-settlements.geojson' },
  { kind: 'offices', url: officesUrl, fileName: 'sample-offices.geojson' },
  { kind: 'thusong', url: thusongUrl, fileName: 'sample-thusong.geojson' },
];

export async function loadSampleProvince(): Promise<void> {
  actions.setSampleStatus('loading');
  try {
    const results = await Promise.all(
      SAMPLE_FILES.map(async ({ kind, url, fileName }) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${fileName}: HTTP ${response.status}`);
        return actions.loadBytes(fileName, await response.arrayBuffer(), { kindHint: kind });
      }),
    );
    actions.setSampleStatus(results.every(Boolean) ? 'loaded' : 'failed');
  } catch {
    actions.setSampleStatus('failed');
  }
}
