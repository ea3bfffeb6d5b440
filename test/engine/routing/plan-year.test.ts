import { describe, expect, it } from 'vitest';
import { parseIsoDate, southAfricanHolidays, weekday } from '../../../src/engine/routing/holidays';
import { planYear, type YearPlan } from '../../../src/engine/routing/plan-year';
import { reachFromPairs } from '../../../src/engine/routing/stop-selection';
import { greatCircleProvider } from '../../../src/engine/routing/travel-provider';
import { verifyPlan } from '../../../src/engine/routing/verify-plan';
import type { VrpProblem } from '../../../src/engine/routing/vrp-problem';
import { smallPlan, tableProvider } from './plan-fixtures';
import { exhaustiveVrp } from './vrp-fixtures';

const clone = (p: YearPlan): YearPlan => structuredClone(p);

describe('annual plan', () => {
  const fx = smallPlan(3, 40, { repeat: 4 });
  const plan = planYear({ ...fx, year: 2025 }, { iterations: 400 });

  it('visits every stop as often as it needs and passes the verifier', () => {
    expect(plan.unvisited).toEqual([]);
    for (let s = 0; s < 40; s++) expect(plan.visitsPlanned[s]).toBe(fx.stops.visitsPerYear[s]);
    const v = verifyPlan({ plan, ...fx });
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('works only on working dates: no weekends, no public holidays, no days off, 4-day weeks kept', () => {
    const holidays = new Set(southAfricanHolidays(2025).map((h) => h.date));
    for (const ty of plan.teams) {
      for (const d of ty.days) {
        const wd = weekday(parseIsoDate(d.date));
        expect(holidays.has(d.date)).toBe(false);
        expect([0, 6]).not.toContain(wd);
        if (ty.id === 'Welkom') expect(wd).not.toBe(5);
        if (ty.id === 'Bloem') expect(d.date).not.toBe('2025-03-03');
      }
    }
  });

  it('keeps every day within the team’s hours', () => {
    for (const ty of plan.teams) {
      const end = 480 + fx.teams[ty.team].hoursPerDay * 60;
      for (const d of ty.days) {
        expect(d.startMinutes).toBeGreaterThanOrEqual(480);
        expect(d.endMinutes).toBeLessThanOrEqual(end + 1e-6);
      }
    }
  });

  it('spreads a stop’s repeat visits through the year', () => {
    for (let s = 0; s < 4; s++) {
      const dates = plan.teams.flatMap((ty) => ty.days.filter((d) => d.stops.includes(s)).map((d) => parseIsoDate(d.date))).sort((a, b) => a - b);
      expect(dates).toHaveLength(fx.stops.visitsPerYear[s]);
      const minGap = Math.min(...dates.slice(1).map((d, i) => d - dates[i]));
      expect(minGap, `stop ${s}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('spreads each team’s days over the year rather than packing them into January', () => {
    for (const ty of plan.teams) {
      const months = new Set(ty.days.map((d) => d.date.slice(5, 7)));
      expect(months.size).toBe(12);
    }
  });

  it('is plain data that survives structured cloning (for workers)', () => {
    expect(clone(plan)).toEqual(plan);
  });

  it('uses no more days than exhaustive search needs when days are expensive', () => {
    // one team, five stops on a table of minutes; base is place 5
    const rows = [
      [0, 40, 70, 90, 60, 50],
      [40, 0, 45, 80, 70, 60],
      [70, 45, 0, 40, 90, 80],
      [90, 80, 40, 0, 60, 70],
      [60, 70, 90, 60, 0, 30],
      [50, 60, 80, 70, 30, 0],
    ];
    const service = Float64Array.from([120, 90, 150, 60, 180]);
    const stops = { lon: new Float64Array(5), lat: new Float64Array(5), serviceMinutes: service, visitsPerYear: new Int32Array(5).fill(1) };
    const team = { id: 'A', baseLon: 0, baseLat: 0, hoursPerDay: 8 };
    const p = planYear({ stops, teams: [team], year: 2025, travel: tableProvider(rows) }, { dayCostMinutes: 10_000, iterations: 300 });
    // the same problem as a VRP for the exhaustive solver: node 0 = base
    const order = [5, 0, 1, 2, 3, 4];
    const minutes = new Float64Array(36);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) minutes[i * 6 + j] = rows[order[i]][order[j]];
    const vrp: VrpProblem = {
      size: 6, depot: 0, travelMinutes: minutes, cost: minutes,
      serviceMinutes: Float64Array.from([0, ...service]), earliestMinutes: Float64Array.from([480, 0, 0, 0, 0, 0]),
      latestMinutes: Float64Array.from([960, Infinity, Infinity, Infinity, Infinity, Infinity]), demand: new Float64Array(6), capacity: Infinity, maxVehicles: Infinity,
    };
    const opt = exhaustiveVrp(vrp, [1, 2, 3, 4, 5]);
    expect(p.totals.daysUsed).toBe(opt.minVehicles);
    expect(p.totals.driveMinutes).toBeCloseTo(opt.costAtMinVehicles, 6);
  });
});

describe('team balance', () => {
  it('shares the work when every stop is nearer one team’s base', () => {
    const all = smallPlan(21, 120);
    // the stops around Bloemfontein only, and a second team 60 km beyond: every stop is nearer Bloem
    const pick = <T extends Float64Array | Int32Array>(a: T) => a.filter((_, i) => i % 2 === 0) as T;
    const fx = { stops: { lon: pick(all.stops.lon), lat: pick(all.stops.lat), serviceMinutes: pick(all.stops.serviceMinutes), visitsPerYear: pick(all.stops.visitsPerYear) } };
    const teams = [all.teams[0], { ...all.teams[0], id: 'Far', baseLon: all.teams[0].baseLon - 0.6 }];
    const lon = Float64Array.from([...fx.stops.lon, ...teams.map((t) => t.baseLon)]);
    const lat = Float64Array.from([...fx.stops.lat, ...teams.map((t) => t.baseLat)]);
    const travel = greatCircleProvider(lon, lat);
    const nearest = planYear({ stops: fx.stops, teams, travel, year: 2025 }, { iterations: 200, balanceTolerance: Infinity });
    const balanced = planYear({ stops: fx.stops, teams, travel, year: 2025 }, { iterations: 200 });
    expect(nearest.teams[1].daysUsed).toBeLessThan(nearest.teams[0].daysUsed / 2);
    const [a, b] = balanced.teams.map((t) => t.daysUsed);
    expect(Math.min(a, b) / Math.max(a, b)).toBeGreaterThan(0.75);
    expect(verifyPlan({ plan: balanced, stops: fx.stops, teams, travel }).problems.map((p) => p.message).slice(0, 3)).toEqual([]);
  });
});

describe('remote stops', () => {
  const fx = smallPlan(8, 10, { remote: 3 });

  it('are left out with a reason when overnight trips are off', () => {
    const plan = planYear({ ...fx, year: 2025 }, { iterations: 200 });
    const missing = [...new Set(plan.unvisited.map((u) => u.stop))].sort();
    expect(missing).toEqual([10, 11, 12]);
    for (const u of plan.unvisited) {
      expect(u.code).toBe('unreachable-in-a-day');
      expect(u.reason).toMatch(/nearest base \(Bloem\)/);
    }
    const v = verifyPlan({ plan, ...fx });
    expect(v.problems.map((p) => p.code)).toEqual(['missing-visit', 'missing-visit', 'missing-visit']);
  });

  it('are reached by multi-day trips with overnight stays when allowed', () => {
    const plan = planYear({ ...fx, year: 2025 }, { overnight: true, iterations: 200 });
    expect(plan.unvisited).toEqual([]);
    const overnightDays = plan.teams.flatMap((ty) => ty.days.filter((d) => d.tripDays > 1));
    expect(overnightDays.length).toBeGreaterThanOrEqual(2);
    for (const d of overnightDays) if (d.tripDay < d.tripDays - 1) expect(d.endAt).toBeGreaterThanOrEqual(10);
    expect(verifyPlan({ plan, ...fx }).problems).toEqual([]);
  });
});

describe('plan verifier', () => {
  const S = 40;
  const fx = smallPlan(4, S);
  const plan = planYear({ ...fx, year: 2025 }, { iterations: 200 });
  // settlements: one near each stop (reach 10 min), plus one with no stop in reach
  const reach = reachFromPairs(S + 1, S, Array.from({ length: S }, (_, i) => i), Array.from({ length: S }, (_, i) => i), new Array(S).fill(5));
  const coverage = { reach, reachMinutes: 10, settlementNames: [...Array.from({ length: S }, (_, i) => `Place ${i}`), 'Faraway'] };

  it('reports a settlement with no stop in reach, with the reason', () => {
    const v = verifyPlan({ plan, ...fx, coverage });
    expect(v.unreachedSettlements).toEqual([{ settlement: S, name: 'Faraway', reason: 'no stop within 10 min' }]);
    expect(v.checked.settlements).toBe(S + 1);
  });

  it('reports the settlements of a stop whose visit was removed', () => {
    const broken = clone(plan);
    const day = broken.teams[0].days[0];
    const stop = day.stops[0];
    broken.teams[0].days = broken.teams[0].days.filter((d) => d !== day);
    const v = verifyPlan({ plan: broken, ...fx, coverage });
    expect(v.unreachedSettlements.map((u) => u.settlement)).toContain(stop);
    expect(v.problems.some((p) => p.code === 'missing-visit' && p.stop === stop)).toBe(true);
  });

  it('catches a visit moved to a public holiday, a weekend, or a team’s day off', () => {
    for (const [date, text] of [['2025-04-28', 'public holiday'], ['2025-05-03', 'working weekdays'], ['2025-03-03', 'days off']] as const) {
      const broken = clone(plan);
      const team = broken.teams.find((t) => t.id === 'Bloem')!;
      team.days[0].date = date;
      const v = verifyPlan({ plan: broken, ...fx });
      expect(v.problems.find((p) => p.code === 'non-working-date')?.message).toMatch(text);
    }
  });

  it('catches a day over hours, a too-short service, a too-fast drive and a double booking', () => {
    const broken = clone(plan);
    const days = broken.teams[0].days;
    days[0].endMinutes += 600;
    const d1 = days[1];
    d1.departureMinutes[0] = d1.arrivalMinutes[0] + 1;
    const d2 = days[2];
    d2.arrivalMinutes[0] = d2.startMinutes;
    days[3].date = days[4].date;
    const codes = new Set(verifyPlan({ plan: broken, ...fx }).problems.map((p) => p.code));
    for (const c of ['after-day-end', 'service-too-short', 'faster-than-travel', 'double-booked']) expect(codes.has(c as never), c).toBe(true);
  });

  it('catches a window missed', () => {
    const stops = { ...fx.stops, earliestMinutes: new Float64Array(S).fill(NaN), latestMinutes: new Float64Array(S).fill(NaN) };
    const day = plan.teams[0].days[0];
    const s = day.stops[0];
    stops.latestMinutes[s] = day.departureMinutes[0] - stops.serviceMinutes[s] - 1;
    expect(verifyPlan({ plan, ...fx, stops }).problems.map((p) => p.code)).toContain('outside-window');
  });
});

describe('time windows in the plan', () => {
  it('are respected by the day routes', () => {
    const fx = smallPlan(12, 20);
    const e = new Float64Array(20).fill(NaN);
    const l = new Float64Array(20).fill(NaN);
    for (let s = 0; s < 20; s += 3) {
      e[s] = 600; // from 10:00
      l[s] = 660; // start by 11:00
    }
    const stops = { ...fx.stops, earliestMinutes: e, latestMinutes: l };
    const plan = planYear({ ...fx, stops, year: 2025 }, { iterations: 200 });
    expect(plan.unvisited).toEqual([]);
    expect(verifyPlan({ plan, ...fx, stops }).problems).toEqual([]);
  });
});
