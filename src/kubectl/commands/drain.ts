// kubectl cordon|uncordon|drain NODE: set spec.unschedulable, and for drain
// evict the node's pods (refusing DaemonSet-managed pods without
// --ignore-daemonsets, emptyDir pods without --delete-emptydir-data and
// unmanaged pods without --force), waiting in simulated time until they are gone.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain,
// deleteOrEvictPodsSimple, RunCordonOrUncordon, onPodDeletionOrEvictionStarted/
// Finished), staging/src/k8s.io/kubectl/pkg/drain/{filters,drain}.go.

import { clone } from '../../engine/api/apiServer';
import { isStatusError } from '../../engine/core/errors';
import type { Node, Pod } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { type DryRun, DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, usageError } from '../errors';
import { mutationFormat } from '../output';
import { listSelected, listSelectors } from '../resources';
import { watchWhileBlocked } from './blockingWatch';
import { parseGoDuration, printResult } from './targets';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** The nodes named (or selected with -l); NotFound for a missing name ends the command. */
function nodesFor(inv: Invocation, use: string): Node[] {
  const selector = inv.flags.string('selector');
  if (inv.args.length === 0 && !inv.flags.changed('selector')) throw usageError(inv.commandPath, `USAGE: ${use} [flags]`);
  if (inv.args.length && selector) throw new KubectlError('error: cannot specify both a node name and a --selector option');
  if (selector) return listSelected(inv.ctx, inv.ctx.registry.info('Node')!, undefined, listSelectors(selector)) as Node[];
  return inv.args.map((name) => inv.ctx.api.get<Node>('Node', undefined, name));
}

function cordonAll(inv: Invocation, nodes: Node[], desired: boolean, dryRun: DryRun): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const ref = `node/${node.metadata.name}`;
    if ((node.spec?.unschedulable ?? false) === desired) {
      printResult(inv, ref, node, `already ${verb}ed`, dryRun);
      continue;
    }
    let shown = node;
    if (dryRun !== 'client') {
      const next = clone(node);
      next.spec = { ...next.spec };
      if (desired) next.spec.unschedulable = true;
      else delete next.spec.unschedulable;
      try {
        shown = inv.ctx.api.update(next, { dryRun: dryRun === 'server' });
      } catch (e) {
        if (!isStatusError(e)) throw e;
        inv.output.err(`error: unable to ${verb} node ${JSON.stringify(node.metadata.name)}: ${e.message}\n`);
        continue;
      }
    }
    printResult(inv, ref, shown, `${verb}ed`, dryRun);
  }
}

function cordonCommand(desired: boolean): KubectlCommand {
  const name = desired ? 'cordon' : 'uncordon';
  return {
    name,
    short: desired ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    usage: `${name} NODE`,
    examples: `  # Mark node "foo" as ${desired ? 'unschedulable' : 'schedulable'}\n  kubectl ${name} foo`,
    flags: [DRY_RUN_FLAG, SELECTOR_FLAG],
    run(inv) {
      const dryRun = dryRunOf(inv.flags);
      cordonAll(inv, nodesFor(inv, `${name} NODE`), desired, dryRun);
    },
  };
}

type Verdict = { delete: true; warning?: string } | { delete: false; warning?: string; error?: string; skip?: boolean };

function isFinished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** makeFilters: daemonSet, mirrorPod, localStorage, unreplicated — the first refusal wins, else the last warning. */
function verdictFor(inv: Invocation, pod: Pod): Verdict {
  const f = inv.flags;
  let warning: string | undefined;
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner?.kind === 'DaemonSet' && !isFinished(pod)) {
    // daemonSetFilter: a pod whose DaemonSet is gone is an error, or with --force deleted with a warning.
    if (!inv.ctx.store.get('DaemonSet', pod.metadata.namespace, owner.name)) {
      const notFound = `daemonsets.apps ${JSON.stringify(owner.name)} not found`;
      return f.bool('force') ? { delete: true, warning: notFound } : { delete: false, error: notFound };
    }
    if (!f.bool('ignore-daemonsets')) return { delete: false, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    return { delete: false, warning: 'ignoring DaemonSet-managed Pods' };
  }
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { delete: false, skip: true };
  const volumes = (pod.spec as { volumes?: { emptyDir?: unknown }[] }).volumes ?? [];
  const emptyDir = volumes.some((v) => v.emptyDir !== undefined);
  if (emptyDir && !isFinished(pod)) {
    if (!f.bool('delete-emptydir-data')) return { delete: false, error: 'Pods with local storage (use --delete-emptydir-data to override)' };
    warning = 'deleting Pods with local storage';
  }
  if (!isFinished(pod) && !owner) {
    if (!f.bool('force')) return { delete: false, error: 'cannot delete Pods that declare no controller (use --force to override)' };
    warning = 'deleting Pods that declare no controller';
  }
  return { delete: true, warning };
}

