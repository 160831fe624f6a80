// kubectl run NAME --image=IMAGE: one Pod, labelled `run: NAME` unless --labels,
// shaped exactly as kubectl v1.32's generator builds it (KUBERNETES.md §13.8).
// Source: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go, pkg/generate/versioned/run.go (BasicPod).

import type { KubeObject } from '../../engine/core/types';
import type { KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG } from '../commonFlags';
import { KubectlError, usageError } from '../errors';
import { mutationFormat } from '../output';
import { createGenerated } from './create';
import { runAttached } from './runAttached';

/** `a=b,c=d` → map; kubectl's generate.ParseLabels. */
export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || pair.indexOf('=', eq + 1) >= 0) throw new KubectlError(`invalid label spec: ${pair}`);
    out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

export function generatePod(name: string, opts: { image: string; port?: string; labels?: Record<string, string>; restart: string; env: string[]; args: string[]; command: boolean; imagePullPolicy?: string; stdin?: boolean; tty?: boolean }): KubeObject {
  const container: Record<string, unknown> = {};
  if (opts.args.length) container[opts.command ? 'command' : 'args'] = opts.args;
  if (opts.env.length) {
    container.env = opts.env.map((e) => {
      const eq = e.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  }
  container.image = opts.image;
  if (opts.imagePullPolicy) container.imagePullPolicy = opts.imagePullPolicy;
  container.name = name;
  if (opts.port !== undefined && opts.port !== '') {
    const n = Number(opts.port);
    if (!/^-?\d+$/.test(opts.port)) throw new KubectlError(`strconv.Atoi: parsing "${opts.port}": invalid syntax`);
    if (n > 0) container.ports = [{ containerPort: n }];
  }
  container.resources = {};
  // BasicPod: Stdin, StdinOnce (stdin without --leave-stdin-open) and TTY for attached runs.
  if (opts.stdin) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (opts.tty) container.tty = true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null, labels: opts.labels ?? { run: name }, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: opts.restart },
    status: {},
  };
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  examples: '  # Start a nginx pod\n  kubectl run nginx --image=nginx\n\n  # Start a hazelcast pod and let the container expose port 5701\n  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701',
  flags: [
    OUTPUT_FLAG, DRY_RUN_FLAG,
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].' },
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', usage: 'The image pull policy for the container.' },
    { name: 'rm', type: 'bool', usage: 'If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with \'--attach\' or with \'-i/--stdin\'.' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
    { name: 'attach', type: 'bool', usage: 'If true, wait for the Pod to start running, and then attach to the Pod as if \'kubectl attach ...\' were called.  Default false, unless \'-i/--stdin\' is set, in which case the default is true. With \'--restart=Never\' the exit code of the container process is returned.' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'If true, suppress prompt messages.' },
  ],
  run(inv) {
    const { flags } = inv;
    if (inv.args.length === 0) throw usageError(inv.commandPath, 'NAME is required for run');
    mutationFormat(flags.string('output'));
    const image = flags.string('image');
    if (!flags.changed('image')) throw new KubectlError('required flag(s) "image" not set');
    if (image === '') throw new KubectlError('--image is required');
    const restart = flags.string('restart');
    if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
    const name = inv.args[0];
    const dash = inv.flags.argsLenAtDash;
    const extra = inv.args.slice(1);
    if (dash < 0 && extra.length && flags.bool('command')) throw new KubectlError('--command requires arguments after --');
    const stdin = flags.bool('stdin');
    const tty = flags.bool('tty');
    const attach = flags.changed('attach') ? flags.bool('attach') : stdin;
    // Checks from run.go's Run, in its order.
    if (tty && !stdin) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
    if (flags.bool('rm') && !attach) throw new KubectlError('--rm should only be used for attached containers');
    const pod = generatePod(name, {
      image,
      port: flags.string('port'),
      labels: flags.changed('labels') ? parseLabels(flags.string('labels')) : undefined,
      restart,
      env: flags.array('env'),
      args: extra,
      command: flags.bool('command'),
      imagePullPolicy: flags.string('image-pull-policy') || undefined,
      stdin,
      tty,
    });
    if (attach && dryRunOf(flags) === 'none') {
      pod.metadata.namespace = inv.namespace;
      return runAttached(inv, pod, { remove: flags.bool('rm'), tty, quiet: flags.bool('quiet') });
    }
    if (flags.string('dry-run') !== 'client') pod.metadata.namespace = inv.namespace;
    createGenerated(inv, pod);
  },
};
