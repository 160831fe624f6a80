// The playground's shell through the public contract (createCluster + exec/start): lists,
// variables, command substitution, for loops, seq and sleep, as bash 5.2 runs them.
// Texts: bash's parse.y (syntax errors), execute_cmd.c ("not a valid identifier"),
// builtins/export.def; coreutils seq.c and sleep.c.
import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';
import { shellLineIncomplete } from './shellSyntax';

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  cluster.exec('kubectl create deployment web --image=nginx --replicas=2');
  cluster.exec('kubectl expose deployment web --port=80');
  cluster.exec('kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600');
  cluster.advance(30_000);
});

const out = (line: string) => cluster.exec(line).stdout;
const text = (chunks: { text: string }[]) => chunks.map((c) => c.text).join('');
const NOT_SUPPORTED = "is not supported in the playground's shell: it runs commands, pipelines, lists (; && ||) and for loops\n";

describe('lists: ; && || and newlines (bash execute_connection)', () => {
  it('; runs each command in turn, a trailing ; ends the last', () => {
    expect(cluster.exec('x=1; echo $x')).toEqual({ stdout: '1\n', stderr: '', exitCode: 0 });
    expect(out('kubectl scale deployment web --replicas=0; kubectl scale deployment web --replicas=2;')).toBe('deployment.apps/web scaled\ndeployment.apps/web scaled\n');
    expect(out('echo a\necho b')).toBe('a\nb\n');
  });

  it('&& runs the next command only after success, || only after failure; the status is the last one run', () => {
    expect(cluster.exec('echo a && echo b')).toEqual({ stdout: 'a\nb\n', stderr: '', exitCode: 0 });
    const missing = cluster.exec('kubectl get deploy nope && echo found');
    expect([missing.stdout, missing.stderr, missing.exitCode]).toEqual(['', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1]);
    const fallback = cluster.exec('kubectl get deploy nope || echo missing');
    expect([fallback.stdout, fallback.exitCode]).toEqual(['missing\n', 0]);
    expect(fallback.chunks?.map((c) => c.stream)).toEqual(['stderr', 'stdout']);
    expect(cluster.exec('true; false').exitCode).toBe(1);
    expect(out('false && echo no; echo $?')).toBe('1\n');
    expect(cluster.exec('! false').exitCode).toBe(0);
  });

  it('an unknown command is bash\'s: command not found, 127, and the list goes on', () => {
    expect(cluster.exec('minikube ip')).toEqual({ stdout: '', stderr: 'bash: minikube: command not found\n', exitCode: 127 });
    expect(out('minikube ip; echo $?')).toBe('127\n');
  });
});

