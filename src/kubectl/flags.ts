// A pflag-compatible flag parser: `--name=value`, `--name value`, `-n value`,
// `-nvalue`, `-n=value`, grouped bool shorthands (`-Aw`), `--` ending flags,
// flags anywhere among the arguments, and pflag's error texts.
// Source: github.com/spf13/pflag flag.go (parseLongArg, parseShortArg, failf texts).

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  /** Default when not given (bool false, string '', int 0, array [] unless set). */
  default?: string | number | boolean;
  /** Value used when the flag is given without `=value` (pflag's NoOptDefVal). */
  noOptDefVal?: string;
  usage: string;
}

export type FlagValue = string | number | boolean | string[];

export class FlagError extends Error {}

export class ParsedFlags {
  constructor(
    private readonly specs: Map<string, FlagSpec>,
    private readonly values: Map<string, FlagValue>,
    /** Positional arguments, in order. */
    readonly args: string[],
    /** How many positional arguments came before `--` (kubectl's ArgsLenAtDash), or -1. */
    readonly argsLenAtDash: number,
  ) {}

  changed(name: string): boolean {
    return this.values.has(name);
  }

  private get(name: string): FlagValue | undefined {
    if (this.values.has(name)) return this.values.get(name);
    return this.specs.get(name)?.default;
  }

  string(name: string): string {
    const v = this.get(name);
    return v === undefined ? '' : String(v);
  }

  bool(name: string): boolean {
    return this.get(name) === true;
  }

  int(name: string): number {
    const v = this.get(name);
    return typeof v === 'number' ? v : 0;
  }

  array(name: string): string[] {
    const v = this.get(name);
    return Array.isArray(v) ? v : [];
  }
}

function flagLabel(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): FlagValue {
  switch (spec.type) {
    case 'bool': {
      const b = parseGoBool(raw);
      if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return b;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) throw new FlagError(`invalid argument "${raw}" for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing "${raw}": value out of range`);
      return n;
    }
    case 'stringArray':
      return [...(Array.isArray(previous) ? previous : []), raw];
    default:
      return raw;
  }
}

/** Go's strconv.ParseBool. */
export function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

/** Parses argv against `specs`; throws FlagError with pflag's message. */
export function parseFlags(argv: string[], specList: FlagSpec[]): ParsedFlags {
  const specs = new Map<string, FlagSpec>();
  const shorts = new Map<string, FlagSpec>();
  for (const s of specList) {
    specs.set(s.name, s);
    if (s.short) shorts.set(s.short, s);
  }
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  let argsLenAtDash = -1;
  const set = (spec: FlagSpec, raw: string) => values.set(spec.name, convert(spec, raw, values.get(spec.name)));

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq >= 0 ? body.slice(0, eq) : body;
      const spec = specs.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, body.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefVal !== undefined) set(spec, spec.noOptDefVal);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      // A run of shorthands: bools may be grouped; a value-taking one eats the rest.
      let j = 1;
      while (j < a.length) {
        const c = a[j];
        const spec = shorts.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        const rest = a.slice(j + 1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1));
          break;
        }
        if (spec.type === 'bool') {
          set(spec, 'true');
          j++;
          continue;
        }
        if (spec.noOptDefVal !== undefined && rest === '') set(spec, spec.noOptDefVal);
        else if (rest !== '') set(spec, rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return new ParsedFlags(specs, values, args, argsLenAtDash);
}
