import { useEffect, useRef, useState } from 'react';
import { actions } from '../../app/actions';

export const ACCEPTED = '.geojson,.json,.csv,.txt,.tsv,.zip';

/** "Add files…" button; the whole window also accepts dropped files (see useWindowDrop). */
export function FilePicker() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="file-picker">
      <button type="button" className="primary" onClick={() => input.current?.click()}>
        Add files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED}
        hidden
        data-testid="file-input"
        aria-label="Add data files"
        onChange={(e) => {
          const files = e.currentTarget.files;
          if (files?.length) void actions.loadFiles(files);
          e.currentTarget.value = '';
        }}
      />
      <p className="hint">or drop GeoJSON, CSV or zipped Shapefiles anywhere on the page.</p>
    </div>
  );
}

/** True while files are dragged over the window; drops load them. */
export function useWindowDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = e.dataTransfer?.files;
      if (files?.length) void actions.loadFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over;
}
