// Playground-only commands (`sim …`): the faults an instructor clicks and the
// switches of the simulated environment. The UI's buttons dispatch these same
// command lines. Errors read like kubectl's; exit code 0 on success, 1 on error.

import type { EngineContext } from './context';
import { setCloudProvider } from './controllers/cloudProvider';
import { kubeletOf } from './controllers/kubelet';
import { setNodePower } from './controllers/nodeLifecycle';
import type { KubeObject, Node, Pod } from './core/types';
import { type ExecResult, fail, ok } from './exec';

const HELP = `Playground commands that change the simulated cluster.

Pods:
  sim pod fail-readiness POD [-n NAMESPACE] [-c CONTAINER]   Make the pod's readiness endpoint fail
  sim pod pass-readiness POD [-n NAMESPACE] [-c CONTAINER]   Make it pass again
  sim pod crash POD [-n NAMESPACE] [-c CONTAINER]            Crash a container (exit code 1); the kubelet restarts it

Nodes:
  sim node stop NODE     Power a node off (NotReady after 50s, pods evicted after their toleration, 300s by default)
  sim node start NODE    Power it on again

Environment:
  sim cloud on|off|status          Switch the cloud load-balancer provider (off: LoadBalancer IPs stay <pending>)
  sim proxy-mode iptables|ipvs     Switch kube-proxy's mode

  sim help               Show this help
`;

const usage = (msg: string): ExecResult => fail(`error: ${msg}\nSee 'sim help' for usage.\n`);

interface PodArgs { name?: string; namespace: string; container?: string; error?: string }

function parsePodArgs(args: string[]): PodArgs {
  const out: PodArgs = { namespace: 'default' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const flag = /^(-n|--namespace|-c|--container)(?:=(.*))?$/.exec(a);
    if (flag) {
      const value = flag[2] ?? args[++i];
      if (value === undefined || value === '') return { ...out, error: `flag needs an argument: '${flag[1].replace(/^-+/, '')}' in ${flag[1]}` };
      if (flag[1] === '-n' || flag[1] === '--namespace') out.namespace = value;
      else out.container = value;
    } else if (a.startsWith('-')) {
      return { ...out, error: `unknown flag: ${a}` };
    } else if (out.name === undefined) {
      out.name = a.startsWith('pod/') ? a.slice(4) : a.startsWith('pods/') ? a.slice(5) : a;
    } else {
      return { ...out, error: `unexpected argument "${a}"` };
    }
  }
  return out;
}

function runPod(ctx: EngineContext, verb: string | undefined, args: string[]): ExecResult {
  if (!verb) return usage('you must specify an action: fail-readiness, pass-readiness or crash');
  if (!['fail-readiness', 'pass-readiness', 'crash'].includes(verb)) return usage(`unknown pod action "${verb}"`);
  const a = parsePodArgs(args);
  if (a.error) return usage(a.error);
  if (!a.name) return usage('you must specify a pod name');
  const pod = ctx.store.get<Pod>('Pod', a.namespace, a.name);
  if (!pod) return fail(`Error from server (NotFound): pods "${a.name}" not found\n`);
  const names = pod.spec.containers.map((c) => c.name);
  if (a.container && !names.includes(a.container)) return fail(`error: container ${a.container} is not valid for pod ${a.name}\n`);
  const prefix = `${a.namespace}/${a.name}/`;
  const faults = ctx.sim.readinessFailures;
  const targets = pod.spec.containers.filter((c) => !a.container || c.name === a.container);
  if (verb === 'fail-readiness') {
    faults.add(prefix + (a.container ?? '*'));
    const unprobed = targets.filter((c) => !c.readinessProbe).map((c) => c.name);
    const warn = unprobed.length === targets.length
      ? `Warning: pod/${a.name} has no readinessProbe${a.container ? ` in container ${a.container}` : ''}; its readiness will not change\n`
      : '';
    return { stdout: `pod/${a.name} readiness probe now failing\n`, stderr: warn, exitCode: 0 };
  }
  if (verb === 'pass-readiness') {
    if (a.container) {
      faults.delete(prefix + a.container);
      if (faults.delete(`${prefix}*`)) for (const n of names) if (n !== a.container) faults.add(prefix + n);
    } else {
      for (const n of [...names, '*']) faults.delete(prefix + n);
    }
    return ok(`pod/${a.name} readiness probe now passing\n`);
  }
  if (pod.spec.nodeName && ctx.sim.stoppedNodes.has(pod.spec.nodeName)) {
    return fail(`error: pod/${a.name} is on node ${pod.spec.nodeName}, which is stopped\n`);
  }
  const crashed = kubeletOf(ctx)?.crash(a.namespace, a.name, a.container) ?? [];
  if (crashed.length === 0) {
    return fail(`error: pod/${a.name} has no running container${a.container ? ` named ${a.container}` : ''} to crash\n`);
  }
  return ok(crashed.map((c) => `pod/${a.name} container ${c} crashed (exit code 1)\n`).join(''));
}

