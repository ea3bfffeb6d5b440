import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../../../src/engine/spatial/geodesy';
import { dayLegs, planMobileYear, servedSettlements } from '../../../src/engine/routing/mobile-plan';
import { greatCircleProvider } from '../../../src/engine/routing/travel-provider';
import { BASES, routesProvince, smallPlan } from './mobile-plan-fixtures';

const estimateMinutes = (a: [number, number], b: [number, number]) => ((haversineMetres(a[0], a[1], b[0], b[1]) / 1000) * 1.3 / 50) * 60;

describe('planMobileYear', () => {
  it('targets settlements beyond the reach of a fixed Thusong centre, or all of them', () => {
    const mp = smallPlan();
    const st = mp.settlements;
    for (let s = 0; s < st.count; s++) {
      const near = estimateMinutes([st.lon[s], st.lat[s]], BASES[0]) <= mp.thusongMinutes;
      expect(mp.targets[s], st.id[s]).toBe(near ? 0 : 1);
    }
    expect(mp.servedByThusong).toBeGreaterThan(0);
    expect(mp.targetCount + mp.servedByThusong).toBe(st.count);
    const all = smallPlan({ allSettlements: true });
    expect(all.targetCount).toBe(st.count);
    expect(all.servedByThusong).toBe(0);
  });

  it('takes the distance from a Thusong centre apart from the reach time of a stop', () => {
    const wide = smallPlan({ thusongMinutes: 45 });
    expect(wide.reachMinutes).toBe(20);
    expect(wide.servedByThusong).toBeGreaterThan(smallPlan().servedByThusong);
  });

  it('puts every target settlement within the reach time of the stop that serves it', () => {
    const mp = smallPlan();
    const st = mp.settlements;
    for (let s = 0; s < st.count; s++) {
      if (!mp.targets[s]) continue;
      const k = mp.servedBy[s];
      expect(k, st.id[s]).toBeGreaterThanOrEqual(0);
      expect(estimateMinutes([st.lon[s], st.lat[s]], [mp.stops.lon[k], mp.stops.lat[k]])).toBeLessThanOrEqual(20 + 1e-6);
    }
    const served = servedSettlements(mp);
    expect(served.flat().length).toBe([...mp.servedBy].filter((k) => k >= 0).length);
    expect(mp.stops.name.every((n, k) => n === (st.name[mp.stops.settlement[k]] || st.id[mp.stops.settlement[k]]))).toBe(true);
  });

  it('is verified: every target settlement reached, every visit on a working date', () => {
    const mp = smallPlan();
    expect(mp.verification.problems.map((p) => p.message)).toEqual([]);
    expect(mp.verification.checked.settlements).toBe(mp.targetCount);
    expect(mp.plan.totals.visits).toBe(mp.stops.id.length);
    expect(mp.travel.method).toBe('estimate');
  });

  it('names an unreached settlement with the reason', () => {
    const mp = smallPlan({ overnight: false }, { remoteFarm: true });
    const far = mp.settlements.id.indexOf('FAR');
    const u = mp.verification.unreachedSettlements.find((x) => x.settlement === far);
    expect(u?.reason).toMatch(/never visited: .*overnight trips are off/);
    expect(mp.verification.ok).toBe(false);
    // with overnight trips the farm is reached
    const overnight = smallPlan({ overnight: true }, { remoteFarm: true });
    expect(overnight.verification.unreachedSettlements).toEqual([]);
  });

  it('gives each day its legs, which add up to the day’s drive minutes and km', () => {
    const mp = smallPlan({ overnight: true }, { remoteFarm: true });
    mp.plan.teams.forEach((ty, t) => {
      expect(mp.legs[t]).toHaveLength(ty.days.length);
      ty.days.forEach((d, i) => {
        const legs = mp.legs[t][i];
        expect(legs.minutes).toHaveLength(d.stops.length + 1);
        expect(legs.minutes.reduce((a, b) => a + b, 0)).toBeCloseTo(d.driveMinutes, 6);
        expect(legs.km.reduce((a, b) => a + b, 0)).toBeCloseTo(d.km, 6);
      });
    });
  });

  it('measures a leg from the base, between stops, and back (the base is the place after the stops)', () => {
    const lon = Float64Array.from([26, 26.1, 26.2]);
    const lat = Float64Array.from([-29, -29, -29]);
    const travel = greatCircleProvider(lon, lat);
    const legs = dayLegs({ startAt: -1, endAt: -1, stops: [0, 1] }, 2, travel);
    expect(legs.km).toEqual([travel.km(2, 0), travel.km(0, 1), travel.km(1, 2)]);
    expect(dayLegs({ startAt: 1, endAt: 1, stops: [1] }, 2, travel).minutes).toEqual([0, 0]);
  });

  it('plans the same as before for the same inputs (seeded)', () => {
    const p = routesProvince();
    const a = planMobileYear({ ...p, year: 2027 }, { reachMinutes: 20, iterations: 100 });
    const b = planMobileYear({ ...p, year: 2027 }, { reachMinutes: 20, iterations: 100 });
    expect(a.plan.teams.map((t) => t.days.map((d) => `${d.date}:${d.stops.join('-')}`))).toEqual(b.plan.teams.map((t) => t.days.map((d) => `${d.date}:${d.stops.join('-')}`)));
  });
});
