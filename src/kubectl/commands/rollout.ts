// kubectl rollout restart|undo|history (status in rolloutStatus.ts), for
// Deployments and StatefulSets.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/rollout/{rollout_restart,rollout_undo,
// rollout_history}.go, polymorphichelpers/{objectrestarter,rollback,history}.go.

import { clone } from '../../engine/api/apiServer';
import type { KindInfo } from '../../engine/api/registry';
import { isStatusError } from '../../engine/core/errors';
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet, StatefulSet } from '../../engine/core/types';
import { applyRevision, type ControllerRevision, sortRevisions } from '../../engine/controllers/workloads/controllerRevision';
import { equalIgnoreHash } from '../../engine/controllers/workloads/deploymentUtil';
import { controllerOf } from '../../engine/controllers/workloads/pods';
import { planRollback, rolloutHistory } from '../../engine/controllers/workloads/rollback';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { describePodTemplate } from '../describe/containers';
import { DescribeWriter } from '../describe/writer';
import { AggregateError, KubectlError, toError } from '../errors';
import { mutationFormat } from '../output';
import { DESCRIBE_SETTINGS, tabwrite } from '../printers/tabwriter';
import { rolloutStatusCommand } from './rolloutStatus';
import { objectRef, printResult, resolveTargets } from './targets';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function requireResources(inv: Invocation): void {
  if (inv.args.length === 0 && inv.flags.array('filename').length === 0) throw new KubectlError('required resource not specified');
}

/** Runs `each` over the targets, collecting errors as ContinueOnError visitors do. */
function visit(inv: Invocation, opts: { selector?: string }, each: (info: KindInfo, obj: KubeObject) => void): void {
  const { targets, errors } = resolveTargets(inv, inv.args, { all: true, selector: opts.selector });
  const failures = [...errors];
  for (const { info, obj } of targets) {
    try {
      each(info, obj);
    } catch (e) {
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      failures.push(toError(e));
    }
  }
  if (failures.length) throw new AggregateError(failures);
}

const restartCommand: KubectlCommand = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'rollout restart RESOURCE',
  examples: '  # Restart all deployments in the test-namespace namespace\n  kubectl rollout restart deployment -n test-namespace',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, OUTPUT_FLAG],
  run(inv) {
    requireResources(inv);
    mutationFormat(inv.flags.string('output'));
    visit(inv, { selector: inv.flags.string('selector') }, (info, obj) => {
      if (info.kind !== 'Deployment' && info.kind !== 'StatefulSet' && info.kind !== 'DaemonSet') {
        throw new KubectlError(`error: ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(obj.metadata.name)} restarting is not supported`);
      }
      if (info.kind === 'Deployment' && (obj as Deployment).spec.paused) {
        throw new KubectlError(`error: ${info.resource}.${info.group} ${JSON.stringify(obj.metadata.name)} can't restart paused deployment (run rollout resume first)`);
      }
      const next = clone(obj) as Deployment;
      const template = next.spec.template;
      template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [RESTARTED_AT]: inv.ctx.clock.timestamp() } };
      try {
        const updated = inv.ctx.api.update(next);
        printResult(inv, objectRef(info, obj), updated, 'restarted', 'none');
      } catch (e) {
        if (!isStatusError(e)) throw e;
        throw new KubectlError(`failed to patch: ${e.message}`);
      }
    });
  },
};

function replicaSetsOf(inv: Invocation, d: Deployment): ReplicaSet[] {
  return inv.ctx.store.list<ReplicaSet>('ReplicaSet', d.metadata.namespace);
}

function revisionsOf(inv: Invocation, sts: StatefulSet): ControllerRevision[] {
  const owned = inv.ctx.store.list<ControllerRevision>('ControllerRevision', sts.metadata.namespace).filter((r) => controllerOf(r)?.uid === sts.metadata.uid);
  return sortRevisions(owned);
}

const undoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  examples: '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n\n  # Roll back to deployment revision 3\n  kubectl rollout undo deployment/abc --to-revision=3',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, { name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run(inv) {
    requireResources(inv);
    const dryRun = dryRunOf(inv.flags);
    mutationFormat(inv.flags.string('output'));
    const toRevision = inv.flags.int('to-revision');
    visit(inv, { selector: inv.flags.string('selector') }, (info, obj) => {
      let next: KubeObject;
      if (info.kind === 'Deployment') {
        const d = obj as Deployment;
        if (d.spec.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
        const plan = planRollback(d, replicaSetsOf(inv, d), toRevision);
        if (!plan.ok) throw new KubectlError(plan.error);
        if ('skipped' in plan) return printResult(inv, objectRef(info, obj), obj, plan.skipped, dryRun);
        const copy = clone(d);
        copy.spec.template = plan.template;
        copy.metadata.annotations = plan.annotations;
        next = copy;
      } else if (info.kind === 'StatefulSet') {
        const sts = obj as StatefulSet;
        const history = revisionsOf(inv, sts);
        const target = toRevision === 0 ? (history.length > 1 ? history[history.length - 2] : undefined) : history.find((r) => r.revision === toRevision);
        if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
        const rolled = applyRevision(sts, target);
        if (equalIgnoreHash(rolled.spec.template as PodTemplateSpec, sts.spec.template)) {
          return printResult(inv, objectRef(info, obj), obj, `skipped rollback (current template already matches revision ${toRevision})`, dryRun);
        }
        next = clone(rolled);
      } else {
        throw new KubectlError(`no rollbacker has been implemented for ${info.group ? `${info.kind}.${info.group}` : info.kind}`);
      }
      let shown = next;
      if (dryRun !== 'client') {
        try {
          shown = inv.ctx.api.update(next, { dryRun: dryRun === 'server' });
        } catch (e) {
          if (!isStatusError(e)) throw e;
          throw new KubectlError(`failed restoring revision ${toRevision}: ${e.message}`);
        }
      }
      printResult(inv, objectRef(info, obj), shown, 'rolled back', dryRun);
    });
  },
};

/** tabbedString (padding 2) of the REVISION / CHANGE-CAUSE table. */
function historyTable(rows: { revision: number; changeCause?: string }[]): string {
  const lines = ['REVISION\tCHANGE-CAUSE\n', ...rows.map((r) => `${r.revision}\t${r.changeCause || '<none>'}\n`)].join('');
  return tabwrite(lines, DESCRIBE_SETTINGS);
}

function templateText(template: PodTemplateSpec, changeCause: string | undefined): string {
  const t = clone(template);
  if (changeCause) t.metadata = { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE]: changeCause } };
  const w = new DescribeWriter();
  describePodTemplate(w, t);
  // history.go's printTemplate writes through a PrefixWriter with no tabwriter behind it,
  // so kubectl prints the raw tabs; read the writer's text before it would be aligned.
  const raw = w as unknown as { segments: string[]; current: string };
  return [...raw.segments, raw.current].join('');
}

const historyCommand: KubectlCommand = {
  name: 'history',
  short: 'View rollout history',
  usage: 'rollout history (TYPE NAME | TYPE/NAME) [flags]',
  examples: '  # View the rollout history of a deployment\n  kubectl rollout history deployment/abc\n\n  # View the details of daemonset revision 3\n  kubectl rollout history daemonset/abc --revision=3',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, { name: 'revision', type: 'int', usage: 'See the details, including podTemplate of the revision specified' }],
  run(inv) {
    requireResources(inv);
    const revision = inv.flags.int('revision');
    if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
    visit(inv, { selector: inv.flags.string('selector') }, (info, obj) => {
      let entries: { revision: number; changeCause?: string; template: PodTemplateSpec }[];
      if (info.kind === 'Deployment') {
        entries = rolloutHistory(obj as Deployment, replicaSetsOf(inv, obj as Deployment)).map((h) => ({ revision: h.revision, changeCause: h.changeCause, template: h.replicaSet.spec.template }));
      } else if (info.kind === 'StatefulSet') {
        entries = revisionsOf(inv, obj as StatefulSet).map((r) => ({
          revision: r.revision,
          changeCause: r.metadata.annotations?.[CHANGE_CAUSE],
          template: applyRevision(obj as StatefulSet, r).spec.template,
        }));
      } else {
        throw new KubectlError(`no history viewer has been implemented for ${info.group ? `${info.kind}.${info.group}` : info.kind}`);
      }
      let body: string;
      if (revision > 0) {
        const entry = entries.find((e) => e.revision === revision);
        if (!entry) throw new KubectlError(`unable to find the specified revision`);
        body = `with revision #${revision}\n${templateText(entry.template, entry.changeCause)}`;
      } else {
        body = entries.length ? `\n${historyTable(entries)}` : '\nNo rollout history found.';
      }
      inv.output.out(`${objectRef(info, obj)} ${body}\n`);
    });
  },
};

export const rolloutCommand: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  usage: 'rollout SUBCOMMAND',
  examples: '  # Rollback to the previous deployment\n  kubectl rollout undo deployment/abc\n\n  # Check the rollout status of a daemonset\n  kubectl rollout status daemonset/foo',
  flags: [],
  subcommands: [historyCommand, restartCommand, rolloutStatusCommand, undoCommand],
};
