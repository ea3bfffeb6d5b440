import { describe, expect, it } from 'vitest';
import { auditZones, bestNewCentres, nearestServing, planZones, prepareZones, relocateOffices, selectColumns, zoneSites, type ZonesPrepared } from '../../../src/engine/location';
import { officeTable, placeTable } from '../../../src/engine/coverage/inputs';
import { east, inputs, mid, offices, settlements, thusong, municipalities } from './zones-fixture';

describe('zone sites', () => {
  it('makes one site of offices within a walk, with their services and departments', () => {
    const sites = zoneSites({ offices: officeTable(offices), thusong: placeTable(thusong, 'thusong') }, { thusongOffersAll: true });
    expect(sites.id).toEqual(['O1+O2', 'O3', 'T1']);
    expect(sites.kind).toEqual(['office-site', 'office-site', 'thusong']);
    expect(sites.services[0]).toEqual(['birth_certificate', 'id_document', 'sassa_grant']);
    expect(sites.departments[0]).toEqual(['HOME_AFFAIRS', 'SASSA']);
    expect(sites.services[2]).toContain('clinic');
    expect(Array.from(sites.officeSite)).toEqual([0, 0, 1]);
  });

  it('gives a Thusong centre only the services beside it when it does not offer them all', () => {
    const sites = zoneSites({ offices: officeTable(offices), thusong: placeTable(thusong, 'thusong') }, { thusongOffersAll: false });
    expect(sites.services[2]).toEqual([]);
  });
});

