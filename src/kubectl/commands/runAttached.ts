// `kubectl run NAME -i [-t] [--rm] --image=IMAGE [--restart=Never] -- CMD …`: create
// the pod, wait for its container to start, show what the command printed,
// delete the pod with --rm, and return the container's exit code for
// Never/OnFailure. Source: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go
// (Run's attach branch, removeCreatedObjects) and cmd/attach/attach.go (the prompt hint).

import type { Container, KubeObject, Pod } from '../../engine/core/types';
import { execInContainer } from '../../engine/network/podShell';
import type { Invocation } from '../command';
import { KubectlError } from '../errors';

const STEP_MS = 500;
/** kubectl's --pod-running-timeout default (1m0s). */
const POD_RUNNING_TIMEOUT_MS = 60_000;

function started(pod: Pod | undefined, name: string): boolean {
  const s = pod?.status?.containerStatuses?.find((c) => c.name === name);
  return !!(s && (s.state.running || s.state.terminated || s.lastState?.terminated));
}

export function runAttached(inv: Invocation, generated: KubeObject, opts: { remove: boolean; tty: boolean; quiet: boolean }): number {
  const { ctx, env, output } = inv;
  const created = ctx.api.create<Pod>(generated);
  const ns = created.metadata.namespace!;
  const name = created.metadata.name!;
  const container: Container = created.spec.containers[0];
  for (let waited = 0; env.advance && !started(ctx.store.get<Pod>('Pod', ns, name), container.name) && waited < POD_RUNNING_TIMEOUT_MS; waited += STEP_MS) {
    env.advance(STEP_MS);
  }
  const pod = ctx.store.get<Pod>('Pod', ns, name);
  if (!pod || !started(pod, container.name)) throw new KubectlError('timed out waiting for the condition');
  if (opts.tty && !opts.quiet) output.err("If you don't see a command prompt, try pressing enter.\n");
  // The container's main process is the command (or the image's default shell, which reads the empty stdin and exits).
  const argv = container.command?.length ? [...container.command, ...(container.args ?? [])] : container.args?.length ? container.args : ['sh'];
  const res = execInContainer({ ctx, workspace: env.workspace, stdin: inv.stdin }, pod, container, argv);
  let exitCode: number;
  let failure = '';
  if (res.started) {
    output.write(res.result);
    exitCode = res.result.exitCode;
    if (exitCode !== 0) failure = `pod ${ns}/${name} terminated (Error)\n`;
  } else {
    // runc cannot start a process that is not in the image: the container ends in StartError with exit code 128.
    exitCode = 128;
    failure = `pod ${ns}/${name} terminated (StartError)\nfailed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${res.executable}": executable file not found in $PATH: unknown\n`;
  }
  if (opts.remove) {
    // The process has exited, so nothing is left to wait for: the pod goes at once.
    ctx.api.delete('Pod', ns, name, { gracePeriodSeconds: 0, force: true });
    output.out(`pod "${name}" deleted\n`);
  }
  const waitsForExitCode = created.spec.restartPolicy === 'Never' || created.spec.restartPolicy === 'OnFailure';
  if (!waitsForExitCode) return 0;
  output.err(failure);
  return exitCode;
}
