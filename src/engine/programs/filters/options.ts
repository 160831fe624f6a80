// Command-line options as GNU getopt_long reads them for coreutils and grep: short options
// bundle (`-in`), a short option's argument may be attached (`-n5`) or the next word, long
// options take `--name=value` or the next word, options and operands mix (getopt permutes
// them) and `--` ends the options. Error texts are glibc's (posix/getopt.c).

export interface OptionSpec {
  /** Short options that take no argument, e.g. 'ivcn'. */
  flags: string;
  /** Short options that take an argument, e.g. 'efm'. */
  withArgument: string;
  /** Long option name -> the short letter (or a name of its own) it stands for, and whether it takes an argument (an optional one only as `--name=value`). */
  long: Record<string, { key: string; argument: boolean | 'optional' }>;
}

export interface ParsedOptions {
  /** In the order given: [key, argument]. */
  options: [string, string | undefined][];
  operands: string[];
}

/** Parses argv (without the program name); a string is glibc's error line, without the tool's "Try …" lines. */
export function parseOptions(tool: string, args: readonly string[], spec: OptionSpec): ParsedOptions | { error: string } {
  const options: [string, string | undefined][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const long = spec.long[name];
      if (!long) return { error: `${tool}: unrecognized option '${arg}'` };
      if (long.argument === 'optional') options.push([long.key, eq >= 0 ? arg.slice(eq + 1) : undefined]);
      else if (!long.argument) {
        if (eq >= 0) return { error: `${tool}: option '--${name}' doesn't allow an argument` };
        options.push([long.key, undefined]);
      } else if (eq >= 0) options.push([long.key, arg.slice(eq + 1)]);
      else if (i + 1 < args.length) options.push([long.key, args[++i]]);
      else return { error: `${tool}: option '--${name}' requires an argument` };
      continue;
    }
    if (arg.length < 2 || arg[0] !== '-') {
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j];
      if (spec.withArgument.includes(c)) {
        if (j + 1 < arg.length) options.push([c, arg.slice(j + 1)]);
        else if (i + 1 < args.length) options.push([c, args[++i]]);
        else return { error: `${tool}: option requires an argument -- '${c}'` };
        break;
      }
      if (!spec.flags.includes(c)) return { error: `${tool}: invalid option -- '${c}'` };
      options.push([c, undefined]);
    }
  }
  return { options, operands };
}

/** coreutils' second line after a usage error. */
export const tryHelp = (tool: string): string => `Try '${tool} --help' for more information.\n`;
