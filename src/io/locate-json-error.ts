/**
 * Finds where and why JSON text is malformed, in words a planner can act on. JSON.parse messages
 * differ between browsers and rarely give a line; this small scanner runs only after JSON.parse
 * failed, so its speed does not matter much (it is linear anyway).
 */
export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  /** what was expected, e.g. "',' or '}'" */
  expected: string;
  /** what was found there, quoted; 'the end of the file' when truncated */
  found: string;
  truncated: boolean;
  /** the bare NaN / Infinity tokens Python's json module writes (not JSON, but common) */
  nonFinite: boolean;
  /** the unclosed bracket, when truncated */
  openedAt?: { line: number; column: number; bracket: string };
}

/** What a trailing comma, common in hand-edited files, is told to be. */
export const TRAILING_COMMA_IN_ARRAY = "another element after the comma (JSON allows no comma before ']')";
export const TRAILING_COMMA_IN_OBJECT = "another property after the comma (JSON allows no comma before '}')";

class Stop {
  constructor(
    readonly offset: number,
    readonly expected: string,
    readonly nonFinite = false,
  ) {}
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lastBreak = i;
  }
  return { line, column: offset - lastBreak };
}

/** Returns undefined when the text is valid JSON. */
export function locateJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const n = text.length;
  const open: number[] = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const str = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Stop(i, 'four hex digits after \\u');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, 'a valid escape (\\", \\\\, \\n …)');
      } else if (c < 32) throw new Stop(i, 'the closing quote of the text (a line break cannot be inside a JSON string)');
      else i++;
    }
    throw new Stop(n, 'the closing quote of a text value');
  };
  const value = (depth: number): void => {
    if (depth > 2000) throw new Stop(i, 'less deeply nested data');
    ws();
    if (i >= n) throw new Stop(i, 'a value');
    const c = text[i];
    if (c === '{') {
      open.push(i);
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        open.pop();
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop(i, 'a property name in double quotes');
        str();
        ws();
        if (text[i] !== ':') throw new Stop(i, "':' after the property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') throw new Stop(i, TRAILING_COMMA_IN_OBJECT);
          continue;
        }
        if (text[i] === '}') {
          i++;
          open.pop();
          return;
        }
        throw new Stop(i, "',' or '}' after a property value");
      }
    }
    if (c === '[') {
      open.push(i);
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        open.pop();
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') throw new Stop(i, TRAILING_COMMA_IN_ARRAY);
          continue;
        }
        if (text[i] === ']') {
          i++;
          open.pop();
          return;
        }
        throw new Stop(i, "',' or ']' after an array element");
      }
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
    if (lit) {
      i += lit[0].length;
      return;
    }
    if (/^-?(?:NaN|Infinity)/.test(text.slice(i, i + 9))) throw new Stop(i, 'a number (NaN and Infinity are not JSON)', true);
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (num) {
      i += num[0].length;
      return;
    }
    throw new Stop(i, 'a value (a number, text in double quotes, true, false, null, an object or an array)');
  };
  try {
    value(0);
    ws();
    if (i < n) throw new Stop(i, 'the end of the file after the complete JSON value');
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const truncated = e.offset >= n;
    const { line, column } = lineAndColumn(text, e.offset);
    const problem: JsonProblem = {
      offset: e.offset,
      line,
      column,
      expected: e.expected,
      found: truncated ? 'the end of the file' : `“${text.slice(e.offset, e.offset + 20).replace(/\s+/g, ' ')}”`,
      truncated,
      nonFinite: e.nonFinite,
    };
    if (truncated && open.length) {
      const o = open[open.length - 1];
      problem.openedAt = { ...lineAndColumn(text, o), bracket: text[o] };
    }
    return problem;
  }
}

/**
 * Replaces bare NaN / Infinity / -Infinity tokens outside strings with the strings "NaN" etc, so
 * a file written by Python's json module can still be read (the values are then reported as invalid).
 */
export function quoteNonFiniteTokens(text: string): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 78 || c === 73 || c === 45) {
      const m = /^-?(?:NaN|Infinity)/.exec(text.slice(i, i + 9));
      if (m) {
        out += text.slice(last, i) + `"${m[0]}"`;
        i += m[0].length - 1;
        last = i + 1;
      }
    }
  }
  return out + text.slice(last);
}
