/**
 * Intersection areas of hand-made polygons whose overlaps are known exactly. In the linear test
 * frame an area is the planar area of the degree coordinates (× DEG2), so every expectation below
 * is a small rational number, checked to 1e-9.
 */
import { describe, expect, it } from 'vitest';
import { DEG2, multi, overlay, poly, rect } from './helpers';

const close = (got: number, degrees2: number) => expect(got / DEG2).toBeCloseTo(degrees2, 9);

describe('overlay areas of squares', () => {
  it('two unit squares offset by half a side overlap by half', () => {
    const o = overlay([rect(0, 0, 1, 1)], [rect(0.5, 0, 1.5, 1)]);
    close(o.at(0, 0), 0.5);
  });

  it('squares offset diagonally overlap by a quarter', () => {
    close(overlay([rect(0, 0, 1, 1)], [rect(0.5, 0.5, 1.5, 1.5)]).at(0, 0), 0.25);
  });

  it('a square inside another overlaps by its own area, whichever layer it is in', () => {
    close(overlay([rect(0, 0, 4, 4)], [rect(1, 1, 2, 3)]).at(0, 0), 2);
    close(overlay([rect(1, 1, 2, 3)], [rect(0, 0, 4, 4)]).at(0, 0), 2);
  });

  it('disjoint squares do not overlap', () => {
    close(overlay([rect(0, 0, 1, 1)], [rect(2, 0, 3, 1)]).at(0, 0), 0);
  });

  it('identical squares overlap by their whole area (every edge shared, same direction)', () => {
    close(overlay([rect(0, 0, 1, 1)], [rect(0, 0, 1, 1)]).at(0, 0), 1);
  });

  it('neighbours sharing an edge do not overlap (the shared edge runs in opposite directions)', () => {
    close(overlay([rect(0, 0, 1, 1)], [rect(1, 0, 2, 1)]).at(0, 0), 0);
  });

  it('squares touching at a corner do not overlap', () => {
    close(overlay([rect(0, 0, 1, 1)], [rect(1, 1, 2, 2)]).at(0, 0), 0);
  });

  it('ring orientation in the file does not matter', () => {
    const cw = poly([[0, 0], [0, 1], [1, 1], [1, 0]]);
    close(overlay([cw], [rect(0.5, 0, 1.5, 1)]).at(0, 0), 0.5);
  });
});

describe('overlay areas of L-shapes, holes and multipolygons', () => {
  const L = poly([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]);

  it('an L-shape and a square over its inner corner overlap by three quarters of the square', () => {
    close(overlay([L], [rect(0.5, 0.5, 1.5, 1.5)]).at(0, 0), 0.75);
  });

  it('an L-shape and the square filling its notch share only edges', () => {
    close(overlay([L], [rect(1, 1, 2, 2)]).at(0, 0), 0);
  });

  it('an L-shape with itself overlaps by its area (3)', () => {
    close(overlay([L], [L]).at(0, 0), 3);
  });

  it('a hole removes its area from the overlap', () => {
    const holed = poly([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]);
    close(overlay([holed], [rect(0, 0, 2, 2)]).at(0, 0), 3);
    close(overlay([rect(0, 0, 2, 2)], [holed]).at(0, 0), 3);
  });

  it('a polygon exactly filling a hole does not overlap the holed polygon', () => {
    const holed = poly([[0, 0], [4, 0], [4, 4], [0, 4]], [[1, 1], [1, 3], [3, 3], [3, 1]]);
    close(overlay([holed], [rect(1, 1, 3, 3)]).at(0, 0), 0);
  });

  it('an island inside a hole counts, the water around it does not', () => {
    const lake = poly([[0, 0], [6, 0], [6, 6], [0, 6]], [[1, 1], [1, 5], [5, 5], [5, 1]]);
    const withIsland = multi(lake, rect(2, 2, 4, 4));
    // everything except the water ring between hole and island: 36 − 16 + 4
    close(overlay([withIsland], [rect(0, 0, 6, 6)]).at(0, 0), 24);
    // a strip across the middle: 2 (left shore) + 2 (island) + 2 (right shore)... of width 1
    close(overlay([withIsland], [rect(0, 2.5, 6, 3.5)]).at(0, 0), 1 + 2 + 1);
  });

  it("a multipolygon's parts each contribute", () => {
    const two = multi(rect(0, 0, 1, 1), rect(2, 0, 3, 1));
    close(overlay([two], [rect(0.5, 0, 2.5, 1)]).at(0, 0), 1);
  });

  it('a hole touching the outer ring at a vertex is handled', () => {
    const notch = poly([[0, 0], [3, 0], [3, 3], [0, 3]], [[0, 0], [1, 2], [2, 1]]);
    close(overlay([notch], [rect(0, 0, 3, 3)]).at(0, 0), 9 - 1.5);
    close(overlay([notch], [notch]).at(0, 0), 7.5);
  });

  it('multipolygon parts meeting at a vertex, overlaid on themselves, count once', () => {
    const bowtieParts = multi(rect(0, 0, 1, 1), rect(1, 1, 2, 2));
    close(overlay([bowtieParts], [bowtieParts]).at(0, 0), 2);
  });
});

describe('boundaries digitised from one source (shared edges, T-junctions)', () => {
  it('a region that is the union of two municipalities splits exactly between them', () => {
    const munis = [rect(0, 0, 1, 1), rect(1, 0, 2, 1)];
    // with the junction vertices on the region outline…
    const withJunctions = poly([[0, 0], [1, 0], [2, 0], [2, 1], [1, 1], [0, 1]]);
    // …and without (the municipal corners then sit mid-edge: T-junctions)
    const without = rect(0, 0, 2, 1);
    for (const region of [withJunctions, without]) {
      const o = overlay([region], munis);
      close(o.at(0, 0), 1);
      close(o.at(0, 1), 1);
    }
  });

  it('collinear edges overlapping in part count the overlap once', () => {
    close(overlay([rect(0, 0, 2, 1)], [rect(1, 0, 3, 1)]).at(0, 0), 1);
    close(overlay([rect(0, 0, 2, 1)], [rect(1, 0, 3, 2)]).at(0, 0), 1);
    close(overlay([rect(0, 0, 3, 1)], [rect(1, 0, 2, 1)]).at(0, 0), 1);
  });

  it('a polygon whose edge carries, mid-edge, a corner of its own other part still overlays itself exactly', () => {
    const g = multi(rect(0, 0, 2, 1), poly([[1, -1], [2, -1], [1, 0]]));
    close(overlay([g], [g]).at(0, 0), 2.5);
  });

  it('perimeter of an overlap counts a shared edge once', () => {
    const o = overlay([rect(0, 0, 2, 1)], [rect(1, 0, 3, 1)]);
    expect(o.perimeterAt(0, 0) / 111_000).toBeCloseTo(4, 9);
  });
});
