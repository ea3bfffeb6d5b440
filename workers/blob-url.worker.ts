/// <reference lib="webworker" />
/**
 * Mints blob: URLs off the page's thread. `URL.createObjectURL` waits on the browser process, and for
 * a 200 MB Blob just written into storage that wait was 0.6 s on the page. A URL made here is
 * readable by the page and by MapLibre's workers (same origin) for as long as this worker lives,
 * which is the page's lifetime. Plain messages: { id, blob } → { id, url }; { revoke: url }.
 */
self.onmessage = (e: MessageEvent<{ id: number; blob: Blob } | { revoke: string }>) => {
  const m = e.data;
  if ('revoke' in m) return URL.revokeObjectURL(m.revoke);
  self.postMessage({ id: m.id, url: URL.createObjectURL(m.blob) });
};
