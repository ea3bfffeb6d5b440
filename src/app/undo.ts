import { useEffect, useSyncExternalStore } from 'react';
import { createHistory } from './history';
import { appStore } from './state';

/**
 * The app's undo history. Undo rewinds data, settings, edits and their results together (they are
 * consistent with each other); what is happening now (loading jobs, messages, the open panel) stays.
 */
export const history = createHistory(appStore, (restored, now) => ({
  ...restored,
  jobs: now.jobs,
  failures: now.failures,
  mappings: now.mappings,
  panel: now.panel,
  sampleStatus: now.sampleStatus,
}));

export function useHistory() {
  useSyncExternalStore(history.subscribe, history.version);
  return { canUndo: history.canUndo(), canRedo: history.canRedo() };
}

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo — except inside text fields, which keep their own undo. */
export function useUndoShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        if (history.undo()) e.preventDefault();
      } else if ((k === 'z' && e.shiftKey) || k === 'y') {
        if (history.redo()) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
