// kubectl delete -f FILE | TYPE NAME… | TYPE/NAME… | TYPE -l SEL | TYPE --field-selector SEL | TYPE --all,
// with --grace-period, --force, --now, --dry-run, --ignore-not-found, -o name.
// Source: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (Complete, Validate, RunDelete,
// DeleteResult, PrintObj); -f with -l or resource arguments: k8s.io/cli-runtime/pkg/resource/builder.go
// (visitByPaths).

import { apiErrors, isStatusError } from '../../engine/core/errors';
import { qualifiedResource, type KindInfo } from '../../engine/api/registry';
import { matchesSelector } from '../../engine/core/labels';
import type { KubectlCommand } from '../command';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, dryRunOf, FIELD_SELECTOR_FLAG, FILENAME_FLAG, OUTPUT_FLAG, SELECTOR_FLAG } from '../commonFlags';
import { addSourceToErr, AggregateError, KubectlError, toError } from '../errors';
import { pathLabelSelector, readManifests } from '../manifestSource';
import { kindString } from '../output';
import { listEachSelected, listSelectors, namedArgsError, parseResourceArgs, pathArgsError } from '../resources';

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

// Printed by the WarningPrinter ("Warning: " + message).
const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
const CLUSTER_SCOPE_WARNING = 'Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n';

interface Target {
  info: KindInfo;
  name: string;
  namespace: string | undefined;
  source: string;
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: "delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])",
  examples: '  # Delete a pod using the type and name specified in pod.json\n  kubectl delete -f ./pod.json\n\n  # Delete pods and services with same names "baz" and "foo"\n  kubectl delete pod,service baz foo',
  flags: [
    FILENAME_FLAG, SELECTOR_FLAG, FIELD_SELECTOR_FLAG, ALL_NAMESPACES_FLAG, OUTPUT_FLAG, DRY_RUN_FLAG,
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete.' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefVal: 'background', usage: 'Must be "background", "orphan", or "foreground".' },
  ],
  run(inv) {
    const { ctx, flags } = inv;
    const output = flags.string('output');
    // DeleteOptions.Complete runs first (--now, --dry-run, then the resource builder), then
    // Validate (the output mode, --force beside a grace period). Validate's own "cannot set
    // --all and --selector" is never reached: the builder's SelectAllParam has already refused
    // the pair.
    const dryRun = dryRunOf(flags);
    let grace = flags.int('grace-period');
    const force = flags.bool('force');
    if (flags.bool('now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    // --grace-period=0 without --force becomes 1; --force alone means 0.
    if (grace === 0 && !force) grace = 1;
    if (force && grace < 0) grace = 0;
    const all = flags.bool('all');
    const selectors = listSelectors(flags.string('selector'), flags.string('field-selector'));
    if (all && (selectors.labelSelector || selectors.fieldSelector)) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
    const allNamespaces = flags.bool('all-namespaces');
    // With --all, -l or --field-selector, NotFound is ignored unless --ignore-not-found was set.
    const ignoreNotFound = flags.changed('ignore-not-found')
      ? flags.bool('ignore-not-found')
      : all || !!selectors.labelSelector || !!selectors.fieldSelector;
    const filenames = flags.array('filename');
    const errors: Error[] = [];
    const targets: Target[] = [];

    if (filenames.length) {
      const entries = readManifests(inv, filenames, { validate: true });
      const refused = pathArgsError(inv.args);
      if (refused) throw new KubectlError(refused);
      // -l keeps the file's objects whose labels, as written, match (no Latest() in delete).
      const selector = pathLabelSelector(selectors.labelSelector);
      for (const entry of entries) {
        if ('error' in entry) { errors.push(entry.error); continue; }
        if (selector && !matchesSelector(entry.item.object.metadata.labels, selector)) continue;
        const { info, name, namespace, source } = entry.item;
        if (!name) { errors.push(new KubectlError('resource name may not be empty')); continue; }
        targets.push({ info, name, namespace: namespace || undefined, source });
      }
    } else {
      const req = parseResourceArgs(ctx, inv.args);
      if (!req) throw new KubectlError(NO_RESOURCES);
      // --all is the everything selector (SelectAllParam), refused beside names like -l.
      const refused = namedArgsError(req, { selector: all || !!(selectors.labelSelector || selectors.fieldSelector), allNamespaces });
      if (refused) throw new KubectlError(refused);
      if (req.named.length) {
        for (const { info, name } of req.named) targets.push({ info, name, namespace: info.namespaced ? inv.namespace : undefined, source: '' });
      } else {
        if (!all && !selectors.labelSelector && !selectors.fieldSelector) throw new KubectlError('resource(s) were provided, but no name was specified');
        // A refused LIST (unsupported field) is reported after the deletions.
        for (const { info, objects } of listEachSelected(ctx, req.types, allNamespaces ? undefined : inv.namespace, selectors, errors)) {
          for (const obj of objects) targets.push({ info, name: obj.metadata.name!, namespace: obj.metadata.namespace, source: '' });
        }
      }
    }

    if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    if (grace === 0 && force) inv.output.err(FORCE_WARNING);
    else if (grace > 0 && force) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
    // WarnClusterScope: an explicit -n does not scope cluster-scoped kinds; said once.
    let warnClusterScope = inv.explicitNamespace && !allNamespaces;
    let operation = grace === 0 ? 'force deleted' : 'deleted';
    if (dryRun === 'client') operation += ' (dry run)';
    if (dryRun === 'server') operation += ' (server dry run)';
    for (const t of targets) {
      if (warnClusterScope && !t.info.namespaced) {
        inv.output.err(CLUSTER_SCOPE_WARNING);
        warnClusterScope = false;
      }
      try {
        if (dryRun === 'none') {
          ctx.api.delete(t.info.kind, t.namespace, t.name, { gracePeriodSeconds: grace >= 0 ? grace : undefined, force });
        } else if (!ctx.api.tryGet(t.info.kind, t.namespace, t.name)) {
          throw apiErrors.notFound(qualifiedResource(t.info), t.name);
        }
        if (output === 'name') inv.output.out(`${kindString(t.info)}/${t.name}\n`);
        else inv.output.out(`${kindString(t.info)} "${t.name}" ${operation}\n`);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        if (e.reason === 'NotFound' && ignoreNotFound) continue;
        errors.push(addSourceToErr('deleting', t.source, toError(e)));
      }
    }
    // DeleteResult: nothing visited (a selector or -l on a file matched nothing) and no error.
    if (targets.length === 0 && errors.length === 0) inv.output.out('No resources found\n');
    if (errors.length) throw new AggregateError(errors);
  },
};
