import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { analyseAlignment, proposeAlignedRegions } from '../../src/engine/alignment';
import { alignmentCsv, officesCsv, overlapCsv, proposalCsv } from '../../src/io/exporters/alignment-csv';

const box = (x0: number, x1: number, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[x0, -33.6], [x1, -33.6], [x1, -33.5], [x0, -33.5], [x0, -33.6]]] },
  properties,
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const municipalities = fc([box(19.0, 19.1, { code: 'M1', name: 'Een, twee' }), box(19.1, 19.2, { code: 'M2', name: 'Drie' })]);
const regions = fc([box(19.0, 19.15, { department: 'SASSA', region: '=HYPERLINK("x")' }), box(19.15, 19.2, { department: 'SASSA', region: 'East' })]);
const settlements = fc([{ type: 'Feature', geometry: { type: 'Point', coordinates: [19.05, -33.55] }, properties: { id: 's', population: 10 } }]);
const result = analyseAlignment({ regions, municipalities, settlements });

describe('alignment CSV', () => {
  it('writes the command line columns, one row per overlap', () => {
    const lines = overlapCsv(result).trim().split('\n');
    expect(lines[0]).toBe('department,region,municipality_code,area_km2,population,sliver,mean_width_m,share_of_smaller');
    expect(lines).toHaveLength(4);
    expect(alignmentCsv(result).split('\n')[0]).toBe('scope,department,region,municipality_code,indicator,value,value_with_slivers');
    expect(proposalCsv(result, proposeAlignedRegions(result)).split('\n')[0]).toBe('department,municipality_code,municipality_name,to_region,basis,from_regions,population_moving,area_moving_km2,changed');
    expect(officesCsv(result, proposeAlignedRegions(result)).trim()).toBe('office_id,department,municipality_code,region_before,region_after,changed');
  });

  it('never lets a spreadsheet run a name as a formula, and quotes commas', () => {
    const text = overlapCsv(result) + proposalCsv(result, proposeAlignedRegions(result));
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain('"Een, twee"');
  });
});