describe('variables persist across exec calls, one shell session per cluster', () => {
  it('NAME=value and $NAME / ${NAME} in later lines', () => {
    cluster.exec('NAME=web');
    expect(out('kubectl get deploy $NAME -o name')).toBe('deployment.apps/web\n');
    expect(out('echo ${NAME}-svc')).toBe('web-svc\n');
    expect(createCluster({ seed: 1 }).exec('echo "[$NAME]"').stdout).toBe('[]\n');
  });

  it('quoting: single quotes literal, double quotes expand without splitting, unquoted results split', () => {
    cluster.exec("X='a  b'");
    expect(out('echo $X "$X" \'$X\' "\\$X" ${X}')).toBe('a b a  b $X $X a b\n');
    expect(out('echo "[$NOPE]" $NOPE end')).toBe('[] end\n');
    expect(out('echo ${NOPE:-default} ${X:+set} ${#X}')).toBe('default set 4\n');
  });

  it('$? is the last status, kept across lines (2 after a syntax error)', () => {
    cluster.exec('kubectl get pod nope');
    expect(out('echo $?')).toBe('1\n');
    cluster.exec('echo a; done');
    expect(out('echo $?')).toBe('2\n');
    expect(out('x=$(false); echo $?')).toBe('1\n');
    cluster.exec('false');
    expect(cluster.exec('')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cluster.exec('# a comment')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out('echo $?')).toBe('1\n');
  });

  it('export, export -p and unset, with bash\'s texts for a bad name', () => {
    expect(cluster.exec('export NODE_PORT=31000 B')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(out('export -p')).toBe('declare -x B\ndeclare -x NODE_PORT="31000"\n');
    expect(cluster.exec('export 1x=2')).toEqual({ stdout: '', stderr: "bash: export: `1x=2': not a valid identifier\n", exitCode: 1 });
    cluster.exec('unset NODE_PORT');
    expect(out('echo "[$NODE_PORT]"')).toBe('[]\n');
    expect(cluster.exec('unset 1x')).toEqual({ stdout: '', stderr: "bash: unset: `1x': not a valid identifier\n", exitCode: 1 });
  });

  it('exec(line, stdin, { subshell: true }), the UI\'s own lines: reads the session, changes neither its variables nor $?', () => {
    cluster.exec('N=1; false');
    expect(cluster.exec('echo $N; M=2; true', undefined, { subshell: true }).stdout).toBe('1\n');
    expect(out('echo "$? [$M]"')).toBe('1 []\n');
  });

  it('the same lines on the same seed give the same variables (a reload replays them)', () => {
    const lines = ['P=$(kubectl get pods -l app=web -o name | head -1)', 'echo $P'];
    const again = createCluster({ seed: 1 });
    for (const l of ['kubectl create deployment web --image=nginx --replicas=2', 'kubectl expose deployment web --port=80', 'kubectl run client --image=busybox:1.36 --restart=Never -- sleep 3600']) again.exec(l);
    again.advance(30_000);
    const first = lines.map((l) => cluster.exec(l));
    expect(first[1].stdout).toMatch(/^pod\/web-\S+\n$/);
    expect(lines.map((l) => again.exec(l))).toEqual(first);
  });
});

describe('command substitution $(…) and backquotes', () => {
  it('the output without its trailing newlines; split when unquoted', () => {
    expect(out('echo "$(kubectl get deploy web -o jsonpath=\'{.spec.replicas}\')"')).toBe('2\n');
    expect(out('echo $(kubectl get pods -l app=web -o name)')).toMatch(/^pod\/web-\S+ pod\/web-\S+\n$/);
    expect(out('echo "`echo a`"')).toBe('a\n');
  });

  it('runs in a subshell: its assignments do not stay; its stderr reaches the terminal', () => {
    expect(out('echo $(Y=1; echo $Y) "[$Y]"')).toBe('1 []\n');
    const r = cluster.exec('X=$(kubectl get deploy nope)');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1]);
  });

  it('an unclosed $( is bash\'s unexpected EOF, exit 2', () => {
    expect(cluster.exec('echo $(echo a')).toEqual({ stdout: '', stderr: "bash: unexpected EOF while looking for matching `)'\n", exitCode: 2 });
    expect(cluster.exec('echo ${X')).toEqual({ stdout: '', stderr: "bash: unexpected EOF while looking for matching `}'\n", exitCode: 2 });
    expect(cluster.exec('echo ${1x}')).toEqual({ stdout: '', stderr: 'bash: ${1x}: bad substitution\n', exitCode: 1 });
  });
});

