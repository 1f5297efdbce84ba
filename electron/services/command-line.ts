/**
 * Command-line options for every Node entry (CLI commands, `serve`, the Electron main process,
 * benchmarks), parsed with `node:util` parseArgs so that they all agree on `--flag value`,
 * `--flag=value`, unknown flags and missing values, and turn bad numbers into a message instead
 * of NaN.
 */
import { parseArgs } from 'node:util';

/** A command line the user must fix; front ends print the message (and their usage) and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `--db PATH`, which every front end accepts. */
export const DB_OPTION = { db: { type: 'string' } } as const satisfies OptionsSpec;

/** The options a command accepts: flags with a value (`--db PATH`) or switches (`--open`). */
export type OptionsSpec = Record<string, { type: 'string' | 'boolean' }>;
export type OptionValues<O extends OptionsSpec> = {
  [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean;
};

/**
 * Parses `argv` (without the program and script names). Strict: an unknown flag, a flag without
 * its value or a stray positional (when `positionals` is false) is a UsageError naming it.
 */
export function parseCommandLine<O extends OptionsSpec>(
  argv: readonly string[],
  options: O,
  { positionals = false }: { positionals?: boolean } = {},
): { values: OptionValues<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    if (!positionals && parsed.positionals.length > 0) {
      throw new UsageError(`Unexpected argument: ${parsed.positionals[0]}`);
    }
    return { values: parsed.values as OptionValues<O>, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(usageMessageOf(error));
  }
}

/**
 * Lenient parsing for a process whose argv also carries someone else's switches (Electron and
 * Chromium add their own): known flags are read, the rest is left alone. A known string flag
 * without its value is still a UsageError.
 */
export function parseKnownOptions<O extends OptionsSpec>(argv: readonly string[], options: O): OptionValues<O> {
  const { values } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true });
  for (const [name, config] of Object.entries(options)) {
    if (config.type === 'string' && typeof values[name] === 'boolean') throw new UsageError(`--${name} needs a value.`);
  }
  return values as OptionValues<O>;
}

/** parseArgs' messages are long and mention `-f`-style short forms we do not use; keep the gist. */
function usageMessageOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^'\s]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option: ${flag ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return flag && message.includes('argument missing')
        ? `${flag.replace(/^(--\S+?)(\s.*)?$/, '$1')} needs a value.`
        : message;
    default:
      return message;
  }
}

/**
 * A number option: undefined when absent; otherwise a finite number within the bounds, or a
 * UsageError naming the flag and the text given ("--port must be a whole number from 0 to
 * 65535, not "abc".").
 */
export function numberOption(
  name: string,
  raw: string | undefined,
  { min = -Infinity, max = Infinity, integer = false, minExclusive = false } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim() === '' ? NaN : Number(raw);
  const inRange = Number.isFinite(value) && (minExclusive ? value > min : value >= min) && value <= max;
  if (inRange && (!integer || Number.isInteger(value))) return value;
  throw new UsageError(`--${name} must be ${describeRange(min, max, integer, minExclusive)}, not "${raw}".`);
}

function describeRange(min: number, max: number, integer: boolean, minExclusive: boolean): string {
  const kind = integer ? 'a whole number' : 'a number';
  if (min === 0 && minExclusive && max === Infinity) return integer ? 'a positive whole number' : 'a positive number';
  if (Number.isFinite(min) && Number.isFinite(max)) return `${kind} from ${min} to ${max}`;
  if (Number.isFinite(min)) return `${kind} ${minExclusive ? 'above' : 'of at least'} ${min}`;
  return kind;
}
