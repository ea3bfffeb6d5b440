import { describe, expect, it } from 'vitest';
import { BUNDLES, DEFAULT_CATALOGUE, DEPARTMENTS, SERVICES, departmentColour, extendCatalogue, officeServices, resolveDepartment } from '../../src/model/catalogue';

describe('catalogue', () => {
  it('has the eight departments of the brief, with distinct codes and colours', () => {
    expect(DEPARTMENTS.map((d) => d.code)).toEqual(['SASSA', 'HOME_AFFAIRS', 'SAPS', 'HEALTH', 'LABOUR', 'SOCIAL_DEV', 'JUSTICE', 'POST_OFFICE']);
    expect(new Set(DEPARTMENTS.map((d) => d.colour)).size).toBe(DEPARTMENTS.length);
  });

  it('every bundle service and default service is a catalogued service of a catalogued department', () => {
    const services = new Set(SERVICES.map((s) => s.code));
    for (const b of BUNDLES) for (const s of b.services) expect(services.has(s), `${b.code}: ${s}`).toBe(true);
    for (const d of DEPARTMENTS) for (const s of d.defaultServices) expect(SERVICES.find((x) => x.code === s)?.department).toBe(d.code);
  });

  it('the disability grant bundle needs Home Affairs and SASSA', () => {
    const b = BUNDLES.find((x) => x.code === 'disability_grant')!;
    const departments = new Set(b.services.map((s) => SERVICES.find((x) => x.code === s)!.department));
    expect(departments.has('HOME_AFFAIRS') && departments.has('SASSA')).toBe(true);
  });

  it('resolves department names, codes and aliases regardless of case and spacing', () => {
    expect(resolveDepartment('Home Affairs')?.code).toBe('HOME_AFFAIRS');
    expect(resolveDepartment('home_affairs')?.code).toBe('HOME_AFFAIRS');
    expect(resolveDepartment(' DHA ')?.code).toBe('HOME_AFFAIRS');
    expect(resolveDepartment('South African Police Service')?.code).toBe('SAPS');
    expect(resolveDepartment('Ministry of Magic')).toBeUndefined();
    expect(resolveDepartment('')).toBeUndefined();
  });

  it('an office offers its own services, or its department defaults when it lists none', () => {
    expect(officeServices({ department: 'SASSA', services: 'sassa_grant; grant_paypoint' })).toEqual(['sassa_grant', 'grant_paypoint']);
    expect(officeServices({ department: 'HOME_AFFAIRS', services: '' })).toEqual(['id_document', 'birth_certificate']);
    expect(officeServices({ department: 'UNKNOWN', services: '' })).toEqual([]);
  });

  it('unknown departments get a neutral colour and extending the catalogue adds them', () => {
    expect(departmentColour('TRANSPORT')).toBe('#777777');
    const c = extendCatalogue(DEFAULT_CATALOGUE, { departments: [{ code: 'TRANSPORT', name: 'Transport', colour: '#123456', defaultServices: [], aliases: ['dot'] }] });
    expect(departmentColour('TRANSPORT', c)).toBe('#123456');
    expect(resolveDepartment('DOT', c)?.code).toBe('TRANSPORT');
    expect(c.departments).toHaveLength(DEPARTMENTS.length + 1);
  });
});
