// kubectl top on a cluster without metrics-server (kind, kubeadm, minikube without the addon):
// discovery lists no metrics.k8s.io/v1beta1, so RunTopPod/RunTopNode fail with "Metrics API not
// available" after their own argument checks. Sources: staging/src/k8s.io/kubectl/pkg/cmd/top/
// top.go (NewCmdTop: DefaultSubCommandRun, subcommands node and pod), top_pod.go and top_node.go
// (aliases, Complete, Validate, Run), kubectl v1.32.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine';

const NOT_AVAILABLE = { stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 };
const fail = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

const TOP_HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node        Display resource (CPU/memory) usage of nodes
  pod         Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

describe('kubectl top without metrics-server', () => {
  it.each(['pod', 'pods', 'po', 'node', 'nodes', 'no'])('kubectl top %s: Metrics API not available', (sub) => {
    const c = createCluster();
    c.exec('kubectl create deployment web --image=nginx');
    c.advance(30_000);
    expect(c.exec(`kubectl top ${sub}`)).toEqual(NOT_AVAILABLE);
  });

  it('names, selectors and flags are accepted up to the discovery check', () => {
    const c = createCluster();
    for (const cmd of ['top pod web', 'top pod -A --containers --sum', 'top pod -l app=web --sort-by=cpu', 'top pod --field-selector spec.nodeName=node-2', 'top node node-2', 'top node --show-capacity --sort-by=memory --no-headers']) {
      expect(c.exec(`kubectl ${cmd}`), cmd).toEqual(NOT_AVAILABLE);
    }
  });

  it('Complete and Validate refuse bad arguments first', () => {
    const c = createCluster();
    expect(c.exec('kubectl top pod a b')).toEqual(fail("error: pod [NAME | -l label]\nSee 'kubectl top pod -h' for help and examples\n"));
    expect(c.exec('kubectl top node a b')).toEqual(fail("error: node [NAME | -l label]\nSee 'kubectl top node -h' for help and examples\n"));
    expect(c.exec('kubectl top pod --sort-by=disk')).toEqual(fail('error: --sort-by accepts only cpu or memory\n'));
    expect(c.exec('kubectl top node --sort-by=disk')).toEqual(fail('error: --sort-by accepts only cpu or memory\n'));
    expect(c.exec('kubectl top pod web -l app=web')).toEqual(fail('error: only one of NAME or selector can be provided\n'));
    expect(c.exec('kubectl top pod web --field-selector metadata.name=web')).toEqual(fail('error: only one of NAME or selector can be provided\n'));
    expect(c.exec('kubectl top node node-2 -l a=b')).toEqual(fail('error: only one of NAME or --selector can be provided\n'));
    expect(c.exec('kubectl top pod --field-selector nonsense')).toEqual(fail("error: invalid selector: 'nonsense'; can't understand 'nonsense'\n"));
  });

  it('top alone prints its help on stderr and fails; --help prints it on stdout; a stray word is a usage error', () => {
    const c = createCluster();
    expect(c.exec('kubectl top')).toEqual(fail(TOP_HELP));
    expect(c.exec('kubectl top --help')).toEqual({ stdout: TOP_HELP, stderr: '', exitCode: 0 });
    expect(c.exec('kubectl top foo')).toEqual(fail('error: unknown command "foo"\nSee \'kubectl top -h\' for help and examples\n'));
    const pod = c.exec('kubectl top pod --help').stdout;
    expect(pod).toMatch(/^Display resource \(CPU\/memory\) usage of pods\.\n/);
    expect(pod).toContain('Aliases:\npod, pods, po\n');
    expect(pod).toContain('Usage:\n  kubectl top pod [NAME | -l label] [options]\n');
  });

  it('kubectl lists top among the Cluster Management Commands', () => {
    const c = createCluster();
    const root = c.exec('kubectl').stdout;
    expect(root).toMatch(/Cluster Management Commands:\n {2}top {11}Display resource \(CPU\/memory\) usage\n {2}cordon /);
  });
});