describe('for NAME in WORDS; do LIST; done (bash execute_for_command)', () => {
  it('loops over its expanded words', () => {
    expect(out('for i in 1 2 3; do echo $i; done')).toBe('1\n2\n3\n');
    expect(out('for i in $(seq 1 3); do echo -n "$i "; done')).toBe('1 2 3 ');
    expect(out('for i in 1 2 3\ndo\n  echo $i\ndone')).toBe('1\n2\n3\n');
    expect(out('for i in a b c; do if_b=$i; done; echo $i $if_b')).toBe('c c\n');
    expect(out('for i in 1 2 3 4; do echo $i; break; done; for i in 1 2; do continue; echo no; done')).toBe('1\n');
  });

  it('a loop is a stage of a pipeline: its output goes through the filters', () => {
    expect(out('for i in a b a; do echo $i; done | sort | uniq -c')).toBe('      2 a\n      1 b\n');
  });

  it("bash's syntax errors and the bad loop variable", () => {
    expect(cluster.exec('for i in 1 2; do echo $i')).toEqual({ stdout: '', stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 });
    expect(cluster.exec('for i in 1 2; do done')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `done'\n", exitCode: 2 });
    expect(cluster.exec('echo a; done')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `done'\n", exitCode: 2 });
    expect(cluster.exec('for i in 1 2 do echo $i; done')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `done'\n", exitCode: 2 });
    expect(cluster.exec('for 1x in a; do echo; done')).toEqual({ stdout: '', stderr: "bash: `1x': not a valid identifier\n", exitCode: 1 });
  });
});

describe('what the shell does not run is refused by name, and nothing in the line runs', () => {
  it.each(['while', 'until', 'if', 'case'])('%s', (word) => {
    const line = `kubectl delete deploy web; ${word} true; do echo; done`;
    expect(cluster.exec(line)).toEqual({ stdout: '', stderr: `bash: \`${word}' ${NOT_SUPPORTED}`, exitCode: 2 });
    expect(cluster.exec('kubectl get deploy web').exitCode).toBe(0);
  });

  it('functions, arithmetic, unsupported builtins', () => {
    expect(cluster.exec('f() { echo; }').stderr).toBe("bash: functions are not supported in the playground's shell: it runs commands, pipelines, lists (; && ||) and for loops\n");
    expect(cluster.exec('echo $((1+2))')).toEqual({ stdout: '', stderr: "bash: $((1+2)): arithmetic expansion is not supported in the playground's shell\n", exitCode: 1 });
    expect(cluster.exec('alias k=kubectl')).toEqual({ stdout: '', stderr: "bash: alias: this shell builtin is not supported in the playground's shell\n", exitCode: 2 });
  });
});

describe('commands that keep running, inside lists and loops', () => {
  it('exec: a watch before ; is closed as exec closes it (its --request-timeout), then the list goes on', () => {
    const r = cluster.exec('kubectl get deploy web -w --request-timeout=2s; echo done');
    expect(r.stdout).toMatch(/^NAME +READY[^\n]*\nweb +2\/2[^\n]*\ndone\n$/);
    expect(r.exitCode).toBe(0);
  });

  it('start: only the line\'s last command keeps running; earlier ones, and those in loops, are closed', () => {
    const first = cluster.start('kubectl get deploy web -w; echo done');
    expect([first.done, first.exitCode]).toEqual([true, 0]);
    expect(text(first.read())).toMatch(/\ndone\n$/);
    const loop = cluster.start('for i in 1 2; do kubectl get deploy web -w; done');
    expect(loop.done).toBe(true);
    expect(text(loop.read()).match(/^NAME/gm)).toHaveLength(2);
    const last = cluster.start('echo watching; kubectl get deploy web -w');
    expect(text(last.read())).toMatch(/^watching\nNAME/);
    cluster.exec('kubectl scale deployment web --replicas=3');
    cluster.advance(5_000);
    expect(text(last.read())).toMatch(/web +\d\/3/);
    expect(last.done).toBe(false);
    last.interrupt();
    expect(last.done).toBe(true);
  });
});

describe('sleep moves simulated time; seq counts', () => {
  it('sleep N, also in a loop', () => {
    const t0 = cluster.snapshot().nowMs;
    expect(cluster.exec('sleep 5')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(cluster.snapshot().nowMs - t0).toBe(5_000);
    cluster.exec('for i in 1 2 3; do sleep 10; done');
    expect(cluster.snapshot().nowMs - t0).toBe(35_000);
    expect(out('kubectl scale deployment web --replicas=3; sleep 30; kubectl get deploy web --no-headers')).toMatch(/web +3\/3/);
    expect(cluster.exec('sleep')).toEqual({ stdout: '', stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(cluster.exec('sleep x')).toEqual({ stdout: '', stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", exitCode: 1 });
  });

  it('seq LAST, FIRST LAST, FIRST INCREMENT LAST, -s, -w and its errors', () => {
    expect(out('seq 3')).toBe('1\n2\n3\n');
    expect(out('seq 2 4')).toBe('2\n3\n4\n');
    expect(out('seq 1 3 7')).toBe('1\n4\n7\n');
    expect(out('seq 3 1')).toBe('');
    expect(out('seq -s, 1 3')).toBe('1,2,3\n');
    expect(out('seq -w 8 10')).toBe('08\n09\n10\n');
    expect(out('seq 0 0.5 1')).toBe('0.0\n0.5\n1.0\n');
    expect(cluster.exec('seq')).toEqual({ stdout: '', stderr: "seq: missing operand\nTry 'seq --help' for more information.\n", exitCode: 1 });
    expect(cluster.exec('seq x')).toEqual({ stdout: '', stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n", exitCode: 1 });
    // The playground's limit: a billion numbers would freeze the page; a million still print.
    expect(cluster.exec('seq 1000000000')).toEqual({ stdout: '', stderr: 'seq: 1000000000 numbers is more than the playground prints (at most 1000000)\n', exitCode: 1 });
    expect(out('seq -w 1000000 | tail -n 1')).toBe('1000000\n');
  });
});

describe('sh -c inside a pod runs the same shell, with the container\'s programs and environment', () => {
  it('for i in 1 2 3; do wget -qO- web; done', () => {
    const r = cluster.exec("kubectl exec client -- sh -c 'for i in 1 2 3; do wget -qO- web; done'");
    expect(r.exitCode).toBe(0);
    expect(r.stdout.match(/Welcome to nginx!<\/h1>/g)).toHaveLength(3);
  });

  it('$HOSTNAME, the service variables, $(seq), && and ||', () => {
    expect(out("kubectl exec client -- sh -c 'echo $HOSTNAME; for i in $(seq 2); do echo $i; done'")).toBe('client\n1\n2\n');
    expect(out('kubectl exec client -- sh -c \'false || echo "$WEB_SERVICE_PORT"\'')).toBe('80\n');
    expect(cluster.exec("kubectl exec client -- sh -c 'env | grep WEB'")).toEqual({
      stdout: '',
      stderr: "sh: pipes and redirections are not supported in a container's shell in the playground: pipe kubectl exec's output in your terminal instead (kubectl exec POD -- CMD | grep …)\ncommand terminated with exit code 2\n",
      exitCode: 2,
    });
    const r = cluster.exec("kubectl exec client -- sh -c 'nope && echo x || echo y'");
    expect(r.chunks).toEqual([{ stream: 'stderr', text: 'sh: nope: not found\n' }, { stream: 'stdout', text: 'y\n' }]);
  });

  it("busybox ash's syntax error (shell/ash.c raise_error_unexpected_syntax)", () => {
    expect(cluster.exec("kubectl exec client -- sh -c 'echo a; done'")).toEqual({ stdout: '', stderr: 'sh: syntax error: unexpected "done"\ncommand terminated with exit code 2\n', exitCode: 2 });
  });
});

describe('shellLineIncomplete: when bash would prompt for more (a pasted loop over several lines)', () => {
  it.each([
    ['for ep in a b; do', true],
    ['  wget -qO- $ep', false],
    ['for ep in a b; do\n  wget -qO- $ep\ndone', false],
    ['echo "abc', true],
    ['kubectl get pods |', true],
    ['echo a \\', true],
    ['echo a; done', false],
  ])('%j → %s', (line, incomplete) => {
    expect(shellLineIncomplete(line)).toBe(incomplete);
  });
});
