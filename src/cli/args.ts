/**
 * A small command-line parser: `<command> --name value --flag`, with typed options, defaults and
 * errors that say what to type instead. Commands register themselves in analyse.ts.
 */

export type OptionType = 'string' | 'number' | 'boolean' | 'numbers';

export interface OptionSpec {
  type: OptionType;
  description: string;
  required?: boolean;
  /** allowed values of a string option */
  choices?: string[];
  placeholder?: string;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValue = string | number | boolean | number[] | undefined;

export interface Command {
  summary: string;
  options: OptionSpecs;
  run(values: Record<string, OptionValue>): Promise<number> | number;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseValue(name: string, spec: OptionSpec, raw: string): OptionValue {
  switch (spec.type) {
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} needs a number, not “${raw}”.`);
      return n;
    }
    case 'numbers': {
      const list = raw.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
      if (list.length === 0 || list.some((n) => !Number.isFinite(n))) throw new UsageError(`--${name} needs comma-separated numbers such as 30,60,90, not “${raw}”.`);
      return list;
    }
    case 'string':
      if (spec.choices && !spec.choices.includes(raw)) throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}, not “${raw}”.`);
      return raw;
    default:
      return true;
  }
}

/** Parses `--name value`, `--name=value` and boolean `--flag` against the specs. */
export function parseOptions(argv: string[], specs: OptionSpecs): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`Unexpected argument “${arg}”; options start with --.`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs).map((k) => `--${k}`).join(', ');
      throw new UsageError(`Unknown option --${name}. Known options: ${known}.`);
    }
    if (spec.type === 'boolean') {
      values[name] = eq > 0 ? !['false', '0', 'no'].includes(arg.slice(eq + 1).toLowerCase()) : true;
      continue;
    }
    let raw: string | undefined;
    if (eq > 0) raw = arg.slice(eq + 1);
    else {
      raw = argv[i + 1];
      if (raw === undefined || raw.startsWith('--')) throw new UsageError(`--${name} needs a value (${spec.placeholder ?? spec.type}).`);
      i++;
    }
    values[name] = parseValue(name, spec, raw);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && values[name] === undefined) throw new UsageError(`--${name} is required: ${spec.description}.`);
  }
  return values;
}

export function usage(program: string, name: string, command: Command): string {
  const lines = [`Usage: ${program} ${name} [options]`, '', command.summary, '', 'Options:'];
  const width = Math.max(...Object.entries(command.options).map(([k, s]) => k.length + (s.placeholder ?? '').length)) + 6;
  for (const [k, s] of Object.entries(command.options)) {
    const left = `  --${k}${s.type === 'boolean' ? '' : ` ${s.placeholder ?? s.type.toUpperCase()}`}`;
    lines.push(`${left.padEnd(width + 2)}${s.description}${s.required ? ' (required)' : ''}`);
  }
  return lines.join('\n');
}