/** Groups `ns/name` by message in first-seen order (PodDeleteList.Warnings / errors). */
function grouped(items: { message: string; pod: Pod }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { message, pod } of items) out.set(message, [...(out.get(message) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return out;
}

/** Without --timeout kubectl waits for ever; the simulation stops waiting after this long. */
const DRAIN_WAIT_CAP_MS = 15 * 60_000;

/** An error as Go's %s prints it: an aggregate of several is `[a, b]` (apimachinery util/errors). */
function goErrorText(e: Error): string {
  return e instanceof AggregateError && e.errors.length > 1 ? `[${e.message}]` : e.message;
}

/** deleteOrEvictPodsSimple for one node; throws the error that keeps it from being drained. */
function drainNode(inv: Invocation, node: Node, dryRun: DryRun): void {
  const { ctx, flags } = inv;
  const pods = (ctx.store.list<Pod>('Pod').filter((p) => p.spec.nodeName === node.metadata.name))
    .sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1);
  const verdicts = pods.map((pod) => ({ pod, v: verdictFor(inv, pod) }));
  const errors = grouped(verdicts.flatMap(({ pod, v }) => (!v.delete && v.error ? [{ message: v.error, pod }] : [])));
  if (errors.size) {
    throw new AggregateError([...errors].map(([msg, list]) => new KubectlError(`${msg.toLowerCase().startsWith('cannot delete') ? msg : `cannot delete ${msg}`}: ${list.join(', ')}`)));
  }
  const warnings = grouped(verdicts.flatMap(({ pod, v }) => (v.warning ? [{ message: v.warning, pod }] : [])));
  // printers.WarningPrinter (cli-runtime pkg/printers/warningprinter.go): "Warning: <message>" on stderr.
  if (warnings.size) inv.output.err(`Warning: ${[...warnings].map(([m, l]) => `${m}: ${l.join(', ')}`).join('; ')}\n`);
  const toEvict = verdicts.filter(({ v }) => v.delete).map(({ pod }) => pod);
  const evict = !flags.bool('disable-eviction');
  if (dryRun === 'client') {
    for (const p of toEvict) inv.output.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return;
  }
  const pending = new Map(toEvict.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
  const grace = flags.int('grace-period');
  const finished = (p: Pod) => {
    printResult(inv, `pod/${p.metadata.name}`, p, evict ? 'evicted' : 'deleted', dryRun);
    pending.delete(`${p.metadata.namespace}/${p.metadata.name}`);
  };
  const watch = watchWhileBlocked(ctx.store, (e) => {
    if (e.kind !== 'Pod' || e.type !== 'DELETED') return;
    const p = pending.get(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    if (p && p.metadata.uid === e.object.metadata.uid) finished(p);
  });
  try {
    for (const p of toEvict) {
      if (evict) inv.output.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
      ctx.api.delete('Pod', p.metadata.namespace, p.metadata.name!, { gracePeriodSeconds: grace >= 0 ? grace : undefined, force: false });
      watch.check();
    }
    if (dryRun === 'server') {
      for (const p of [...pending.values()]) finished(p);
      return;
    }
    // waitForDelete: a pod counts as gone once no pod of that name and uid is left.
    for (const p of [...pending.values()]) {
      const live = ctx.store.get<Pod>('Pod', p.metadata.namespace, p.metadata.name!);
      if (!live || live.metadata.uid !== p.metadata.uid) finished(p);
    }
    const timeoutMs = parseGoDuration('timeout', flags.string('timeout'));
    const limit = timeoutMs > 0 ? timeoutMs : DRAIN_WAIT_CAP_MS;
    for (let waited = 0; pending.size && inv.env.advance && waited < limit; waited += 1000) {
      inv.env.advance(Math.min(1000, limit - waited));
      watch.check();
    }
    if (pending.size) throw new KubectlError(`drain did not complete within ${flags.string('timeout') === '0s' ? '15m0s' : flags.string('timeout')}`);
  } finally {
    watch.stop();
  }
}

export const cordonCommandSpec = cordonCommand(true);
export const uncordonCommandSpec = cordonCommand(false);

export const drainCommand: KubectlCommand = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  usage: 'drain NODE',
  examples: '  # Drain node "foo", even if there are pods not managed by a replication controller, replica set, job, daemon set, or stateful set on it\n  kubectl drain foo --force',
  flags: [
    DRY_RUN_FLAG, SELECTOR_FLAG, OUTPUT_FLAG,
    { name: 'force', type: 'bool', usage: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'ignore-daemonsets', type: 'bool', usage: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', usage: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'disable-eviction', type: 'bool', usage: 'Force drain to use delete, even if eviction is supported. This will bypass checking PodDisruptionBudgets, use with caution.' },
    { name: 'ignore-errors', type: 'bool', usage: 'Ignore errors occurred between drain nodes in group.' },
  ],
  run(inv) {
    const dryRun = dryRunOf(inv.flags);
    mutationFormat(inv.flags.string('output'));
    parseGoDuration('timeout', inv.flags.string('timeout'));
    const nodes = nodesFor(inv, 'drain NODE');
    cordonAll(inv, nodes, true, dryRun);
    // RunDrain as kubectl v1.32 has it (pkg/cmd/drain/drain.go): a node that cannot be drained
    // is reported and the others are still drained ("continuing command..."); the nodes left
    // are listed at the end, and the command fails with every node's error, one per line,
    // without the `error: ` prefix (checkErr prints an aggregate's errors so).
    // (Older kubectl stopped at the first: "error: unable to drain node …, aborting command...".)
    const fatal: Error[] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      try {
        drainNode(inv, node, dryRun);
        printResult(inv, `node/${node.metadata.name}`, node, 'drained', dryRun);
      } catch (e) {
        if (!(e instanceof KubectlError || e instanceof AggregateError || isStatusError(e))) throw e;
        inv.output.err(`error: unable to drain node ${JSON.stringify(node.metadata.name)} due to error: ${goErrorText(e)}, continuing command...\n`);
        fatal.push(e);
        remaining.push(node.metadata.name!);
      }
    }
    if (remaining.length) inv.output.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    if (fatal.length) throw new AggregateError(fatal.length === 1 ? fatal : fatal.map((e) => new KubectlError(goErrorText(e))));
  },
};