describe('preparing zones from layers', () => {
  const prepared = prepareZones(inputs, { settlementsMinPopulation: 50, points: [{ id: 'P1', name: 'Added point 1', lon: east, lat: -33.5 }] });

  it('lists office sites, large settlements, added points and Thusong centres, each with its municipality', () => {
    expect(prepared.sites.id).toEqual(['O1+O2', 'O3', 'W', 'M', 'P1', 'T1']);
    expect(Array.from(prepared.siteMunicipality)).toEqual([0, 1, 0, 1, 1, 1]);
    expect(Array.from(prepared.settlementMunicipality)).toEqual([0, 1, 1, -1]);
    expect(Array.from(prepared.candidate)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('measures every settlement to every place over the road; the far settlement reaches none', () => {
    const row = (s: number) => {
      const out: Record<string, number> = {};
      for (let e = prepared.travel.sparse.offsets[s]; e < prepared.travel.sparse.offsets[s + 1]; e++) out[prepared.sites.id[prepared.travel.sparse.candidates[e]]] = prepared.travel.sparse.minutes[e];
      return out;
    };
    expect(prepared.travel.method).toBe('network');
    expect(row(0).W).toBeCloseTo(0, 3);
    expect(row(0).T1).toBeCloseTo(7.5, 1);
    expect(row(0).O3).toBeCloseTo(15, 1);
    expect(row(2).P1).toBeCloseTo(0, 3);
    expect(row(3)).toEqual({});
  });

  it('reuses the minutes of places it has seen and searches only for new ones', () => {
    const again = prepareZones(inputs, { settlementsMinPopulation: 50, points: [{ id: 'P1', name: 'Added point 1', lon: east, lat: -33.5 }, { id: 'P2', name: 'Added point 2', lon: mid, lat: -33.5 }], reuse: prepared });
    const fresh = prepareZones(inputs, { settlementsMinPopulation: 50, points: [{ id: 'P1', name: 'Added point 1', lon: east, lat: -33.5 }, { id: 'P2', name: 'Added point 2', lon: mid, lat: -33.5 }] });
    const asMap = (p: typeof fresh) => {
      const m = new Map<string, number>();
      for (let s = 0; s < p.settlements.count; s++) for (let e = p.travel.sparse.offsets[s]; e < p.travel.sparse.offsets[s + 1]; e++) m.set(`${s}:${p.sites.id[p.travel.sparse.candidates[e]]}`, p.travel.sparse.minutes[e]);
      return m;
    };
    expect(asMap(again)).toEqual(asMap(fresh));
  });

  it('keeps only the chosen columns of the matrix, renumbered', () => {
    const sub = selectColumns(prepared.travel.sparse, [5, 2], prepared.sites.count);
    expect(Array.from(sub.candidates.subarray(sub.offsets[0], sub.offsets[1])).sort()).toEqual([0, 1]);
    expect(sub.offsets[4] - sub.offsets[3]).toBe(0);
  });
});

describe('planning zones', () => {
  const prepared = prepareZones(inputs, { settlementsMinPopulation: 50 });
  // the disability grant needs a clinic: today only the Thusong centre (offering every service) serves it
  const options = { objective: 'mclp' as const, newZones: 1, minutes: 5, group: 'bundle:disability_grant', fixThusong: true, highs: null };

  it('chooses the zone covering the most people within T, beside the forced-in Thusong centre, with objective, bound and gap', async () => {
    const plan = await planZones(prepared, options);
    const ids = plan.zones.map((z) => prepared.sites.id[z.site]);
    expect(ids).toContain('T1');
    expect(ids.some((id) => id === 'W' || id === 'O1+O2')).toBe(true);
    expect(plan.zones.find((z) => prepared.sites.id[z.site] === 'T1')!.fixed).toBe(true);
    expect(plan.result.objective).toBe(150);
    expect(plan.result.bound).toBeGreaterThanOrEqual(150);
    expect(plan.result.gap).toBeGreaterThanOrEqual(0);
    expect(plan.result.gap).toBeLessThanOrEqual(1);
    expect(plan.servingSites.map((c) => prepared.sites.id[c])).toEqual(['T1']);
  });

  it('compares coverage before and after per municipality and for the province', async () => {
    const plan = await planZones(prepared, options);
    const byCode = Object.fromEntries(plan.comparison.map((r) => [r.municipality, r]));
    expect(byCode.A1).toMatchObject({ population: 100, withinBefore: 0, withinAfter: 100 });
    expect(byCode.B2).toMatchObject({ population: 60, withinBefore: 50, withinAfter: 50 });
    expect(byCode.NONE).toMatchObject({ population: 5, unreachableBefore: 5, unreachableAfter: 5 });
    expect(byCode.ALL).toMatchObject({ population: 165, withinBefore: 50, withinAfter: 150 });
    expect(byCode.A1.meanMinutesBefore).toBeCloseTo(7.5, 1);
    expect(byCode.A1.meanMinutesAfter).toBeCloseTo(0, 1);
    expect(plan.comparison.at(-1)!.municipality).toBe('ALL');
  });

  it('finds the best new centre in each local municipality without a Thusong centre', async () => {
    const plan = await planZones(prepared, options);
    const rows = plan.newCentres.rows;
    expect(rows.map((r) => r.code)).toEqual(['A1']);
    expect(['W', 'O1+O2']).toContain(prepared.sites.id[rows[0].site]);
    expect(rows[0]).toMatchObject({ populationGained: 100, candidatesInside: 2, withinBefore: 0, withinAfter: 100 });
    expect(plan.newCentres.before.withinBefore).toBe(50);
    expect(plan.newCentres.after.withinAfter).toBe(150);
  });

  it('lets only places that serve the group already be chosen when asked', async () => {
    const plan = await planZones(prepared, { ...options, existingOnly: true, fixThusong: false });
    expect(plan.zones.map((z) => prepared.sites.id[z.site])).toEqual(['T1']);
  });

  it('solves p-median and set covering on the same matrix', async () => {
    const median = await planZones(prepared, { ...options, objective: 'pmedian', fixThusong: false });
    expect(median.zones).toHaveLength(1);
    expect(median.result.gap).toBeLessThanOrEqual(1);
    const cover = await planZones(prepared, { ...options, objective: 'lscp' });
    // W needs a zone within 5 minutes of it; M has the Thusong centre; E needs its own
    expect(cover.result.objective).toBe(3);
  });
});

describe('new centres', () => {
  it('choose the place that serves the municipality’s own residents, not its neighbour’s', () => {
    // A (no centre) has 10 residents; B (with a centre 15 min from its 1,000) lies next door.
    // Place x in A reaches B's people in 5 min but A's in 20; place y in A reaches A's in 5.
    const sparse = {
      offsets: Uint32Array.from([0, 2, 4]),
      candidates: Uint32Array.from([0, 1, 0, 2]),
      minutes: Float32Array.from([20, 5, 5, 15]),
      cutoffMinutes: Infinity,
    };
    const prepared = {
      settlements: { count: 2, id: ['a1', 'b1'], name: ['', ''], population: Float64Array.from([10, 1000]), lon: Float64Array.from([0, 1]), lat: Float64Array.from([0, 0]) },
      municipalities: { count: 2, code: ['A', 'B'], name: ['A', 'B'], category: ['B', 'B'] },
      settlementMunicipality: Int32Array.from([0, 1]),
      sites: { count: 3, id: ['x', 'y', 't'], kind: ['settlement', 'settlement', 'thusong'] },
      siteMunicipality: Int32Array.from([0, 0, 1]),
      candidate: Uint8Array.from([1, 1, 1]),
      travel: { sparse },
    } as unknown as ZonesPrepared;
    const base = nearestServing(sparse, Uint8Array.from([0, 0, 1]));
    const centres = bestNewCentres(prepared, base, 'mclp', 10, 60);
    expect(centres.rows.map((r) => [r.code, prepared.sites.id[r.site], r.populationGained])).toEqual([['A', 'y', 10]]);
  });
});

describe('lease relocation on the prepared matrix', () => {
  const prepared = prepareZones(inputs, { settlementsMinPopulation: 50 });

  it('ranks moves for an office by its catchment’s average trip and says each in a sentence', () => {
    const [r] = relocateOffices(prepared, { officeIds: ['O3'], minutes: 10, radiusKm: 25 });
    expect(r.office.id).toBe('O3');
    expect(r.clients).toBe(160); // W, M and E: F reaches no office
    const best = r.options[0];
    // most of its clients live at W: a move there shortens the average trip most
    expect(['W', 'O1+O2']).toContain(prepared.sites.id[r.optionSites[0]]);
    expect(best.averageMinutesBefore).toBeCloseTo((100 * 15 + 50 * 7.5) / 160, 1);
    expect(best.averageMinutesAfter).toBeCloseTo((50 * 7.5 + 10 * 15) / 160, 1);
    expect(best.sentence).toMatch(/^Moving SA Police Service East Police Station to .* cuts the average trip of its 160 clients from 12 to 3 minutes/);
    const atMiddle = r.options[r.optionSites.findIndex((c) => prepared.sites.id[c] === 'T1')];
    expect(atMiddle.averageMinutesAfter).toBeCloseTo((100 * 7.5 + 10 * 7.5) / 160, 1);
    expect(r.optionSites).not.toContain(r.site);
  });

  it('counts bundle trips saved where the bundle’s other services are within a walk', () => {
    const [r] = relocateOffices(prepared, { officeIds: ['O3'], minutes: 10 });
    const atThusong = r.options[r.optionSites.findIndex((c) => prepared.sites.id[c] === 'T1')];
    // maintenance needs the court as well: a Thusong centre offering every service completes it
    expect(atThusong.bundleTripsSavedPerYear).toBeCloseTo(160 * 0.01, 6);
  });

  it('lists proposed zones as options whatever their distance', () => {
    const w = prepared.sites.id.indexOf('W');
    const [r] = relocateOffices(prepared, { officeIds: ['O3'], radiusKm: 1, proposedSites: [w] });
    expect(r.optionSites).toEqual([w]);
    expect(r.optionProposed).toEqual([true]);
    expect(r.options[0].sentence).toContain('a proposed zone');
  });
});

describe('zones audit', () => {
  it('scores co-location per department and town and groups offices by lease year', () => {
    const { audit, offices: list } = auditZones({ offices, settlements, municipalities });
    expect(audit.sites.map((s) => s.departments)).toEqual([['HOME_AFFAIRS', 'SASSA'], ['SAPS']]);
    expect(Object.fromEntries(audit.byDepartment.map((d) => [d.key, d.score]))).toEqual({ HOME_AFFAIRS: 1, SAPS: 0, SASSA: 1 });
    // no settlement is big enough to name a town: the municipality does
    expect(list.town).toEqual(['Westkant', 'Westkant', 'Oostkant']);
    expect(audit.leaseExpiry.map((y) => [y.year, y.offices])).toEqual([[2027, [0, 2]], [2029, [1]]]);
  });
});
