// The shell's filters against GNU grep 3.8 and coreutils 9.1 (C.UTF-8 locale): each expected
// text below is what those tools printed for the same input and arguments.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../index';

const cluster = createCluster({ seed: 1 });
const TABLE = 'NAME    READY\nweb-1   1/1\nWEB-2   0/1\napi-1   1/1\n';
/** Runs `line` with TABLE (or `input`) on its stdin. */
const run = (line: string, input = TABLE) => cluster.exec(line, input);
const out = (line: string, input = TABLE) => run(line, input).stdout;

describe('grep (GNU grep src/grep.c)', () => {
  it('selects lines: -i, -v, -n, -w, -x, -c, -e, -o', () => {
    expect(out('grep -i web')).toBe('web-1   1/1\nWEB-2   0/1\n');
    expect(out('grep -v web')).toBe('NAME    READY\nWEB-2   0/1\napi-1   1/1\n');
    expect(out('grep -n -w api-1')).toBe('4:api-1   1/1\n');
    expect(out("grep -x 'api-1   1/1'")).toBe('api-1   1/1\n');
    expect(out("grep -E 'web|api' -c")).toBe('2\n');
    expect(out('grep -e NAME -e api')).toBe('NAME    READY\napi-1   1/1\n');
    expect(out("grep -o 'web-[0-9]'")).toBe('web-1\n');
    expect(out('grep -in web')).toBe('2:web-1   1/1\n3:WEB-2   0/1\n');
  });

  it('basic regular expressions: \\| and \\{\\} are operators, | and {} are characters; -E the other way round', () => {
    expect(out("grep 'web\\|api'")).toBe('web-1   1/1\napi-1   1/1\n');
    expect(out("grep '[[:upper:]]\\{3\\}-'")).toBe('WEB-2   0/1\n');
    expect(out("grep 'x|y'", 'x|y\nx\n')).toBe('x|y\n');
    expect(out("grep -E 'x|y'", 'x|y\nx\n')).toBe('x|y\nx\n');
    expect(out("grep -F '[a]'", '[a]\na\n')).toBe('[a]\n');
  });

  it('exits 1 when nothing is selected, 0 with -q on a match, 2 with GNU texts on bad options and patterns', () => {
    expect(run('grep nothing')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(run('grep -q web')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const usage = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";
    expect(run('grep -K x')).toEqual({ stdout: '', stderr: `grep: invalid option -- 'K'\n${usage}`, exitCode: 2 });
    expect(run('grep --foo x')).toEqual({ stdout: '', stderr: `grep: unrecognized option '--foo'\n${usage}`, exitCode: 2 });
    expect(run('grep -e')).toEqual({ stdout: '', stderr: `grep: option requires an argument -- 'e'\n${usage}`, exitCode: 2 });
    expect(run('grep')).toEqual({ stdout: '', stderr: usage, exitCode: 2 });
    expect(run("grep -E '('")).toEqual({ stdout: '', stderr: 'grep: Unmatched ( or \\(\n', exitCode: 2 });
    expect(run("grep '[a'")).toEqual({ stdout: '', stderr: 'grep: Unmatched [, [^, [:, [., or [=\n', exitCode: 2 });
  });

  it('reads workspace files, naming each when there are several; a missing one exits 2', () => {
    cluster.writeFile('a.yaml', 'kind: Service\nport: 80\n');
    cluster.writeFile('b.yaml', 'kind: Pod\n');
    expect(run('grep kind a.yaml b.yaml')).toEqual({ stdout: 'a.yaml:kind: Service\nb.yaml:kind: Pod\n', stderr: '', exitCode: 0 });
    expect(run('grep -n port a.yaml')).toEqual({ stdout: '2:port: 80\n', stderr: '', exitCode: 0 });
    expect(run('grep kind nope.yaml a.yaml')).toEqual({ stdout: 'a.yaml:kind: Service\n', stderr: 'grep: nope.yaml: No such file or directory\n', exitCode: 2 });
  });
});

describe('head, tail, wc (coreutils src/head.c, src/tail.c, src/wc.c)', () => {
  it('head -n N, -N, -c N; tail -n N, -N, -n +N', () => {
    expect(out('head -2')).toBe('NAME    READY\nweb-1   1/1\n');
    expect(out('head -n 1')).toBe('NAME    READY\n');
    expect(out('head -c 8')).toBe('NAME    ');
    expect(out('head -n -3')).toBe('NAME    READY\n');
    expect(out('tail -2')).toBe('WEB-2   0/1\napi-1   1/1\n');
    expect(out('tail -n +3')).toBe('WEB-2   0/1\napi-1   1/1\n');
    expect(out('tail -n 1', 'a\nb\nc')).toBe('c');
  });

  it('usage errors as coreutils words them', () => {
    expect(run('head -n x')).toEqual({ stdout: '', stderr: 'head: invalid number of lines: ‘x’\n', exitCode: 1 });
    expect(run('tail -x')).toEqual({ stdout: '', stderr: "tail: invalid option -- 'x'\nTry 'tail --help' for more information.\n", exitCode: 1 });
    expect(run('head nope')).toEqual({ stdout: '', stderr: "head: cannot open 'nope' for reading: No such file or directory\n", exitCode: 1 });
  });

  it('wc: one count of stdin unpadded, several counts 7 wide; files padded to the total size', () => {
    expect(out('wc -l')).toBe('4\n');
    expect(out('wc')).toBe('      4       8      50\n');
    expect(out('wc -lc', 'a b\n')).toBe('      1       4\n');
    cluster.writeFile('f1', 'a\nb\nc');
    cluster.writeFile('f2', '1\n2\n');
    expect(run('wc f1 f2 nof')).toEqual({ stdout: '2 3 5 f1\n2 2 4 f2\n4 5 9 total\n', stderr: 'wc: nof: No such file or directory\n', exitCode: 1 });
    expect(out('wc -l f1')).toBe('2 f1\n');
    expect(out('head -n 2 f1 f2')).toBe('==> f1 <==\na\nb\n\n==> f2 <==\n1\n2\n');
  });

  it('cat and cut read FILE operands in order; a missing one is named on stderr and makes the exit 1 (src/cat.c, src/cut.c)', () => {
    cluster.writeFile('c1', 'a:1\nb');
    cluster.writeFile('c2', 'c:3\n');
    expect(run('cat c1 nope c2')).toEqual({ stdout: 'a:1\nbc:3\n', stderr: 'cat: nope: No such file or directory\n', exitCode: 1 });
    expect(run('cut -d: -f2 c1 nope c2')).toEqual({ stdout: '1\nb\n3\n', stderr: 'cut: nope: No such file or directory\n', exitCode: 1 });
    expect(run('cut -c1 c1 c2')).toEqual({ stdout: 'a\nb\nc\n', stderr: '', exitCode: 0 });
  });
});

describe('sort, uniq, cut, tr, awk', () => {
  it('sort in byte order; -k counts the blanks before a field, ties fall back to the whole line', () => {
    expect(out('sort')).toBe('NAME    READY\nWEB-2   0/1\napi-1   1/1\nweb-1   1/1\n');
    expect(out('sort -k2 -r')).toBe('web-1   1/1\napi-1   1/1\nWEB-2   0/1\nNAME    READY\n');
    expect(out('sort -t- -k2 -n')).toBe('NAME    READY\napi-1   1/1\nweb-1   1/1\nWEB-2   0/1\n');
    expect(out('sort -u -k2,2')).toBe('NAME    READY\nWEB-2   0/1\nweb-1   1/1\n');
    expect(out('sort -rn', '10\n9\n100\n')).toBe('100\n10\n9\n');
    expect(run('sort -k0')).toEqual({ stdout: '', stderr: 'sort: field number is zero: invalid field specification ‘0’\n', exitCode: 2 });
  });

  it('uniq -c counts adjacent lines as "%7d "', () => {
    expect(out('uniq -c', 'x\nx\ny\n')).toBe('      2 x\n      1 y\n');
    expect(out('sort | uniq -c', 'b\na\nb\n')).toBe('      1 a\n      2 b\n');
  });

  it('cut -d -f prints a line without the delimiter whole; -c positions', () => {
    expect(out('cut -d: -f2,3', 'a:b:c\nnodelim\n')).toBe('b:c\nnodelim\n');
    expect(out('cut -d: -f2-', 'a:b:c\n')).toBe('b:c\n');
    expect(out('cut -c1-3')).toBe('NAM\nweb\nWEB\napi\n');
    expect(run('cut -f1 -d ab')).toEqual({ stdout: '', stderr: "cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n", exitCode: 1 });
    expect(run('cut')).toEqual({ stdout: '', stderr: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", exitCode: 1 });
  });

  it('tr translates, deletes and squeezes', () => {
    expect(out('tr a-z A-Z', 'AbC\n')).toBe('ABC\n');
    expect(out('tr -d b', 'AbC\n')).toBe('AC\n');
    expect(out("tr -s ' '", 'a   b\n')).toBe('a b\n');
    expect(run('tr a')).toEqual({ stdout: '', stderr: "tr: missing operand after ‘a’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n", exitCode: 1 });
  });

  it("awk prints fields, NR and NF of '{print …}' programs, and refuses any other program", () => {
    expect(out("awk '{print $2, $1}'")).toBe('READY NAME\n1/1 web-1\n0/1 WEB-2\n1/1 api-1\n');
    expect(out("awk '{print $NF}'")).toBe('READY\n1/1\n0/1\n1/1\n');
    expect(out("awk '/web/ {print NR\": \"$1}'")).toBe('2: web-1\n');
    expect(out("awk 'NR>1 {print $1}'")).toBe('web-1\nWEB-2\napi-1\n');
    expect(out("awk -F- '{print $1}'")).toBe('NAME    READY\nweb\nWEB\napi\n');
    const refused = run("awk '{sum += $2} END {print sum}'");
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^awk: the playground's awk runs only '\{print …\}'/);
  });
});

describe('grep context: -A, -B, -C (GNU grep src/grep.c prtext, group_separator)', () => {
  const yaml = 'spec:\n  clusterIP: 10.0.162.149\n  ports:\n  - name: http\n    nodePort: 31704\n    port: 8080\n  - name: https\n    nodePort: 32453\n    port: 443\n  selector:\n    run: my-nginx\n  type: NodePort\n';

  it('"Connecting Applications with Services": grep nodePort -C 5 prints the lines around each match once', () => {
    expect(run('grep nodePort -C 2', yaml)).toEqual({ stdout: yaml.split('\n').slice(2, 10).join('\n') + '\n', stderr: '', exitCode: 0 });
    expect(out('grep nodePort -C 5', yaml)).toBe(yaml);
  });

  it('context lines are marked with -, selected ones with :, and -- separates groups that do not touch', () => {
    expect(out('grep -n -A1 type', yaml)).toBe('12:  type: NodePort\n');
    expect(out('grep -n -B1 -e clusterIP -e selector', yaml)).toBe('1-spec:\n2:  clusterIP: 10.0.162.149\n--\n9-    port: 443\n10:  selector:\n');
    expect(out('grep -H -A1 http$', yaml)).toBe('(standard input):  - name: http\n(standard input)-    nodePort: 31704\n');
    // -A and -B win over -C whatever their order; -m still prints the trailing context.
    expect(out('grep -A0 -C2 -n run', yaml)).toBe('9-    port: 443\n10-  selector:\n11:    run: my-nginx\n');
    expect(out('grep -m1 -A1 name', yaml)).toBe('  - name: http\n    nodePort: 31704\n');
  });

  it('a context length that is not a number is an error, exit 2', () => {
    expect(run('grep -C x port', yaml)).toEqual({ stdout: '', stderr: 'grep: x: invalid context length argument\n', exitCode: 2 });
  });
});
