// kubectl rollout restart|undo|history|pause|resume (status in rolloutStatus.ts), for
// Deployments, StatefulSets and DaemonSets (pause and resume: Deployments only).
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/rollout/{rollout_restart,rollout_undo,
// rollout_history,rollout_pause,rollout_resume}.go,
// polymorphichelpers/{objectrestarter,rollback,history,objectpauser,objectresumer}.go.

import { clone } from '../../engine/api/apiServer';
import type { KindInfo } from '../../engine/api/registry';
import { isStatusError } from '../../engine/core/errors';
import type { Deployment, KubeObject, PodTemplateSpec, ReplicaSet } from '../../engine/core/types';
import { type ControllerRevision, revisionPatch, sortRevisions } from '../../engine/controllers/workloads/controllerRevision';
import { canonicalJson } from '../../engine/controllers/workloads/hash';
import { controllerOf, copyJson } from '../../engine/controllers/workloads/pods';
import { planRollback, rolloutHistory } from '../../engine/controllers/workloads/rollback';
import type { Invocation, KubectlCommand } from '../command';
import { DRY_RUN_FLAG, type DryRun, dryRunOf, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
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

/** The `deployments.apps` in the patch errors of restart, pause and resume. */
const resourceString = (info: KindInfo) => `${info.resource}${info.group ? `.${info.group}` : ''}`;

/** rollout pause and resume: set or clear a Deployment's spec.paused, the only kind that can pause. */
function pausingCommand(name: 'pause' | 'resume', paused: boolean): KubectlCommand {
  const verb = paused ? 'pausing' : 'resuming';
  return {
    name,
    short: paused ? 'Mark the provided resource as paused' : 'Resume a paused resource',
    long: paused
      ? 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.'
      : 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
    usage: `rollout ${name} RESOURCE`,
    examples: paused
      ? '  # Mark the nginx deployment as paused\n  # Any current state of the deployment will continue its function; new updates\n  # to the deployment will not have an effect as long as the deployment is paused\n  kubectl rollout pause deployment/nginx'
      : '  # Resume an already paused deployment\n  kubectl rollout resume deployment/nginx',
    flags: [FILENAME_FLAG, SELECTOR_FLAG, OUTPUT_FLAG],
    run(inv) {
      requireResources(inv);
      mutationFormat(inv.flags.string('output'));
      visit(inv, { selector: inv.flags.string('selector') }, (info, obj) => {
        // defaultObjectPauser / defaultObjectResumer, their errors prefixed as RunPause does.
        const problem = info.kind !== 'Deployment' ? `${verb} is not supported`
          : (obj as Deployment).spec.paused === paused ? (paused ? 'is already paused' : 'is not paused') : undefined;
        if (problem) throw new KubectlError(`error: ${resourceString(info)} ${JSON.stringify(obj.metadata.name)} ${problem}`);
        const next = clone(obj) as Deployment;
        next.spec.paused = paused;
        let updated: KubeObject;
        try {
          updated = inv.ctx.api.update(next);
        } catch (e) {
          if (!isStatusError(e)) throw e;
          throw new KubectlError(`failed to patch: ${e.message}`);
        }
        printResult(inv, objectRef(info, obj), updated, paused ? 'paused' : 'resumed', 'none');
      });
    },
  };
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
        throw new KubectlError(`error: ${resourceString(info)} ${JSON.stringify(obj.metadata.name)} restarting is not supported`);
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

/** A StatefulSet or a DaemonSet: the owners whose template history is kept in ControllerRevisions. */
type RevisionedOwner = KubeObject & { spec: { template: PodTemplateSpec } };

/** controlledHistory: the ControllerRevisions the object controls, sorted by revision. */
function revisionsOf(inv: Invocation, owner: KubeObject): ControllerRevision[] {
  const owned = inv.ctx.store.list<ControllerRevision>('ControllerRevision', owner.metadata.namespace).filter((r) => controllerOf(r)?.uid === owner.metadata.uid);
  return sortRevisions(owned);
}

/** applyDaemonSetHistory / applyRevision: the revision's data is `{"spec":{"template":{…,"$patch":"replace"}}}`, so its template replaces the object's. */
function revisionTemplate(r: ControllerRevision): PodTemplateSpec {
  const { $patch: _replace, ...template } = copyJson(r.data.spec.template);
  return template;
}

/** GroupKind.String(), as kubectl's "no … has been implemented for %q" errors quote it. */
const groupKind = (info: KindInfo) => JSON.stringify(info.group ? `${info.kind}.${info.group}` : info.kind);

/** describe.DescribePodTemplate through history.go's printTemplate. */
function templateText(template: PodTemplateSpec): string {
  const w = new DescribeWriter();
  describePodTemplate(w, template);
  // printTemplate writes through a PrefixWriter with no tabwriter behind it, so kubectl
  // prints the raw tabs.
  return w.untabbed();
}

const revisionNotFound = (toRevision: number) => new KubectlError(`unable to find specified revision ${toRevision} in history`);

/** What a rollbacker decided: a message to print as it is, or the object to write back. */
type Rollback = { message: string } | { next: KubeObject };

/** DeploymentRollbacker.Rollback (the ReplicaSet's template and annotations go back into the Deployment). */
function rollbackDeployment(inv: Invocation, d: Deployment, toRevision: number, dryRun: DryRun): Rollback {
  const plan = planRollback(d, replicaSetsOf(inv, d), toRevision);
  if (!plan.ok) throw new KubectlError(plan.error);
  if (dryRun === 'client') {
    // Upstream prints the chosen ReplicaSet's template here, pod-template-hash label and all,
    // without the "will roll back to" the other rollbackers put before it.
    const history = rolloutHistory(d, replicaSetsOf(inv, d));
    const target = toRevision > 0 ? history.find((h) => h.revision === toRevision) : history[history.length - 2];
    return { message: templateText(target!.replicaSet.spec.template) };
  }
  if (d.spec.paused) throw new KubectlError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`);
  if ('skipped' in plan) return { message: plan.skipped };
  const next = clone(d);
  next.spec.template = plan.template;
  next.metadata.annotations = plan.annotations;
  return { next };
}

/**
 * DaemonSetRollbacker / StatefulSetRollbacker.Rollback: the revision's template patched back
 * into the object; the controller then finds that revision current and re-numbers it above
 * the others (constructHistory, getStatefulSetRevisions).
 */
function rollbackToRevision(inv: Invocation, owner: RevisionedOwner, toRevision: number, dryRun: DryRun): Rollback {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const history = revisionsOf(inv, owner);
  if (toRevision === 0 && history.length <= 1) throw new KubectlError('no last revision to roll back to');
  // findHistory: the second highest revision, or the first with that number.
  const target = toRevision === 0 ? history[history.length - 2] : history.find((r) => r.revision === toRevision);
  if (!target) throw revisionNotFound(toRevision);
  const template = revisionTemplate(target);
  if (dryRun === 'client') return { message: `will roll back to ${templateText(template)}` };
  // daemonSetMatch / statefulsetMatch: the object's own patch is byte-for-byte the revision's data.
  if (revisionPatch(owner) === canonicalJson(target.data)) return { message: `skipped rollback (current template already matches revision ${toRevision})` };
  const next = clone(owner);
  next.spec.template = template;
  return { next };
}

const undoCommand: KubectlCommand = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'rollout undo (TYPE NAME | TYPE/NAME) [flags]',
  examples: '  # Roll back to the previous deployment\n  kubectl rollout undo deployment/abc\n\n  # Roll back to daemonset revision 3\n  kubectl rollout undo daemonset/abc --to-revision=3\n\n  # Roll back to the previous deployment with dry-run\n  kubectl rollout undo --dry-run=server deployment/abc',
  flags: [FILENAME_FLAG, SELECTOR_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG, { name: 'to-revision', type: 'int', usage: 'The revision to rollback to. Default to 0 (last revision).' }],
  run(inv) {
    requireResources(inv);
    const dryRun = dryRunOf(inv.flags);
    mutationFormat(inv.flags.string('output'));
    const toRevision = inv.flags.int('to-revision');
    visit(inv, { selector: inv.flags.string('selector') }, (info, obj) => {
      let rollback: Rollback;
      if (info.kind === 'Deployment') rollback = rollbackDeployment(inv, obj as Deployment, toRevision, dryRun);
      else if (info.kind === 'StatefulSet' || info.kind === 'DaemonSet') rollback = rollbackToRevision(inv, obj as RevisionedOwner, toRevision, dryRun);
      else throw new KubectlError(`no rollbacker has been implemented for ${groupKind(info)}`);
      if ('next' in rollback) {
        try {
          inv.ctx.api.update(rollback.next, { dryRun: dryRun === 'server' });
        } catch (e) {
          if (!isStatusError(e)) throw e;
          throw new KubectlError(`failed restoring revision ${toRevision}: ${e.message}`);
        }
      }
      // rollout_undo.go prints info.Object, the object as it was read before the rollback.
      printResult(inv, objectRef(info, obj), obj, 'next' in rollback ? 'rolled back' : rollback.message, dryRun);
    });
  },
};

/** tabbedString (padding 2) of the REVISION / CHANGE-CAUSE table. */
function historyTable(rows: { revision: number; changeCause?: string }[]): string {
  const lines = ['REVISION\tCHANGE-CAUSE\n', ...rows.map((r) => `${r.revision}\t${r.changeCause || '<none>'}\n`)].join('');
  return tabwrite(lines, DESCRIBE_SETTINGS);
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
        // DeploymentHistoryViewer: the ReplicaSet's template, with its change-cause among the template's annotations.
        entries = rolloutHistory(obj as Deployment, replicaSetsOf(inv, obj as Deployment)).map((h) => {
          const template = clone(h.replicaSet.spec.template);
          if (h.changeCause) template.metadata = { ...template.metadata, annotations: { ...template.metadata?.annotations, [CHANGE_CAUSE]: h.changeCause } };
          return { revision: h.revision, changeCause: h.changeCause, template };
        });
      } else if (info.kind === 'StatefulSet' || info.kind === 'DaemonSet') {
        // printHistory: the change-cause is the revision's own annotation (the DaemonSet controller
        // copies the DaemonSet's annotations onto each revision it makes); the template is the revision's.
        entries = revisionsOf(inv, obj).map((r) => ({ revision: r.revision, changeCause: r.metadata.annotations?.[CHANGE_CAUSE], template: revisionTemplate(r) }));
      } else {
        throw new KubectlError(`no history viewer has been implemented for ${groupKind(info)}`);
      }
      let body: string;
      if (revision > 0) {
        const entry = entries.find((e) => e.revision === revision);
        if (!entry) throw new KubectlError(`unable to find the specified revision`);
        body = `with revision #${revision}\n${templateText(entry.template)}`;
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
  subcommands: [historyCommand, pausingCommand('pause', true), restartCommand, pausingCommand('resume', false), rolloutStatusCommand, undoCommand],
};
