import { describe, expect, it } from 'vitest';
import { MAX_POPUP_ROWS, popupModel, popupNode } from '../../src/map/popup-content';

/**
 * A tiny stand-in for `document`: elements that record className, textContent and children, and
 * that have no HTML parser at all, so any markup that reaches them can only be literal text.
 */
interface FakeEl { tag: string; className: string; textContent: string | null; children: FakeEl[]; appendChild(c: FakeEl): FakeEl; innerHTML?: never }
const fakeDoc = {
  createElement(tag: string): FakeEl {
    const e: FakeEl = { tag, className: '', textContent: null, children: [], appendChild: (c) => (e.children.push(c), c) };
    return Object.defineProperty(e, 'innerHTML', { set: () => { throw new Error('popupNode must not use innerHTML'); } });
  },
} as unknown as Pick<Document, 'createElement'>;
const textOf = (e: FakeEl): string[] => [...(e.textContent !== null ? [e.textContent] : []), ...e.children.flatMap(textOf)];

const attack = '<img src=x onerror=alert(1)>';

describe('popupModel', () => {
  it('titles an office with its name, names its kind and department, and lists canonical fields first', () => {
    const m = popupModel('offices', { id: 'o1', department: 'SASSA', name: 'SASSA Vredendal', services: 'sassa_grant;id_document', lease_expiry: '2027-03-31', zzz: 1 });
    expect(m.title).toBe('SASSA Vredendal');
    expect(m.subtitle).toBe('Department offices');
    expect(m.rows).toEqual([
      ['Id', 'o1'],
      ['Department', 'SASSA (social grants) (SASSA)'],
      ['Services', 'Social grant application, ID book / smart ID'],
      ['Lease expiry', '2027-03-31'],
      ['Zzz', '1'],
    ]);
  });

  it('keeps a property holding markup as the same characters', () => {
    const m = popupModel('settlements', { name: attack, note: attack, population: 1200 });
    expect(m.title).toBe(attack);
    expect(m.rows).toContainEqual(['Note', attack]);
  });

  it('skips empty values and shows booleans, numbers and objects as text', () => {
    const m = popupModel('roads', { class: 'primary', speed_kmh: 80, oneway: true, address: '', extra: { a: [1] }, nothing: null });
    expect(m.title).toBe('Roads');
    expect(m.rows).toEqual([['Class', 'primary'], ['Speed kmh', '80'], ['Oneway', 'yes'], ['Extra', '{"a":[1]}']]);
  });

  it('writes a population with grouped thousands', () => {
    expect(popupModel('settlements', { name: 'A', population: 1234567 }).rows).toEqual([['Population', '1\u00a0234\u00a0567']]);
  });

  it('names a capability’s own kind from its key', () => {
    expect(popupModel('travel_time', { minutes: 42 }).subtitle).toBe('Travel time');
  });

  it('caps very wide features and says how many properties it left out', () => {
    const props = Object.fromEntries(Array.from({ length: MAX_POPUP_ROWS + 5 }, (_, i) => [`p${String(i).padStart(2, '0')}`, i]));
    const m = popupModel('thusong', props);
    expect(m.rows).toHaveLength(MAX_POPUP_ROWS + 1);
    expect(m.rows.at(-1)).toEqual(['…', '5 more properties']);
  });
});

describe('popupNode', () => {
  it('renders `<img src=x onerror=alert(1)>` in a property as literal text, creating no img element', () => {
    const root = popupNode(popupModel('offices', { name: attack, department: attack, address: attack }), fakeDoc) as unknown as FakeEl;
    const tags = (e: FakeEl): string[] => [e.tag, ...e.children.flatMap(tags)];
    expect(tags(root)).not.toContain('img');
    expect(textOf(root)).toEqual(['<img src=x onerror=alert(1)>', 'Department offices', 'Department', attack, 'Address', attack]);
  });

  it('lays rows out as a definition list', () => {
    const root = popupNode({ title: 'T', subtitle: 'S', rows: [['k', 'v']] }, fakeDoc) as unknown as FakeEl;
    expect(root.children.map((c) => c.tag)).toEqual(['div', 'div', 'dl']);
    expect(root.children[2].children.map((c) => [c.tag, c.textContent])).toEqual([['dt', 'k'], ['dd', 'v']]);
  });
});
