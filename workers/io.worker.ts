/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { loadFile, type LoadOptions } from '../src/io/load-file';
import type { ProgressFn } from '../src/model/progress';

// Thin: the loading pipeline lives in src/io; this only wires it to comlink.
const ioApi = {
  loadFile(bytes: ArrayBuffer, options: LoadOptions, progress?: ProgressFn) {
    return loadFile(bytes, options, progress);
  },
};

export type IoApi = typeof ioApi;
Comlink.expose(ioApi);