function runNode(ctx: EngineContext, verb: string | undefined, args: string[]): ExecResult {
  if (verb !== 'stop' && verb !== 'start') return usage(verb ? `unknown node action "${verb}"` : 'you must specify an action: stop or start');
  if (args.length === 0) return usage('you must specify a node name');
  if (args.length > 1) return usage(`unexpected argument "${args[1]}"`);
  const name = args[0].replace(/^nodes?\//, '');
  if (!ctx.store.get<Node>('Node', undefined, name)) return fail(`Error from server (NotFound): nodes "${name}" not found\n`);
  const stopped = ctx.sim.stoppedNodes.has(name);
  if (verb === 'stop') {
    if (stopped) return ok(`node/${name} is already stopped\n`);
    setNodePower(ctx, name, false);
    return ok(`node/${name} stopped\n`);
  }
  if (!stopped) return ok(`node/${name} is already running\n`);
  setNodePower(ctx, name, true);
  return ok(`node/${name} started\n`);
}

function runCloud(ctx: EngineContext, args: string[]): ExecResult {
  if (args.length !== 1) return usage(args.length ? `unexpected argument "${args[1]}"` : 'you must specify on, off or status');
  const state = () => `cloud load-balancer provider: ${ctx.sim.cloudProvider ? 'on' : 'off'}\n`;
  switch (args[0]) {
    case 'status': return ok(state());
    case 'on': setCloudProvider(ctx, true); return ok(state());
    case 'off': setCloudProvider(ctx, false); return ok(state());
    default: return usage(`unknown cloud action "${args[0]}" (expected on, off or status)`);
  }
}

/**
 * What an administrator does on a kubeadm cluster to switch modes: set `mode:` in the
 * kube-proxy ConfigMap's config.conf (kubeadm writes `mode: ""`, iptables on Linux), so the
 * ConfigMap never contradicts the mode the data plane simulates.
 */
function writeProxyModeToConfigMap(ctx: EngineContext, mode: 'iptables' | 'ipvs'): void {
  const cm = ctx.store.get<ConfigMapWithData>('ConfigMap', 'kube-system', 'kube-proxy');
  const conf = cm?.data?.['config.conf'];
  if (!cm || typeof conf !== 'string' || !/^mode: .*$/m.test(conf)) return;
  const next = conf.replace(/^mode: .*$/m, `mode: ${mode}`);
  if (next === conf) return;
  ctx.api.update({ ...cm, data: { ...cm.data, 'config.conf': next } } as ConfigMapWithData);
}

type ConfigMapWithData = KubeObject & { data?: Record<string, string> };

function runProxyMode(ctx: EngineContext, args: string[]): ExecResult {
  if (args.length === 0) return ok(`kube-proxy mode: ${ctx.sim.proxyMode}\n`);
  if (args.length > 1) return usage(`unexpected argument "${args[1]}"`);
  if (args[0] !== 'iptables' && args[0] !== 'ipvs') return usage(`unknown proxy mode "${args[0]}" (expected iptables or ipvs)`);
  ctx.sim.proxyMode = args[0];
  writeProxyModeToConfigMap(ctx, args[0]);
  return ok(`kube-proxy mode: ${args[0]}\n`);
}

export function runSim(ctx: EngineContext, argv: string[]): ExecResult {
  const [group, verb, ...rest] = argv;
  switch (group) {
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      return ok(HELP);
    case 'pod':
    case 'pods':
      return runPod(ctx, verb, rest);
    case 'node':
    case 'nodes':
      return runNode(ctx, verb, rest);
    case 'cloud':
      return runCloud(ctx, argv.slice(1));
    case 'proxy-mode':
      return runProxyMode(ctx, argv.slice(1));
    default:
      return fail(`error: unknown command "${group}" for "sim"\nRun 'sim help' for usage.\n`);
  }
}
