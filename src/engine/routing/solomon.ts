/**
 * Reads Solomon's VRPTW text format (name; VEHICLE NUMBER/CAPACITY; CUSTOMER table with the depot
 * as customer 0) into a VrpProblem: travel time = distance = unrounded Euclidean distance, as in
 * the best-known results the literature reports for the 100-customer instances.
 */
import { InputError } from '../../model/errors';
import type { VrpProblem } from './vrp-problem';

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** customer numbers as in the file (node index i has number ids[i]; the depot is first) */
  ids: Int32Array;
  x: Float64Array;
  y: Float64Array;
  problem: VrpProblem;
}

export function parseSolomon(text: string, file = 'instance'): SolomonInstance {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? file;
  const vIdx = lines.findIndex((l) => /^NUMBER\s+CAPACITY/i.test(l));
  if (vIdx < 0) throw bad(file, 'no "NUMBER CAPACITY" line under VEHICLE', 'Use the Solomon layout: VEHICLE, NUMBER CAPACITY, then the two numbers.');
  const vehicleLine = lines.slice(vIdx + 1).find((l) => l.length > 0) ?? '';
  const [vehicles, capacity] = vehicleLine.split(/\s+/).map(Number);
  if (!Number.isFinite(vehicles) || !Number.isFinite(capacity)) throw bad(file, `vehicle line "${vehicleLine}" is not two numbers`, 'Write the vehicle number and capacity as two numbers.');
  const cIdx = lines.findIndex((l) => /^CUST\.?\s*NO/i.test(l));
  if (cIdx < 0) throw bad(file, 'no CUSTOMER table header ("CUST NO. XCOORD. …")', 'Add the customer table as in Solomon’s files.');
  const rows: number[][] = [];
  for (let i = cIdx + 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const f = lines[i].split(/\s+/).map(Number);
    if (f.length < 7 || f.some((v) => !Number.isFinite(v))) throw bad(file, `line ${i + 1} "${lines[i]}" is not 7 numbers`, 'Each customer line is: number x y demand ready due service.', i + 1);
    rows.push(f);
  }
  if (rows.length < 2) throw bad(file, 'fewer than two customer rows', 'List the depot (customer 0) and at least one customer.');
  const n = rows.length;
  const ids = new Int32Array(n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const dist = new Float64Array(n * n);
  const problem: VrpProblem = {
    size: n,
    depot: 0,
    travelMinutes: dist,
    cost: dist,
    serviceMinutes: new Float64Array(n),
    earliestMinutes: new Float64Array(n),
    latestMinutes: new Float64Array(n),
    demand: new Float64Array(n),
    capacity,
    maxVehicles: vehicles,
  };
  rows.forEach((f, i) => {
    [ids[i], x[i], y[i]] = f;
    problem.demand[i] = f[3];
    problem.earliestMinutes[i] = f[4];
    problem.latestMinutes[i] = f[5];
    problem.serviceMinutes[i] = f[6];
  });
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) dist[i * n + j] = Math.hypot(x[i] - x[j], y[i] - y[j]);
  return { name, vehicles, capacity, ids, x, y, problem };
}

function bad(file: string, message: string, fix: string, row?: number): InputError {
  return new InputError({ code: 'invalid-value', message: `${file}: ${message}.`, fix, where: { file, row } });
}
