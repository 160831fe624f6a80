// kubectl label and kubectl annotate: add `k=v`, remove `k-`, refuse to change
// an existing value without --overwrite; `labeled` / `unlabeled` / `labels
// changed` / `not labeled`, `annotated`; over names, `-l` or `--field-selector` selections, or --all.
// Sources: staging/src/k8s.io/kubectl/pkg/cmd/label/label.go (parseLabels,
// labelFunc, validateNoOverwrites, updateDataChangeMsg, RunLabel) and
// annotate/annotate.go (validateAnnotations, validateNoAnnotationOverwrites).

import { isValidLabelValue } from '../../engine/api/validation/common';
import { clone } from '../../engine/api/apiServer';
import { isStatusError } from '../../engine/core/errors';
import type { KubeObject } from '../../engine/core/types';
import type { Invocation, KubectlCommand } from '../command';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, dryRunOf, FIELD_SELECTOR_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { AggregateError, KubectlError, toError } from '../errors';
import type { FlagSpec } from '../flags';
import { mutationFormat } from '../output';
import { objectRef, printResult, resolveTargets, splitResourcesAndPairs } from './targets';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type Field = 'labels' | 'annotations';

interface Changes {
  set: Map<string, string>;
  remove: string[];
}

/** label.go parseLabels. */
function parseLabelPairs(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
      const errs = isValidLabelValue(parts[1]);
      if (errs.length) throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`);
      set.set(parts[0], parts[1]);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown label spec: ${spec}`);
  }
  if (remove.some((k) => set.has(k))) throw new KubectlError('can not both modify and remove a label in the same command');
  return { set, remove };
}

/** cmdutil.ParsePairs(args, "annotation", true) and validateAnnotations. */
function parseAnnotationPairs(pairs: string[]): Changes {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=');
      set.set(p.slice(0, eq), p.slice(eq + 1));
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
    else invalid.push(p);
  }
  if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`);
  const both = remove.filter((k) => set.has(k));
  if (both.length) throw new KubectlError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
  return { set, remove };
}

function overwriteError(field: Field, current: Record<string, string>, set: Map<string, string>): Error | undefined {
  const clashes = [...set].filter(([k, v]) => k in current && current[k] !== v && !(field === 'annotations' && k === CHANGE_CAUSE));
  if (!clashes.length) return undefined;
  if (field === 'labels') {
    const errs = clashes.map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    return new KubectlError(errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
  }
  const list = clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ');
  return new KubectlError(`--overwrite is false but found the following declared annotation(s): ${list}`);
}

/** updateDataChangeMsg. */
function labelMessage(before: Record<string, string>, after: Record<string, string>): string {
  const removed = Object.keys(before).some((k) => !(k in after));
  const changed = Object.keys(before).some((k) => k in after && after[k] !== before[k]) || Object.keys(after).some((k) => !(k in before));
  if (changed && removed) return 'labels changed';
  if (changed) return 'labeled';
  if (removed) return 'unlabeled';
  return 'not labeled';
}

function runPairs(inv: Invocation, field: Field): void {
  const { flags, ctx } = inv;
  const dryRun = dryRunOf(flags);
  mutationFormat(flags.string('output'));
  const pairType = field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = splitResourcesAndPairs(inv.args, pairType);
  const changes = field === 'labels' ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
  if (flags.bool('all') && flags.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (flags.bool('all') && flags.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.set.size < 1 && changes.remove.length < 1) throw new KubectlError(`at least one ${pairType} update is required`);
  const { targets, errors } = resolveTargets(inv, resources, { all: flags.bool('all'), selector: flags.string('selector'), fieldSelector: flags.string('field-selector'), allNamespaces: flags.bool('all-namespaces') });
  const failures = [...errors];
  for (const { info, obj } of targets) {
    try {
      const before = obj.metadata[field] ?? {};
      if (field === 'labels' && dryRun !== 'client') {
        for (const k of changes.remove) if (!(k in before)) inv.output.out(`label ${JSON.stringify(k)} not found.\n`);
      }
      if (!flags.bool('overwrite')) {
        const err = overwriteError(field, before, changes.set);
        if (err) throw err;
      }
      const after: Record<string, string> = { ...before };
      for (const [k, v] of changes.set) after[k] = v;
      for (const k of changes.remove) delete after[k];
      const next = clone(obj) as KubeObject;
      // A merge patch leaves an emptied map empty, and empty maps are omitted (omitempty).
      if (Object.keys(after).length) next.metadata[field] = after;
      else delete next.metadata[field];
      let shown: KubeObject = next;
      if (dryRun !== 'client') shown = ctx.api.update(next, { dryRun: dryRun === 'server' });
      const operation = field === 'labels' ? labelMessage(before, after) : 'annotated';
      // label.go prints the object it computed locally; annotate.go the server's answer.
      printResult(inv, objectRef(info, obj), field === 'labels' ? next : shown, operation, dryRun);
    } catch (e) {
      if (!isStatusError(e) && !(e instanceof KubectlError)) throw e;
      failures.push(toError(e));
    }
  }
  if (failures.length) throw new AggregateError(failures);
}

function flagsFor(field: Field): FlagSpec[] {
  const what = field === 'labels' ? 'labels' : 'annotations';
  return [
    OUTPUT_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, FIELD_SELECTOR_FLAG, ALL_NAMESPACES_FLAG,
    { name: 'overwrite', type: 'bool', usage: `If true, allow ${what} to be overwritten, otherwise reject ${field === 'labels' ? 'label' : 'annotation'} updates that overwrite existing ${what}.` },
    { name: 'all', type: 'bool', usage: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'resource-version', type: 'string', usage: `If non-empty, the ${field === 'labels' ? 'labels' : 'annotation'} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.` },
  ];
}

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  examples: "  # Update pod 'foo' with the label 'unhealthy' and the value 'true'\n  kubectl label pods foo unhealthy=true\n\n  # Update pod 'foo' by removing a label named 'bar' if it exists\n  # Does not require the --overwrite flag\n  kubectl label pods foo bar-",
  flags: flagsFor('labels'),
  run: (inv) => runPairs(inv, 'labels'),
};

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  examples: "  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'\n  kubectl annotate pods foo description='my frontend'",
  flags: flagsFor('annotations'),
  run: (inv) => runPairs(inv, 'annotations'),
};
