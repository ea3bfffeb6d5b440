import { concatBytes } from './concat-bytes';
import { InputError, type InputIssue } from '../model/errors';
import { crsFromGeoJsonMember } from './crs';
import { malformedJson, nonFiniteWarning, sourceFeatureFrom, topLevelFeatures } from './geojson-loader';
import { locateJsonError, quoteNonFiniteTokens, TRAILING_COMMA_IN_ARRAY, TRAILING_COMMA_IN_OBJECT, type JsonProblem } from './locate-json-error';
import type { SourceFeature, SourceFile } from './source-features';

/**
 * GeoJSON read as a stream of bytes, for files too big to hold as one string (a 200 MB file is a
 * 200–400 MB string before JSON.parse even starts). A byte scanner walks the top-level object (or
 * array) and cuts out each element of its "features" array; each element is decoded and handed to
 * JSON.parse on its own (features are small), then dropped. Only the features' objects stay.
 *
 * The scanner's state (mode, bracket depth, inside a string, after a backslash, line and column)
 * carries over chunk boundaries, so chunks may split anything: a number, a "\u00e9" escape, a UTF-8
 * sequence. JSON's structural characters are ASCII and never occur inside a multi-byte UTF-8
 * sequence, so scanning bytes is exact. Errors say where, as byte offset, line and column.
 *
 * It is a small state machine behind a factory (push chunks, then end), not a pure function: that is
 * what streaming is. Everything before JSON.parse is the scanner; everything after is the same code
 * as the whole-file reader (geojson-loader.ts), so both read the same files the same way.
 */

export interface FeatureScannerEvents {
  /** a member of the top-level object other than a streamed "features" array */
  member(key: string, value: unknown): void;
  /** an element of the top-level "features" array, or of a top-level array */
  element(value: unknown): void;
  /** the top-level "features" array began (its elements follow as `element` calls) */
  featuresArray?(): void;
}

/** Where a scanned value starts or a problem is: 0-based byte offset, 1-based line and column. */
export interface StreamPosition {
  offset: number;
  line: number;
  column: number;
}

export interface FeatureScanner {
  /** Feeds the next bytes. Throws an InputError ('malformed-json') at the first malformed byte. */
  push(chunk: Uint8Array): void;
  /** The bytes have ended. Throws an InputError when the JSON is incomplete. */
  end(): void;
  /** bytes fed so far */
  readonly bytesRead: number;
  /** 'object' or 'array' once the top-level value has begun */
  readonly topLevel: 'object' | 'array' | undefined;
  /** the first bare NaN / Infinity met (read as a string and reported once by the caller) */
  readonly nonFinite: (StreamPosition & { found: string }) | undefined;
}

// scanner modes
const BEFORE_TOP = 0; // whitespace, then '{' or '['
const KEY_OR_END = 1; // after '{': a key or '}'
const KEY = 2; // after ',' in the top object: a key
const IN_KEY = 3; // inside a key's quotes
const COLON = 4; // after a key: ':'
const MEMBER_VALUE = 5; // after ':': a value
const AFTER_MEMBER = 6; // after a value: ',' or '}'
const ELEMENT_OR_END = 7; // after '[': an element or ']'
const ELEMENT = 8; // after ',' in the array: an element
const AFTER_ELEMENT = 9; // after an element: ',' or ']'
const DONE = 10; // after the top-level value: whitespace only
const CAPTURE = 11; // inside a value being cut out

/** Deeper nesting than this is refused (as the whole-file scanner does), so nothing can overflow. */
export const MAX_JSON_DEPTH = 2000;

const isWs = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** bytes a JSON number or literal (true, false, null, and the non-JSON NaN, Infinity) consists of */
const isScalarByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x2d || b === 0x2b || b === 0x2e;

const QUOTE = new Uint8Array([0x22]);
const VALUE_EXPECTED = 'a value (a number, text in double quotes, true, false, null, an object or an array)';

