import type { Feature } from 'geojson';
import { forEachPosition } from './geometry-positions';

/**
 * A loaded file's features in consecutive batches of at most `maxFeatures` features or about
 * `maxPositions` positions, whichever comes first (one feature bigger than that is a batch alone).
 * A worker hands a big file over batch by batch: each message is then small enough for the main
 * thread to take in between a user's clicks, where one message with every feature would block it
 * for seconds while the browser copies it in.
 */
export function* featureBatches(features: Feature[], maxFeatures = 2000, maxPositions = 100_000): Generator<Feature[]> {
  let start = 0;
  let positions = 0;
  for (let i = 0; i < features.length; i++) {
    const g = features[i].geometry;
    let n = 0;
    if (g) forEachPosition(g, () => n++);
    if (i > start && (i - start >= maxFeatures || positions + n > maxPositions)) {
      yield features.slice(start, i);
      start = i;
      positions = 0;
    }
    positions += n;
  }
  if (start < features.length) yield features.slice(start);
}
