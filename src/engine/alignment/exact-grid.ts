/**
 * Topology (which side, crossing or touching, collinear or not) is decided on coordinates snapped
 * to a grid of 1e-7 degree (about 1 cm), held as integer-valued doubles. On integers a cross
 * product is exact while each product stays below 2^53, which covers every segment shorter than
 * about 6.7 degrees; longer ones fall back to BigInt. So shared vertices stay shared, collinear
 * stays collinear, and no decision depends on rounding — the failure mode of floating-point
 * overlays on boundaries digitised from the same source.
 */

/** grid units per degree */
export const GRID_PER_DEGREE = 1e7;

const SAFE = 2 ** 53;

export const toGrid = (degrees: number): number => Math.round(degrees * GRID_PER_DEGREE);
export const fromGrid = (units: number): number => units / GRID_PER_DEGREE;

/**
 * u × v for integer-valued vectors. The sign is always exact; the magnitude is exact below 2^53
 * and rounded above (only used to place crossings along a segment).
 */
export function cross(ux: number, uy: number, vx: number, vy: number): number {
  const l = ux * vy;
  const r = uy * vx;
  if (l < SAFE && l > -SAFE && r < SAFE && r > -SAFE) return l - r;
  // doubled so that the half-units of edge midpoints (validity checks) are integers too
  return Number(BigInt(2 * ux) * BigInt(2 * vy) - BigInt(2 * uy) * BigInt(2 * vx));
}

/** Sign of u · v for vectors already known to be parallel (cross = 0), exactly. */
export function parallelSameDirection(ux: number, uy: number, vx: number, vy: number): boolean {
  return ux !== 0 ? ux > 0 === vx > 0 : uy > 0 === vy > 0;
}

/** Whether q lies in the closed box of p1–p2 (for points already known to be collinear with it). */
export function withinBox(p1x: number, p1y: number, p2x: number, p2y: number, qx: number, qy: number): boolean {
  return (p1x < p2x ? p1x <= qx && qx <= p2x : p2x <= qx && qx <= p1x) && (p1y < p2y ? p1y <= qy && qy <= p2y : p2y <= qy && qy <= p1y);
}

/**
 * Position of the polygon boundary near a point, as seen from a direction v leaving that point:
 * OUTSIDE, INSIDE, ON_SAME (v runs along the boundary the way the boundary goes) or ON_OPP
 * (v runs along it against its direction).
 */
export const OUTSIDE = 0;
export const INSIDE = 1;
export const ON_SAME = 2;
export const ON_OPP = 3;
export type SideClass = typeof OUTSIDE | typeof INSIDE | typeof ON_SAME | typeof ON_OPP;

/**
 * Classifies direction (vx, vy) against the boundary rays of a polygon meeting at one point.
 * Each boundary pass through the point gives an outgoing ray (the way the boundary leaves) and an
 * incoming ray (pointing back along the way it came). Interior lies to the left of the boundary,
 * so for a valid polygon the sector just counter-clockwise of an outgoing ray is inside and the
 * sector just counter-clockwise of an incoming ray is outside: v is inside exactly when the first
 * ray met turning clockwise from v is an outgoing one. This handles edge interiors, corners,
 * reflex corners, and rings touching at a vertex alike.
 *
 * `rays` holds [x, y, isOutgoing (1/0)] triples, `count` of them.
 */
export function classifyDirection(vx: number, vy: number, rays: Float64Array, count: number): SideClass {
  let sameOut = false;
  let sameIn = false;
  let best = -1;
  let bestHalf = 2;
  for (let k = 0; k < count; k++) {
    const rx = rays[3 * k];
    const ry = rays[3 * k + 1];
    const c = cross(rx, ry, vx, vy);
    if (c === 0 && parallelSameDirection(rx, ry, vx, vy)) {
      if (rays[3 * k + 2] === 1) sameOut = true;
      else sameIn = true;
      continue;
    }
    // half 0: angle from the ray counter-clockwise to v in (0, π]; half 1: in (π, 2π)
    const half = c >= 0 ? 0 : 1;
    if (half < bestHalf || (half === bestHalf && cross(rays[3 * best], rays[3 * best + 1], rx, ry) > 0)) {
      best = k;
      bestHalf = half;
    }
  }
  if (sameOut) return ON_SAME;
  if (sameIn) return ON_OPP;
  if (best < 0) return OUTSIDE;
  return rays[3 * best + 2] === 1 ? INSIDE : OUTSIDE;
}
