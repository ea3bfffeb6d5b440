import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeActions, loadOptions } from '../../src/app/actions';
import { createStore } from '../../src/app/store';
import { initialState } from '../../src/app/state';
import { loadSource } from '../../src/io/load-file';

/** Files parsed ahead of time (the sample at start-up) entering the app: real loads of the sample's files. */
describe('addLoaded', () => {
  const bytes = (name: string) => {
    const b = readFileSync(new URL(`../../data/sample/${name}`, import.meta.url));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };

  it('adds every loaded file in one update, records failures with the file named, and fits to the last file', async () => {
    const store = createStore(initialState());
    const actions = makeActions(store);
    const thusong = bytes('thusong.geojson');
    const offices = bytes('offices.geojson');
    const broken = new TextEncoder().encode('{"type":"FeatureCollection","features":[{"type":"Feature",').buffer as ArrayBuffer;
    const entries = [
      { fileName: 'sample-thusong.geojson', bytes: thusong, result: await loadSource(thusong, loadOptions('sample-thusong.geojson', { kindHint: 'thusong' })) },
      { fileName: 'sample-offices.geojson', bytes: offices, result: await loadSource(offices, loadOptions('sample-offices.geojson', { kindHint: 'offices' })) },
      { fileName: 'cut-short.geojson', bytes: broken, result: await loadSource(broken, loadOptions('cut-short.geojson')) },
      { fileName: 'sample-roads.geojson', bytes: new ArrayBuffer(0), result: new Error('HTTP 404') },
    ];
    let updates = 0;
    store.subscribe(() => updates++);
    expect(actions.addLoaded(entries)).toBe(false);
    expect(updates).toBe(1);
    const s = store.get();
    expect(s.dataset.files.map((f) => [f.fileName, f.kind])).toEqual([
      ['sample-thusong.geojson', 'thusong'],
      ['sample-offices.geojson', 'offices'],
    ]);
    expect(new Set(s.dataset.files.map((f) => f.id)).size).toBe(2);
    expect(s.fitKey).toBe(s.dataset.files[1].id);
    expect(s.failures.map((f) => f.fileName)).toEqual(['cut-short.geojson', 'sample-roads.geojson']);
    expect(s.failures[1].errors[0].message).toContain('HTTP 404');
    expect(s.failures[0].errors.length).toBeGreaterThan(0);
  });

  it('reports success when every file loaded', async () => {
    const store = createStore(initialState());
    const b = bytes('thusong.geojson');
    expect(makeActions(store).addLoaded([{ fileName: 'a.geojson', bytes: b, result: await loadSource(b, loadOptions('a.geojson')) }])).toBe(true);
    expect(store.get().failures).toEqual([]);
  });
});
