// Pipelines in the engine's shell, through the public contract (createCluster + exec/start):
// bash splits a line on unquoted `|` before any program sees it, connects each stage's stdout
// to the next stage's stdin, lets every stage's stderr through, and exits with the last
// stage's code (no pipefail). Syntax errors are bash 5.2's (parse.y report_syntax_error).
import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../index';

let cluster: Cluster;
beforeEach(() => {
  cluster = createCluster({ seed: 1 });
  cluster.exec('kubectl create deployment web --image=nginx --replicas=2');
  cluster.exec('kubectl expose deployment web --port=80');
  cluster.exec('kubectl run client --image=nginx');
  cluster.advance(30_000);
});

const lines = (text: string) => text.split('\n').filter(Boolean);

describe('exec: a line with | is a pipeline', () => {
  it('kubectl get pods | grep web prints the web pods only', () => {
    const r = cluster.exec('kubectl get pods | grep web');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
    for (const line of lines(r.stdout)) expect(line).toMatch(/^web-[a-z0-9]+-[a-z0-9]{5} +1\/1 +Running +0 +30s$/);
  });

  it('counts, columns and heads: wc -l, awk, head, sort | uniq -c', () => {
    expect(cluster.exec('kubectl get svc | wc -l').stdout).toBe('3\n');
    expect(cluster.exec('kubectl get pods -A | grep -c coredns').stdout).toBe('2\n');
    expect(lines(cluster.exec("kubectl get pods | awk '{print $1}'").stdout)[0]).toBe('NAME');
    expect(cluster.exec("kubectl get pods | awk 'NR>1 {print $3}' | sort | uniq -c").stdout).toBe('      3 Running\n');
    expect(cluster.exec('kubectl get pods | head -1').stdout).toBe('NAME                   READY   STATUS    RESTARTS   AGE\n');
  });

  it('the exit code is the last stage\'s; every stage\'s stderr reaches the terminal, first stage first', () => {
    expect(cluster.exec('kubectl get pods | grep nothing')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    const empty = cluster.exec('kubectl get pods -n nope | wc -l');
    expect([empty.stdout, empty.stderr, empty.exitCode]).toEqual(['0\n', 'No resources found in nope namespace.\n', 0]);
    expect(cluster.exec('kubectl get pod nope | grep -K x')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n'
        + "grep: invalid option -- 'K'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    });
  });

  it('the | after kubectl exec … -- is the local shell\'s: head reads kubectl\'s output', () => {
    const r = cluster.exec('kubectl exec client -- curl -s web | head -1');
    expect(r).toEqual({ stdout: '<!DOCTYPE html>\n', stderr: '', exitCode: 0 });
  });

  it('a stage reads the previous one\'s output as stdin (kubectl apply -f -)', () => {
    expect(cluster.exec("echo 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: piped' | kubectl apply -f -").stdout).toBe('namespace/piped created\n');
  });

  it('a quoted or escaped | is a literal, || is not a pipe', () => {
    expect(cluster.exec("echo 'a|b'").stdout).toBe('a|b\n');
    expect(cluster.exec('echo a\\|b | grep -F "|"').stdout).toBe('a|b\n');
    expect(cluster.exec('kubectl get pod nope || echo none').stdout).toBe('none\n');
  });

  it('a program the shell does not have, anywhere in the line: bash: NAME: command not found (127 when last)', () => {
    expect(cluster.exec('kubectl get pods | less')).toEqual({ stdout: '', stderr: 'bash: less: command not found\n', exitCode: 127 });
    const first = cluster.exec('jq .items | wc -l');
    expect([first.stdout, first.stderr, first.exitCode]).toEqual(['0\n', 'bash: jq: command not found\n', 0]);
  });

  it("bash's syntax errors, exit 2", () => {
    expect(cluster.exec('| grep web')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(cluster.exec('kubectl get pods |')).toEqual({ stdout: '', stderr: 'bash: syntax error: unexpected end of file\n', exitCode: 2 });
    expect(cluster.exec('kubectl get pods | | wc')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
    expect(cluster.exec('kubectl get pods >')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 });
    expect(cluster.exec('kubectl get pods -l app in (web)')).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `('\n", exitCode: 2 });
  });

  it('redirections are refused in one line that names them, and nothing in the line runs', () => {
    const redirect = cluster.exec('kubectl get pods > pods.txt');
    expect(redirect.stderr).toBe("bash: redirections (>, >>, <, 2>&1) are not supported in the playground's shell: output shows in the terminal; filter it with a pipe (| grep …)\n");
    expect(redirect.exitCode).toBe(2);
    expect(cluster.exec('kubectl get pods 2>&1 | grep web').stderr).toMatch(/^bash: redirections/);
    expect(cluster.exec('kubectl delete deploy web && kubectl get pods > pods.txt').stderr).toMatch(/^bash: redirections/);
    expect(cluster.exec('kubectl get deploy web').exitCode).toBe(0);
    expect(cluster.exec('kubectl get deploy;').exitCode).toBe(0);
  });

  it('exec closes a watch as a timed-out request, then the filters read to the end', () => {
    expect(cluster.exec('kubectl get pods -w --request-timeout=5s | wc -l').stdout).toBe('4\n');
  });
});

describe('start: a command that keeps running streams through the filters', () => {
  it('kubectl get pods -w | grep web: new lines pass the filter as they come, until Ctrl-C (exit 130)', () => {
    const run = cluster.start('kubectl get pods -w | grep web');
    expect(lines(run.read().map((c) => c.text).join(''))).toHaveLength(2);
    cluster.exec('kubectl scale deployment web --replicas=3');
    cluster.advance(5_000);
    const streamed = lines(run.read().map((c) => c.text).join(''));
    expect(streamed.length).toBeGreaterThan(1);
    for (const line of streamed) expect(line).toMatch(/^web-/);
    expect(run.done).toBe(false);
    run.interrupt();
    expect([run.done, run.exitCode]).toEqual([true, 130]);
  });

  it('head -n N ends the pipeline after N lines, as SIGPIPE ends the watch', () => {
    const run = cluster.start('kubectl get pods -w | head -n 2');
    expect(lines(run.read().map((c) => c.text).join(''))).toHaveLength(2);
    expect([run.done, run.exitCode]).toEqual([true, 0]);
  });

  it('a filter that waits for the end (wc) prints nothing before Ctrl-C kills it', () => {
    const run = cluster.start('kubectl get pods -w | wc -l');
    expect(run.read()).toEqual([]);
    run.interrupt();
    expect(run.read()).toEqual([]);
    expect(run.exitCode).toBe(130);
  });

  it('kubectl logs -f | grep GET: the access lines stream; the pod going away ends it with grep\'s code', () => {
    const pod = cluster.exec('kubectl get pods -l app=web -o name').stdout.split('\n')[0];
    const ip = cluster.exec(`kubectl get ${pod} -o jsonpath={.status.podIP}`).stdout;
    const run = cluster.start(`kubectl logs -f ${pod} | grep GET`);
    run.read();
    cluster.exec(`kubectl exec client -- curl -s http://${ip}/missing`);
    cluster.exec(`kubectl exec client -- curl -s http://${ip}/missing`);
    cluster.advance(1_000);
    const streamed = lines(run.read().map((c) => c.text).join(''));
    expect(streamed.filter((line) => line.includes('"GET /missing HTTP/1.1" 404'))).toHaveLength(2);
    for (const line of streamed) expect(line).toContain('GET');
    cluster.exec(`kubectl delete ${pod}`);
    cluster.advance(60_000);
    expect([run.done, run.exitCode]).toEqual([true, 0]);
  });
});
