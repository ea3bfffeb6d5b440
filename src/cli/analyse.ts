/**
 * `npm run analyse -- <command> [options]`: the engine on files, for batch and province-wide runs.
 * Commands are listed in COMMANDS; add one there to add a capability.
 */
import { pathToFileURL } from 'node:url';
import { UsageError, parseOptions, usage, type Command } from './args';
import { alignmentCommand } from './commands/alignment';
import { coverageCommand } from './coverage-command';
import { routesCommand } from './commands/routes';
import { vrptwCommand } from './commands/vrptw';
import { zonesCommand } from './commands/zones';
import { LayerReadError } from './read-layer';

const PROGRAM = 'npm run analyse --';

export const COMMANDS: Record<string, Command> = {
  alignment: alignmentCommand,
  coverage: coverageCommand,
  routes: routesCommand,
  vrptw: vrptwCommand,
  zones: zonesCommand,
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length)) + 2;
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`),
    '',
    `Run “${PROGRAM} <command> --help” for a command's options.`,
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(overview() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command “${name}”.\n\n${overview()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(usage(PROGRAM, name, command) + '\n');
    return 0;
  }
  try {
    // a leading bare argument is the FILE of commands that take one (`vrptw FILE`)
    const args = rest.length && !rest[0].startsWith('-') && 'file' in command.options ? ['--file', ...rest] : rest;
    return await command.run(parseOptions(args, command.options));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n\n${usage(PROGRAM, name, command)}\n`);
      return 2;
    }
    if (e instanceof LayerReadError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`Bug: ${(e as Error).stack ?? e}\n`);
      process.exit(70);
    },
  );
}
