// kubectl logs (POD | TYPE/NAME) [CONTAINER] [-c NAME] [--tail N] [-l sel] [-p] [--all-containers] [--prefix].
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go (Complete, Validate, usage errors),
// polymorphichelpers/logsforobject.go (default container and its stderr note, first pod of a
// controller), pkg/registry/core/pod/strategy.go LogLocation ("container x is not valid for pod y"),
// pkg/kubelet/kubelet_pods.go validateContainerLogStatus ("is waiting to start: …").

import { apiErrors } from '../../engine/core/errors';
import type { ContainerStatus, Pod } from '../../engine/core/types';
import { containerLog } from '../../engine/network/containerLog';
import type { Invocation, KubectlCommand } from '../command';
import { SELECTOR_FLAG } from '../commonFlags';
import { KubectlError, usageError } from '../errors';
import { listSelected, listSelectors, resolveKind } from '../resources';
import { podForLogs, podsForArgument } from '../podForObject';
import { startupLines } from './logsStartup';
import { followLogs, type FollowedLog } from './logsFollow';
import { requestTimeoutMs } from '../streaming';

const USAGE_ERR = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** What one container instance logged: its image's start-up lines, then the data plane's request lines. */
function containerLogLines(inv: Invocation, pod: Pod, status: ContainerStatus, previous: boolean): string[] {
  const state = previous ? status.lastState : status.state;
  const startedAt = state.running?.startedAt ?? state.terminated?.startedAt;
  const lines = startupLines(status.image, startedAt, pod.status?.podIP);
  const served = containerLog(inv.ctx, pod.metadata.namespace ?? '', pod.metadata.name!, status.name, previous);
  if (served) lines.push(...served.replace(/\n$/, '').split('\n'));
  return lines;
}

function allContainerNames(pod: Pod): string {
  const init = (pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`);
  return [...init, ...pod.spec.containers.map((c) => c.name)].join(', ');
}

/** The container to read: -c, the default-container annotation, or the first one (with a note on stderr). */
function pickContainer(inv: Invocation, pod: Pod, requested: string): string {
  if (requested) return requested;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    if (pod.spec.containers.some((c) => c.name === annotated)) return annotated;
    inv.output.err(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  const first = pod.spec.containers[0].name;
  if (pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0) {
    inv.output.err(`Defaulted container "${first}" out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

function logsOf(inv: Invocation, pod: Pod, container: string, previous: boolean): string[] {
  const name = pod.metadata.name!;
  const known = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === container);
  if (!known) throw apiErrors.badRequest(`container ${container} is not valid for pod ${name}`);
  if (!pod.spec.nodeName) return [];
  const status = (pod.status?.containerStatuses ?? []).find((s) => s.name === container);
  if (!status) throw apiErrors.badRequest(`container "${container}" in pod "${name}" is not available`);
  if (previous) {
    if (!status.lastState.terminated) throw apiErrors.badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return containerLogLines(inv, pod, status, true);
  }
  const waiting = status.state.waiting;
  if (waiting) {
    // A container in back-off serves the log of its last run.
    if (status.lastState.terminated) return containerLogLines(inv, pod, status, true);
    const reason = waiting.reason === 'ErrImagePull' ? "image can't be pulled" : waiting.reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : waiting.reason ?? '';
    throw apiErrors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ${reason}`);
  }
  return containerLogLines(inv, pod, status, false);
}

function tail(lines: string[], n: number): string[] {
  return n >= 0 ? lines.slice(Math.max(0, lines.length - n)) : lines;
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  usage: 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  examples: '  # Return snapshot logs from pod nginx with only one container\n  kubectl logs nginx\n\n  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name\n  kubectl logs nginx --prefix\n\n  # Display only the most recent 20 lines of output in pod nginx\n  kubectl logs --tail=20 nginx\n\n  # Return snapshot logs from first container of a deployment named nginx\n  kubectl logs deployment/nginx',
  flags: [
    SELECTOR_FLAG,
    { name: 'container', short: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'previous', short: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
  ],
  run(inv) {
    const { flags, args } = inv;
    const selectorText = flags.string('selector');
    let container = flags.string('container');
    if (args.length === 0 && !selectorText) throw usageError(inv.commandPath, USAGE_ERR);
    if (args.length === 1 && selectorText) throw usageError(inv.commandPath, 'only a selector (-l) or a POD name is allowed');
    if (args.length > 2) throw usageError(inv.commandPath, USAGE_ERR);
    if (args.length === 2) container = args[1];
    const allContainers = flags.bool('all-containers');
    if (allContainers && container) throw usageError(inv.commandPath, '--container cannot be specified when --all-containers is set');

    let pods: Pod[];
    let tailN = flags.int('tail');
    if (selectorText) {
      if (!flags.changed('tail')) tailN = 10; // logs.go: a selector defaults --tail to 10
      pods = listSelected(inv.ctx, resolveKind(inv.ctx, 'pods'), inv.namespace, listSelectors(selectorText)) as Pod[];
      if (pods.length === 0) {
        inv.output.err(`No resources found in ${inv.namespace} namespace.\n`);
        return;
      }
      if (flags.bool('follow') && pods.length > flags.int('max-log-requests')) {
        throw new KubectlError(`you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${flags.int('max-log-requests')}, use --max-log-requests to increase the limit`);
      }
    } else {
      const found = podsForArgument(inv, args[0], 'cannot get the logs from');
      const pod = podForLogs(found);
      if (found.length > 1) inv.output.err(`Found ${found.length} pods, using pod/${pod.metadata.name}\n`);
      pods = [pod];
    }
    const prefix = flags.bool('prefix');
    const follow = flags.bool('follow');
    if (follow) requestTimeoutMs(inv);
    const followed: FollowedLog[] = [];
    for (const pod of pods) {
      const names = allContainers ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [pickContainer(inv, pod, container)];
      for (const name of names) {
        const all = logsOf(inv, pod, name, flags.bool('previous'));
        const head = prefix ? `[pod/${pod.metadata.name}/${name}] ` : '';
        inv.output.out(tail(all, tailN).map((l) => `${head}${l}\n`).join(''));
        if (follow) followed.push({ pod, container: name, prefix: head, printed: all.length });
      }
    }
    if (follow && !flags.bool('previous')) followLogs(inv, followed, logsOf);
  },
};