/** What was found at chunk[i], for a message: a control character by name, else the next few characters quoted. */
function foundAt(chunk: Uint8Array, i: number): string {
  const b = chunk[i];
  if (b === 0x0a || b === 0x0d) return 'a line break';
  if (b === 0x09) return 'a tab';
  if (b < 0x20) return `the control character U+${b.toString(16).padStart(4, '0').toUpperCase()}`;
  return `“${lenient.decode(chunk.subarray(i, i + 20)).replace(/\s+/g, ' ')}”`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin = new TextDecoder('windows-1252');
const lenient = new TextDecoder();
/** UTF-8, or Windows-1252 for bytes that are not UTF-8 (older exports with "é" written as one byte). */
function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin.decode(bytes);
  }
}

/** UTF-8 length of the first `units` UTF-16 units of `s`: a position in decoded text back to bytes. */
function utf8Length(s: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A copy of bytes a..b (a Node Buffer's slice() is a view: the caller may reuse the chunk). */
const copyOf = (chunk: Uint8Array, a: number, b: number) => new Uint8Array(chunk.subarray(a, b));

/**
 * The byte scanner. `fileName` is for messages. Events come in file order, each value already
 * parsed; an InputError stops everything.
 */
export function createFeatureScanner(fileName: string, events: FeatureScannerEvents): FeatureScanner {
  let mode = BEFORE_TOP;
  let topLevel: 'object' | 'array' | undefined;
  /** global offset of the first byte of the current chunk */
  let base = 0;
  let line = 1;
  /** global offset where the current line starts */
  let lineStart = 0;
  /** UTF-8 continuation bytes since lineStart (columns count characters, not bytes) */
  let cont = 0;
  // where the top-level bracket and the features array bracket opened (for "still unclosed")
  let topOpen: StreamPosition = { offset: 0, line: 1, column: 1 };
  let arrayOpen: StreamPosition | undefined;
  let inFeaturesArray = false;

  // the key being read, with its quotes
  let keyParts: Uint8Array[] = [];
  let keyLength = 0;
  let keyEscape = false;
  let keyStart: StreamPosition = { offset: 0, line: 1, column: 1 };
  let key = '';

  // the value being captured
  let depth = 0;
  let inString = false;
  let escape = false;
  let scalar = false;
  let afterCapture = AFTER_MEMBER;
  let capParts: Uint8Array[] = [];
  let capLength = 0;
  let capStart: StreamPosition = { offset: 0, line: 1, column: 1 };
  // open brackets inside the captured value: offset, line, column of each (for "still unclosed")
  const openOffset = new Float64Array(MAX_JSON_DEPTH + 1);
  const openLine = new Float64Array(MAX_JSON_DEPTH + 1);
  const openColumn = new Float64Array(MAX_JSON_DEPTH + 1);
  const openBracket = new Uint8Array(MAX_JSON_DEPTH + 1);

  let nonFinite: (StreamPosition & { found: string }) | undefined;
  let ended = false;

  const position = (offset: number): StreamPosition => ({ offset, line, column: offset - lineStart - cont + 1 });

  function fail(at: StreamPosition, expected: string, found: string): never {
    const p: JsonProblem = { offset: at.offset, line: at.line, column: at.column, expected, found, truncated: false, nonFinite: false };
    throw malformedJson(fileName, p, at.offset);
  }

  /** Parses a cut-out value; a syntax error is located in the file through the value's start. */
  function parseCaptured(bytes: Uint8Array, start: StreamPosition): unknown {
    const text = decode(bytes);
    try {
      return JSON.parse(text);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      const p = locateJsonError(text);
      const at = (q: JsonProblem): StreamPosition => ({
        offset: start.offset + utf8Length(text, q.offset),
        line: start.line + q.line - 1,
        column: q.line === 1 ? start.column + q.column - 1 : q.column,
      });
      if (p?.nonFinite) {
        try {
          const value = JSON.parse(quoteNonFiniteTokens(text));
          nonFinite ??= { ...at(p), found: p.found };
          return value;
        } catch {
          // other errors too: report the first one
        }
      }
      if (!p) fail(start, 'valid JSON', `“${e.message}”`);
      const where = at(p);
      throw malformedJson(fileName, { ...p, ...where, openedAt: p.openedAt && { ...p.openedAt, line: start.line + p.openedAt.line - 1, column: p.openedAt.line === 1 ? start.column + p.openedAt.column - 1 : p.openedAt.column } }, where.offset);
    }
  }

  function finishCapture() {
    const value = parseCaptured(concatBytes(capParts, capLength), capStart);
    capParts = [];
    capLength = 0;
    if (afterCapture === AFTER_ELEMENT) events.element(value);
    else events.member(key, value);
    mode = afterCapture;
  }

  function finishKey() {
    keyParts.push(QUOTE);
    const bytes = concatBytes(keyParts, keyLength + 1);
    keyParts = [];
    keyLength = 0;
    key = String(parseCaptured(bytes, keyStart));
  }

  function push(chunk: Uint8Array): void {
    if (ended) throw new Error('push() after end()');
    const n = chunk.length;
    let i = 0;
    // a value or key that started in an earlier chunk continues at 0
    let capFrom = 0;
    try {
      while (i < n) {
        if (mode === CAPTURE) {
          // the hot loop: most bytes of a file are inside features
          let closed = false;
          if (scalar) {
            while (i < n && isScalarByte(chunk[i])) i++;
            closed = i < n;
          } else {
            for (; i < n; i++) {
              const b = chunk[i];
              if (inString) {
                if (escape) escape = false;
                else if (b === 0x5c) escape = true;
                else if (b === 0x22) {
                  inString = false;
                  if (depth === 0) {
                    i++;
                    closed = true;
                    break;
                  }
                } else if (b < 0x20) {
                  fail(position(base + i), 'the closing quote of the text (a line break cannot be inside a JSON string)', foundAt(chunk, i));
                } else if (b >= 0x80 && (b & 0xc0) === 0x80) cont++;
              } else if (b === 0x7b || b === 0x5b) {
                if (depth >= MAX_JSON_DEPTH) fail(position(base + i), 'less deeply nested data', foundAt(chunk, i));
                openOffset[depth] = base + i;
                openLine[depth] = line;
                openColumn[depth] = base + i - lineStart - cont + 1;
                openBracket[depth] = b;
                depth++;
              } else if (b === 0x7d || b === 0x5d) {
                depth--;
                if (depth === 0) {
                  i++;
                  closed = true;
                  break;
                }
              } else if (b === 0x22) inString = true;
              else if (b === 0x0a) {
                line++;
                lineStart = base + i + 1;
                cont = 0;
              } else if (b >= 0x80 && (b & 0xc0) === 0x80) cont++;
            }
          }
          if (!closed) break;
          const part = chunk.subarray(capFrom, i);
          capParts.push(part);
          capLength += part.length;
          finishCapture();
          continue;
        }

        if (mode === IN_KEY) {
          const from = i;
          let closed = false;
          for (; i < n; i++) {
            const b = chunk[i];
            if (keyEscape) keyEscape = false;
            else if (b === 0x5c) keyEscape = true;
            else if (b === 0x22) {
              closed = true;
              break;
            } else if (b < 0x20) fail(position(base + i), 'the closing quote of the property name (a line break cannot be inside a JSON string)', foundAt(chunk, i));
            else if (b >= 0x80 && (b & 0xc0) === 0x80) cont++;
          }
          const part = copyOf(chunk, from, i);
          keyParts.push(part);
          keyLength += part.length;
          if (!closed) break;
          i++; // the closing quote (added back in finishKey)
          finishKey();
          mode = COLON;
          continue;
        }

        const b = chunk[i];
        if (isWs(b)) {
          if (b === 0x0a) {
            line++;
            lineStart = base + i + 1;
            cont = 0;
          }
          i++;
          continue;
        }
        const at = base + i;
        switch (mode) {
          case BEFORE_TOP:
            // a UTF-8 byte order mark takes no column
            if (at < 3 && b === [0xef, 0xbb, 0xbf][at]) {
              lineStart = at + 1;
              break;
            }
            if (b === 0x7b) {
              topLevel = 'object';
              mode = KEY_OR_END;
            } else if (b === 0x5b) {
              topLevel = 'array';
              mode = ELEMENT_OR_END;
              inFeaturesArray = true;
              arrayOpen = position(at);
            } else fail(position(at), "'{' (a GeoJSON object) or '['", foundAt(chunk, i));
            topOpen = position(at);
            break;
          case KEY_OR_END:
          case KEY:
            if (b === 0x22) {
              mode = IN_KEY;
              keyStart = position(at);
              keyParts = [QUOTE];
              keyLength = 1;
              keyEscape = false;
            } else if (b === 0x7d && mode === KEY_OR_END) mode = DONE;
            else fail(position(at), b === 0x7d ? TRAILING_COMMA_IN_OBJECT : 'a property name in double quotes', foundAt(chunk, i));
            break;
          case COLON:
            if (b === 0x3a) mode = MEMBER_VALUE;
            else fail(position(at), "':' after the property name", foundAt(chunk, i));
            break;
          case AFTER_MEMBER:
            if (b === 0x2c) mode = KEY;
            else if (b === 0x7d) mode = DONE;
            else fail(position(at), "',' or '}' after a property value", foundAt(chunk, i));
            break;
          case AFTER_ELEMENT:
            if (b === 0x2c) mode = ELEMENT;
            else if (b === 0x5d) closeArray();
            else fail(position(at), "',' or ']' after an array element", foundAt(chunk, i));
            break;
          case ELEMENT_OR_END:
          case ELEMENT:
          case MEMBER_VALUE:
            if (mode === ELEMENT_OR_END && b === 0x5d) {
              closeArray();
              break;
            }
            if (mode === ELEMENT && b === 0x5d) fail(position(at), TRAILING_COMMA_IN_ARRAY, foundAt(chunk, i));
            if (mode === MEMBER_VALUE && key === 'features' && b === 0x5b) {
              mode = ELEMENT_OR_END;
              inFeaturesArray = true;
              arrayOpen = position(at);
              events.featuresArray?.();
              break;
            }
            startCapture(chunk, i, at, mode === MEMBER_VALUE ? AFTER_MEMBER : AFTER_ELEMENT);
            capFrom = i;
            // the opening bracket or quote is part of the value; a number or literal is read by the capture loop
            if (!scalar) i++;
            continue;
          case DONE:
            fail(position(at), 'the end of the file after the complete JSON value', foundAt(chunk, i));
        }
        i++;
      }
      if (mode === CAPTURE && capFrom < n) {
        // the value goes on in the next chunk: keep a copy of its bytes so far
        const part = copyOf(chunk, capFrom, n);
        capParts.push(part);
        capLength += part.length;
      }
    } catch (e) {
      ended = true;
      throw e;
    }
    base += n;
  }

  function closeArray() {
    inFeaturesArray = false;
    mode = topLevel === 'array' ? DONE : AFTER_MEMBER;
  }

  function startCapture(chunk: Uint8Array, i: number, at: number, after: number) {
    const b = chunk[i];
    const start = position(at);
    if (b === 0x7b || b === 0x5b) {
      depth = 1;
      openOffset[0] = at;
      openLine[0] = start.line;
      openColumn[0] = start.column;
      openBracket[0] = b;
      inString = false;
      scalar = false;
    } else if (b === 0x22) {
      depth = 0;
      inString = true;
      scalar = false;
    } else if (isScalarByte(b)) {
      depth = 0;
      inString = false;
      scalar = true;
    } else fail(start, VALUE_EXPECTED, foundAt(chunk, i));
    escape = false;
    afterCapture = after;
    capStart = start;
    capParts = [];
    capLength = 0;
    mode = CAPTURE;
  }

  function end(): void {
    if (ended) return;
    ended = true;
    if (mode === CAPTURE && scalar) {
      // a number or literal running up to the end of the file
      finishCapture();
    }
    if (mode === DONE) return;
    const at = position(base);
    let openedAt: JsonProblem['openedAt'];
    if (mode === CAPTURE && depth > 0) {
      const k = depth - 1;
      openedAt = { line: openLine[k], column: openColumn[k], bracket: String.fromCharCode(openBracket[k]) };
    } else if (inFeaturesArray && arrayOpen) openedAt = { line: arrayOpen.line, column: arrayOpen.column, bracket: '[' };
    else if (topLevel) openedAt = { line: topOpen.line, column: topOpen.column, bracket: topLevel === 'object' ? '{' : '[' };
    if (!topLevel) {
      throw new InputError({ code: 'empty-file', message: `${fileName} holds only blank space, no data.`, fix: 'Check that the file was saved or downloaded completely, then load it again.', where: { file: fileName } });
    }
    throw malformedJson(
      fileName,
      { offset: at.offset, line: at.line, column: at.column, expected: 'more JSON', found: 'the end of the file', truncated: true, nonFinite: false, openedAt },
      at.offset,
    );
  }

  return {
    push(chunk) {
      push(chunk);
    },
    end,
    get bytesRead() {
      return base;
    },
    get topLevel() {
      return topLevel;
    },
    get nonFinite() {
      return nonFinite;
    },
  };
}

/** A GeoJSON stream reader: push chunks, then `end()` for the SourceFile the pipeline goes on with. */
export interface GeoJsonStreamReader {
  push(chunk: Uint8Array): void;
  end(): SourceFile;
  readonly bytesRead: number;
  /** features read so far */
  readonly features: number;
}

/**
 * Reads a GeoJSON file chunk by chunk into the same SourceFile `loadGeoJson` makes from its text:
 * a FeatureCollection (its features streamed), a top-level array of features (streamed), a single
 * Feature or geometry (read whole). Malformed or truncated JSON throws an InputError saying where.
 */
export function createGeoJsonStreamReader(fileName: string): GeoJsonStreamReader {
  const streamed: SourceFeature[] = [];
  const fields = new Set<string>();
  const members = new Map<string, unknown>();
  // which "features" counts when a file has two (as with JSON.parse, the last)
  let featuresFrom: 'stream' | 'member' | undefined;
  const scanner = createFeatureScanner(fileName, {
    member(key, value) {
      members.set(key, value);
      if (key === 'features') featuresFrom = 'member';
    },
    featuresArray() {
      featuresFrom = 'stream';
      members.delete('features');
      streamed.length = 0;
      fields.clear();
    },
    element(value) {
      streamed.push(sourceFeatureFrom(value, streamed.length, fields));
    },
  });
  return {
    push: scanner.push,
    get bytesRead() {
      return scanner.bytesRead;
    },
    get features() {
      return streamed.length;
    },
    end(): SourceFile {
      scanner.end();
      const issues: InputIssue[] = [];
      if (scanner.nonFinite) issues.push(nonFiniteWarning(fileName, scanner.nonFinite));
      const placeholder: unknown[] = [];
      let json: unknown;
      if (scanner.topLevel === 'array') json = placeholder;
      else {
        // fromEntries defines own properties, so a "__proto__" key is data, as with JSON.parse
        json = Object.fromEntries(members);
        if (featuresFrom === 'stream') (json as Record<string, unknown>).features = placeholder;
      }
      const { rawFeatures, crsMember } = topLevelFeatures(json, fileName);
      let features = streamed;
      let fieldList = [...fields];
      if (rawFeatures !== placeholder) {
        // a single Feature or geometry: its members were read whole
        const own = new Set<string>();
        features = rawFeatures.map((raw, index) => sourceFeatureFrom(raw, index, own));
        fieldList = [...own];
      }
      const out: SourceFile = { format: 'geojson', features, fields: fieldList, issues };
      const crs = crsFromGeoJsonMember(crsMember);
      if (crs) out.crs = crs;
      return out;
    },
  };
}
