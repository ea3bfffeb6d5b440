import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { networkCandidateMinutes } from '../../../src/engine/location/network-minutes';
import { buildRoadGraph, buildSnapIndex, placeToPlaceMinutes, snapPoints } from '../../../src/engine/network';

const A = [28.0, -26.0];
const B = [28.1, -26.0];
const C = [28.1, -26.1];
// A → B one-way; B — C both ways
const roads: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { class: 'primary', oneway: true }, geometry: { type: 'LineString', coordinates: [A, B] } },
    { type: 'Feature', properties: { class: 'secondary' }, geometry: { type: 'LineString', coordinates: [B, C] } },
  ],
};

describe('travel minutes from settlements to candidate sites over roads', () => {
  it('agrees with the network engine’s place-to-place times and respects one-way roads', () => {
    const graph = buildRoadGraph(roads);
    const index = buildSnapIndex(graph, 'segment');
    const pts = { lon: Float64Array.from([A[0], B[0], C[0]]), lat: Float64Array.from([A[1], B[1], C[1]]) };
    const snaps = snapPoints(graph, pts, {}, index);
    const sparse = networkCandidateMinutes(graph, snaps, snaps);
    const got = new Float64Array(9).fill(Infinity);
    for (let d = 0; d < 3; d++) for (let e = sparse.offsets[d]; e < sparse.offsets[d + 1]; e++) got[d * 3 + sparse.candidates[e]] = sparse.minutes[e];
    const reference = placeToPlaceMinutes(graph, snaps, new Uint8Array(9).fill(1));
    for (let i = 0; i < 9; i++) expect(got[i]).toBeCloseTo(reference[i], 3);
    expect(got[0 * 3 + 1]).toBeLessThan(Infinity); // A → B along the one-way road
    expect(got[1 * 3 + 0]).toBe(Infinity); // B → A would drive against it
    expect(got[0 * 3 + 2]).toBeCloseTo(got[0 * 3 + 1] + got[1 * 3 + 2], 3);
  });

  it('leaves out pairs slower than the cutoff and records the cutoff', () => {
    const graph = buildRoadGraph(roads);
    const pts = { lon: Float64Array.from([A[0], C[0]]), lat: Float64Array.from([A[1], C[1]]) };
    const snaps = snapPoints(graph, pts, {}, buildSnapIndex(graph, 'segment'));
    const all = networkCandidateMinutes(graph, snaps, snaps);
    const slowest = Math.max(...all.minutes);
    const cut = networkCandidateMinutes(graph, snaps, snaps, { maxMinutes: slowest - 0.01 });
    expect(cut.minutes.length).toBe(all.minutes.length - 1);
    expect(cut.cutoffMinutes).toBe(slowest - 0.01);
  });
});
