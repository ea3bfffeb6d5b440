import { describe, expect, it } from 'vitest';
import { keyTime } from '../../src/app/scenarios/file-store';

describe('stored-file keys carry the time they were made', () => {
  it('reads it from collection and file keys, in every form written', () => {
    const t = Date.UTC(2026, 10, 25, 12, 0, 0);
    const b36 = t.toString(36);
    expect(keyTime(`collection:col-${b36}-ab12cd34`)).toBe(t);
    expect(keyTime(`maptext:col-${b36}-ab12cd34`)).toBe(t);
    expect(keyTime(`file:file-${b36}-7~1x2y3z`)).toBe(t);
    expect(keyTime(`file:file-${b36}-7`)).toBe(t); // scenarios saved before storage keys
  });

  it('gives up on keys without a plausible time, so they are never collected', () => {
    expect(keyTime('ids')).toBeUndefined();
    expect(keyTime('file:my-file')).toBeUndefined();
    expect(keyTime('collection:col-zz-1')).toBeUndefined();
    expect(keyTime(`collection:col-${(5e12).toString(36)}-x`)).toBeUndefined();
  });
});
