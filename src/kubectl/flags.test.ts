// The flag parser follows pflag (github.com/spf13/pflag flag.go): forms and error texts.
import { describe, expect, it } from 'vitest';
import { FlagError, parseFlags, type FlagSpec } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', usage: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', usage: '' },
  { name: 'watch', short: 'w', type: 'bool', usage: '' },
  { name: 'filename', short: 'f', type: 'stringArray', usage: '' },
  { name: 'grace-period', type: 'int', default: -1, usage: '' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefVal: 'unchanged', usage: '' },
  { name: 'force', type: 'bool', usage: '' },
];

describe('parseFlags', () => {
  it.each([
    [['-n', 'dev'], 'dev'],
    [['-ndev'], 'dev'],
    [['-n=dev'], 'dev'],
    [['--namespace=dev'], 'dev'],
    [['--namespace', 'dev'], 'dev'],
  ])('%j sets the namespace', (argv, ns) => {
    expect(parseFlags(argv, SPECS).string('namespace')).toBe(ns);
  });

  it('keeps positional arguments in order around flags, repeats -f, groups bool shorthands', () => {
    const f = parseFlags(['get', '-f', 'a.yaml', 'pods', '--filename=b.yaml', '-Aw', '--force=false'], SPECS);
    expect(f.args).toEqual(['get', 'pods']);
    expect(f.array('filename')).toEqual(['a.yaml', 'b.yaml']);
    expect(f.bool('all-namespaces')).toBe(true);
    expect(f.bool('watch')).toBe(true);
    expect(f.bool('force')).toBe(false);
    expect(f.changed('force')).toBe(true);
    expect(f.int('grace-period')).toBe(-1);
  });

  it('-- ends flags and records where', () => {
    const f = parseFlags(['web', '--', 'sh', '-c', 'echo'], SPECS);
    expect(f.args).toEqual(['web', 'sh', '-c', 'echo']);
    expect(f.argsLenAtDash).toBe(1);
  });

  it('a flag with NoOptDefVal takes no following word', () => {
    const f = parseFlags(['--dry-run', 'x'], SPECS);
    expect(f.string('dry-run')).toBe('unchanged');
    expect(f.args).toEqual(['x']);
  });

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-Az'], "unknown shorthand flag: 'z' in -Az"],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['--grace-period=soon'], 'invalid argument "soon" for "--grace-period" flag: strconv.ParseInt: parsing "soon": invalid syntax'],
    [['--force=maybe'], 'invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('%j fails with %s', (argv, message) => {
    expect(() => parseFlags(argv, SPECS)).toThrow(new FlagError(message));
  });
});
