/**
 * Settlement → candidate travel minutes over the road network, as a location problem's sparse
 * matrix: one Dijkstra per candidate on the reversed graph (so each search gives every node's time
 * TO that candidate, which is the resident's trip when roads are one-way), cut off at
 * `maxMinutes` when the model only cares about pairs within T.
 */
import { throttleProgress, type ProgressFn } from '../../model/progress';
import {
  createDijkstraWorkspace,
  createEntries,
  destinationSeeds,
  multiSourceDijkstra,
  originEntries,
  reverseCsr,
  sameSegmentMinutes,
  type RoadGraph,
  type Snaps,
} from '../network';
import type { SparseMinutes } from './problem';

export function networkCandidateMinutes(
  graph: RoadGraph,
  settlements: Snaps,
  candidates: Snaps,
  options: { maxMinutes?: number } = {},
  progress?: ProgressFn,
): SparseMinutes {
  const report = throttleProgress(progress);
  const maxMinutes = options.maxMinutes ?? Infinity;
  const S = settlements.count;
  const C = candidates.count;
  const rev = reverseCsr(graph);
  const ws = createDijkstraWorkspace(graph.nodeCount);
  const e = createEntries();
  // triplets gathered candidate by candidate, then turned demand-major
  const pairS: number[] = [];
  const pairC: number[] = [];
  const pairM: number[] = [];
  for (let c = 0; c < C; c++) {
    report({ phase: 'Travel times to candidate sites', done: c, total: C });
    if (candidates.tooFar[c]) continue;
    const seeds = destinationSeeds(graph, candidates, [c]);
    const result = seeds.count ? multiSourceDijkstra(rev, seeds, { maxMinutes }, ws) : null;
    for (let s = 0; s < S; s++) {
      if (settlements.tooFar[s]) continue;
      let best = sameSegmentMinutes(graph, settlements, s, candidates, c);
      if (result) {
        originEntries(graph, settlements, s, e);
        for (let x = 0; x < e.count; x++) {
          const m = e.minutes[x] + result.minutes[e.node[x]];
          if (m < best) best = m;
        }
      }
      if (best <= maxMinutes && best < Infinity) {
        pairS.push(s);
        pairC.push(c);
        pairM.push(best);
      }
    }
  }
  report({ phase: 'Travel times to candidate sites', done: C, total: C });
  const offsets = new Uint32Array(S + 1);
  for (const s of pairS) offsets[s + 1]++;
  for (let s = 0; s < S; s++) offsets[s + 1] += offsets[s];
  const fill = offsets.slice(0, S);
  const cand = new Uint32Array(pairS.length);
  const mins = new Float32Array(pairS.length);
  for (let q = 0; q < pairS.length; q++) {
    const k = fill[pairS[q]]++;
    cand[k] = pairC[q];
    mins[k] = pairM[q];
  }
  return { offsets, candidates: cand, minutes: mins, cutoffMinutes: maxMinutes };
}
