// kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]
// Source: staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go (argument checks,
// "Defaulted container" notice, `command terminated with exit code N`) and
// containerd's error for an executable missing from the image.

import type { ExecResult } from '../../engine/exec';
import type { Container, Pod } from '../../engine/core/types';
import { apiErrors } from '../../engine/core/errors';
import { execInContainer } from '../../engine/network/podShell';
import type { EngineContext } from '../../engine/context';
import type { KubectlCommand, KubectlEnv, Output } from '../command';
import { KubectlError, usageError } from '../errors';
import { mostActivePod, podsForArgument } from '../podForObject';

/** kubectl's text for a runtime that could not start the process (containerd 1.7 / runc). */
export function executableNotFound(ctx: EngineContext, executable: string): string {
  return `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${ctx.rng.hex(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${executable}": executable file not found in $PATH: unknown\n`;
}

/** Picks the container: -c NAME, else the default-container annotation, else the first (with kubectl's notice). */
export function chooseContainer(pod: Pod, name: string, out: Output, quiet = false): Container {
  const containers = pod.spec.containers;
  if (name) {
    const c = containers.find((x) => x.name === name);
    if (!c) throw apiErrors.badRequest(`container ${name} is not valid for pod ${pod.metadata.name}`);
    return c;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const c = containers.find((x) => x.name === annotated) ?? containers[0];
  if (containers.length > 1 && !annotated && !quiet) {
    out.err(`Defaulted container "${c.name}" out of: ${containers.map((x) => x.name).join(', ')}\n`);
  }
  return c;
}

/** Runs argv in a running container and renders the outcome as kubectl exec does; returns the exit code. */
export function runInContainer(env: KubectlEnv, pod: Pod, container: Container, argv: string[], out: Output, stdin?: string): number {
  const res = execInContainer({ ctx: env.ctx, workspace: env.workspace, stdin }, pod, container, argv);
  if (!res.started) {
    out.err(executableNotFound(env.ctx, res.executable));
    return 1;
  }
  const r: ExecResult = res.result;
  out.write(r);
  if (r.exitCode !== 0) out.err(`command terminated with exit code ${r.exitCode}\n`);
  return r.exitCode;
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  examples: '  # Get output from running the \'date\' command from pod mypod, using the first container by default\n  kubectl exec mypod -- date\n\n  # Get output from running the \'date\' command in ruby-container from pod mypod\n  kubectl exec mypod -c ruby-container -- date\n\n  # Switch to raw terminal mode; sends stdin to \'bash\' in ruby-container from pod mypod\n  # and sends stdout/stderr from \'bash\' back to the client\n  kubectl exec mypod -c ruby-container -i -t -- bash -il\n\n  # Get output from running \'date\' command from the first pod of the deployment mydeployment, using the first container by default\n  kubectl exec deploy/mydeployment -- date\n\n  # Get output from running \'date\' command from the first pod of the service myservice, using the first container by default\n  kubectl exec svc/myservice -- date',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', usage: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only print output from the remote session' },
  ],
  run(inv) {
    const { args, flags } = inv;
    const dash = flags.argsLenAtDash;
    if (args.length === 0 || dash === 0) {
      throw usageError(inv.commandPath, "expected 'exec (POD | TYPE/NAME) COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD or TYPE/NAME is a required argument for the exec command");
    }
    if (dash < 0 && args.length > 1) {
      throw new KubectlError(`exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples`);
    }
    const command = args.slice(1);
    if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
    // POD or TYPE/NAME: a Deployment, ReplicaSet, StatefulSet or Service stands for its most active pod.
    const pod = mostActivePod(podsForArgument(inv, args[0], 'cannot attach to'));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    }
    const container = chooseContainer(pod, flags.string('container'), inv.output, flags.bool('quiet'));
    const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
    if (!status?.state.running) throw new KubectlError(`unable to upgrade connection: container not found ("${container.name}")`);
    const code = runInContainer(inv.env, pod, container, command, inv.output, inv.stdin);
    return code;
  },
};
